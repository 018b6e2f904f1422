// Renders the app icons (public/icons/*.svg) to the PNG sizes the web app manifest and iOS ask for, with Debian's
// Chromium through playwright-core (the browser-journey tooling of the repository). Run from the repository root:
//   npx tsx packages/web/scripts/render-icons.ts
// The PNGs are committed; run this again only after changing an SVG.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const dir = new URL("../public/icons/", import.meta.url).pathname;
const outputs = [
  { svg: "mamori-icon.svg", png: "mamori-192.png", size: 192 },
  { svg: "mamori-icon.svg", png: "mamori-512.png", size: 512 },
  { svg: "mamori-maskable.svg", png: "mamori-maskable-512.png", size: 512 },
  // iOS draws its own rounded corners on the home-screen icon, so it gets the full-bleed design.
  { svg: "mamori-maskable.svg", png: "apple-touch-icon-180.png", size: 180 },
] as const;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const { svg, png, size } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${readFileSync(`${dir}${svg}`).toString("base64")}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: `${dir}${png}`, omitBackground: true });
    await page.close();
    console.log(`${png} ${size}×${size}`);
  }
} finally {
  await browser.close();
}

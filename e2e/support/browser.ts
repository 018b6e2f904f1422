import { existsSync, mkdirSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"].find((path) => existsSync(path));

/** Where journeys save their screenshots (kept as CI artefacts). */
export const SCREENSHOT_DIR = new URL("../../test-results/screenshots/", import.meta.url).pathname;

/**
 * Launches Debian's Chromium headless. Browser journeys are part of `npm test`: without Chromium they fail with the
 * command that installs it, never pass silently.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM)
    throw new Error("Chromium is needed for the browser journeys: apt-get install chromium fonts-noto-cjk");
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

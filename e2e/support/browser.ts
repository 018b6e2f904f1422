import { mkdirSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM_PATH, INSTALL_HINT } from "./chromium-path.ts";

/** Where journeys save their screenshots (kept as CI artefacts). */
export const SCREENSHOT_DIR = new URL("../../test-results/screenshots/", import.meta.url).pathname;

/**
 * Launches Debian's Chromium headless. Browser journeys are part of `npm test`; without Chromium the test run leaves them
 * out with a loud warning (vitest.config.ts), unless MAMORI_REQUIRE_BROWSER=1, when this throws with the command that
 * installs it.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM_PATH) throw new Error(`Chromium is needed for the browser journeys: ${INSTALL_HINT}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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

import { existsSync } from "node:fs";

/**
 * Debian's Chromium, where `apt-get install chromium` puts it, or MAMORI_CHROMIUM when set (a Chromium elsewhere);
 * undefined when none of them exists.
 */
export const CHROMIUM_PATH: string | undefined = (
  process.env.MAMORI_CHROMIUM
    ? [process.env.MAMORI_CHROMIUM]
    : ["/usr/bin/chromium", "/usr/lib/chromium/chromium"]
).find((path) => existsSync(path));

/**
 * Whether the browser journeys must run: CI sets MAMORI_REQUIRE_BROWSER=1, and then a missing Chromium fails the run
 * (the journeys throw at launch) instead of skipping them.
 */
export const BROWSER_REQUIRED = process.env.MAMORI_REQUIRE_BROWSER === "1";

export const INSTALL_HINT = "apt-get install chromium fonts-noto-cjk";

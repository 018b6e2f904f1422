import { readdirSync } from "node:fs";
import { INSTALL_HINT } from "./chromium-path.ts";

const e2eDir = new URL("../", import.meta.url);

/** The journey files that a run without Chromium leaves out, for the warning. */
export function journeyFiles(): string[] {
  return readdirSync(e2eDir)
    .filter((name) => name.endsWith(".test.ts"))
    .sort();
}

export function skippedJourneysWarning(): string {
  const files = journeyFiles();
  const bar = "!".repeat(100);
  return [
    bar,
    `!! BROWSER JOURNEYS SKIPPED: Chromium is not installed. ${files.length} journeys did not run: ${files.join(", ")}`,
    `!! Install it with: ${INSTALL_HINT}   (CI sets MAMORI_REQUIRE_BROWSER=1, which makes a missing Chromium a failure)`,
    bar,
  ].join("\n");
}

/** Vitest global setup: says it again at the end of the run, where the summary is read. */
export default function setup(): () => void {
  return () => {
    console.warn(`\n${skippedJourneysWarning()}\n`);
  };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Gives the run one directory for the seeded databases the journeys copy (see `startServer`), removed at the end. */
export default function setup(): () => void {
  const templates = mkdtempSync(join(tmpdir(), "mamori-e2e-templates-"));
  process.env.MAMORI_E2E_TEMPLATES = templates;
  return () => rmSync(templates, { recursive: true, force: true });
}

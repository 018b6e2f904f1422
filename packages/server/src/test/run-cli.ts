import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, vi } from "vitest";

/** What a CLI command answered: its exit code and everything it wrote. */
export type CliResult = { code: number; stdout: string; stderr: string };

/** The `mamori` executable, as `npx mamori` runs it. */
export const MAMORI_BIN = fileURLToPath(new URL("../../bin/mamori.mjs", import.meta.url));

/**
 * Runs a command module's `run(args)` in this process and captures what it writes to stdout and stderr (nothing
 * reaches the test output).
 */
export async function captureRun(
  run: (args: string[]) => Promise<number>,
  args: string[],
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Runs the real `mamori` executable in a child process with `args`; answers on any exit code. */
export async function runMamori(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [MAMORI_BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const exit = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof exit.code !== "number") throw error;
    return { code: exit.code, stdout: exit.stdout ?? "", stderr: exit.stderr ?? "" };
  }
}

/**
 * A temporary folder made before the file's tests, for the inputs they hand to a command: `file` writes one (JSON
 * unless a string) and gives its path; `path` names one that need not exist.
 */
export function inputFolder(prefix: string) {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  return {
    path: (name: string) => join(dir, name),
    file: async (name: string, content: unknown): Promise<string> => {
      const path = join(dir, name);
      await writeFile(path, typeof content === "string" ? content : JSON.stringify(content));
      return path;
    },
  };
}

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.ts";

const binary = new URL("../../bin/mamori.mjs", import.meta.url).pathname;

describe("lockDataDir", () => {
  it("refuses a second opener while the first holds the lock, and frees it on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-lock-"));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(join(dir, "mamori.lock"))).toBe(false);
    lockDataDir(dir)();
  });

  it("takes over a lock left by a process that has died", () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-lock-"));
    // pid 2^22 + 1 is above Linux's pid_max default, so no live process has it.
    writeFileSync(join(dir, "mamori.lock"), String(4_194_305));
    const release = lockDataDir(dir);
    release();
  });

  it("takes over a lock file naming this process's own pid that this process does not hold (a restart in a container)", () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-lock-"));
    writeFileSync(join(dir, "mamori.lock"), String(process.pid));
    const release = lockDataDir(dir);
    // Held now: a second opener in this process is refused like any other.
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
  });

  it("makes a second `mamori start` on the same directory exit with a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-lock-"));
    const release = lockDataDir(dir);
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [binary, "start"], {
          env: { ...process.env, MAMORI_DATA_DIR: dir, PORT: "3998", DATABASE_URL: "" },
        });
        let stderr = "";
        child.stderr.on("data", (chunk) => {
          stderr += chunk;
        });
        child.on("close", (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by another Mamori process (pid ${process.pid})`);
    } finally {
      release();
    }
  });
});

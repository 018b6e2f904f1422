import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Raised when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Mamori process (pid ${ownerPid}). ` +
        "Stop that process first: two processes on one embedded database lose data.",
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still a live owner.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Lock files this process holds, so that a lock file naming our own pid can be told apart from a stale one. */
const heldByThisProcess = new Set<string>();

/**
 * Takes the exclusive lock on an embedded-database directory. PGlite does not lock its directory itself, and two
 * processes on one directory silently lose committed rows, so everything that opens it goes through here. The lock is a
 * file created with O_EXCL holding the owner's pid; a lock left by a dead process is taken over, and so is one naming this
 * process's own pid that this process does not hold (after a restart in a container every start may get the same pid).
 *
 * @returns a function that releases the lock
 * @throws DataDirLockedError when a live process holds it
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "mamori.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldByThisProcess.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldByThisProcess.delete(lockPath);
        process.off("exit", release);
        rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ownerPid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      const staleOwnPid = ownerPid === process.pid && !heldByThisProcess.has(lockPath);
      if (Number.isInteger(ownerPid) && !staleOwnPid && isAlive(ownerPid))
        throw new DataDirLockedError(dataDir, ownerPid);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

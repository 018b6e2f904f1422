import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The trials' own throwaway PostgreSQL (bench/api/postgres.ts), in a folder and on a port of each script's own. */
export function ownPostgres(name: string, port: number): void {
  process.env.MAMORI_BENCH_PG_BASE ??= `/tmp/mamori-trials-${name}-pg`;
  process.env.MAMORI_BENCH_PG_PORT ??= String(port);
}

async function pgCtl(dataDir: string, args: string): Promise<void> {
  const { stdout } = await run("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"]);
  const command = `${stdout.trim()}/pg_ctl -D ${dataDir} ${args}`;
  if (process.getuid?.() === 0) await run("su", ["postgres", "-s", "/bin/sh", "-c", command]);
  else await run("sh", ["-c", command]);
}

/** `pg_ctl stop -m fast`: the server ends every connection and stops. */
export const stopPostgres = (dataDir: string) => pgCtl(dataDir, "-m fast -w stop");

/** `pg_ctl start` with the options `.ci/postgres.sh` gives it (its port, socket folder and log). */
export function startPostgres(dataDir: string): Promise<void> {
  const base = join(dataDir, "..");
  const port = process.env.MAMORI_BENCH_PG_PORT!;
  return pgCtl(
    dataDir,
    `-o '-p ${port} -k ${base}/run -c listen_addresses=127.0.0.1 -c max_connections=200' -l ${base}/run/log -w start`,
  );
}

/** SIGKILL to the postmaster and every backend at once, as a crash of the database server would do. */
export async function killPostgres(dataDir: string): Promise<number> {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  let children: number[] = [];
  try {
    const { stdout } = await run("pgrep", ["-P", String(postmaster)]);
    children = stdout.split("\n").filter(Boolean).map(Number);
  } catch {
    // no children
  }
  for (const pid of [postmaster, ...children]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  // A new postmaster refuses to start while the old one's pid still exists, and a killed process lingers until its
  // parent reaps it: wait (up to 10 s) until it is gone.
  for (let waited = 0; waited < 10_000 && isAlive(postmaster); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return children.length;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

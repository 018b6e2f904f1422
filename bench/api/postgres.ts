import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./server-process.ts";

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL server of the benchmark's own, started with `.ci/postgres.sh` in its own folder and on its own
 * port (`MAMORI_BENCH_PG_BASE`, default /tmp/mamori-bench-pg; `MAMORI_BENCH_PG_PORT`, default 54339), so a server the
 * test suite is using on the CI port is never touched. The folder is wiped at start.
 */
export async function startThrowawayPostgres(): Promise<{
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}> {
  const script = join(REPO_ROOT, ".ci/postgres.sh");
  const base = process.env.MAMORI_BENCH_PG_BASE ?? "/tmp/mamori-bench-pg";
  const env = {
    ...process.env,
    MAMORI_PG_BASE: base,
    MAMORI_PG_PORT: process.env.MAMORI_BENCH_PG_PORT ?? "54339",
  };
  const { stdout } = await run(script, ["start"], { env });
  const match = /DATABASE_URL=(\S+)/.exec(stdout);
  if (!match) throw new Error(`.ci/postgres.sh printed no DATABASE_URL: ${stdout}`);
  return {
    url: match[1]!,
    dataDir: join(base, "data"),
    stop: async () => {
      await run(script, ["stop"], { env });
    },
  };
}

/**
 * Loads pg_stat_statements into the throwaway server (ALTER SYSTEM, then a restart with the same options) so a
 * profile can read the server-side time of each statement. Needs root (the server runs as the postgres user).
 */
export async function enableStatementStatistics(url: string, dataDir: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
  await client.end();
  const { stdout } = await run("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"]);
  const pgBin = stdout.trim();
  const log = join(dataDir, "..", "run", "log");
  const restart = `${pgBin}/pg_ctl -D ${dataDir} -l ${log} -m fast -w restart`;
  if (process.getuid?.() === 0) await run("su", ["postgres", "-s", "/bin/sh", "-c", restart]);
  else await run("sh", ["-c", restart]);
  const again = new pg.Client({ connectionString: url });
  await again.connect();
  await again.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await again.end();
}

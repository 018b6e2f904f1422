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
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = join(REPO_ROOT, ".ci/postgres.sh");
  const env = {
    ...process.env,
    MAMORI_PG_BASE: process.env.MAMORI_BENCH_PG_BASE ?? "/tmp/mamori-bench-pg",
    MAMORI_PG_PORT: process.env.MAMORI_BENCH_PG_PORT ?? "54339",
  };
  const { stdout } = await run(script, ["start"], { env });
  const match = /DATABASE_URL=(\S+)/.exec(stdout);
  if (!match) throw new Error(`.ci/postgres.sh printed no DATABASE_URL: ${stdout}`);
  return {
    url: match[1]!,
    stop: async () => {
      await run(script, ["stop"], { env });
    },
  };
}

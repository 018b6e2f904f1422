import { sql } from "drizzle-orm";
import { connect } from "../../packages/server/src/db/connect.ts";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "../../packages/server/src/demo/seed-demo.ts";
import { startThrowawayPostgres } from "../api/postgres.ts";
import { startServer } from "../api/server-process.ts";
import { ownPostgres, startPostgres, stopPostgres } from "./pg-control.ts";
import { rowsOf } from "./world.ts";
import { personIdsOf, signIn, WriteClients } from "./writes.ts";

/**
 * The connection-drop trial (PostgreSQL): under observation load, the server's connections are ended with
 * `pg_terminate_backend` (three times), then the database is stopped with `pg_ctl stop` for a few seconds and started
 * again. The Mamori process must survive, answer 503 (not 500, not a hang) while the database is away, and recover by
 * itself; every acknowledged entry must be stored once. Exits 1 otherwise.
 *
 *   npm run trials:connection-drop
 */
ownPostgres("drop", 54353);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pg = await startThrowawayPostgres();
const seeding = await connect({ kind: "postgres", url: pg.url });
await seedDemoIfEmpty(seeding.db, new Date());
const server = await startServer({ database: { kind: "postgres", url: pg.url } });
const cookie = await signIn(server.url, "demo-nurse", DEMO_PASSWORD);
const personIds = await personIdsOf(server.url, cookie);
const problems: string[] = [];
const lines: string[] = [];

/** What the server answers while the database is away: each probe within 5 s, or counted as a hang. */
async function probe(path: string, init: RequestInit = {}): Promise<string> {
  try {
    const response = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });
    await response.text();
    return String(response.status);
  } catch (error) {
    return (error as Error).name === "TimeoutError" ? "hang" : "no answer";
  }
}

async function recovered(withinMs: number): Promise<number | null> {
  const from = performance.now();
  while (performance.now() - from < withinMs) {
    if ((await probe("/api/people", { headers: { cookie } })) === "200") return performance.now() - from;
    await sleep(200);
  }
  return null;
}

const clients = new WriteClients(server.url, cookie, personIds);
clients.start(8);
try {
  await sleep(1_500);
  // 1. The server's connections ended by the database.
  for (let i = 1; i <= 3; i++) {
    const [ended] = rowsOf<{ n: number }>(
      await seeding.db.execute(sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`),
    );
    await sleep(1_000);
    server.assertRunning();
    lines.push(`  pg_terminate_backend ${i}: ${ended?.n ?? 0} connections ended; the server runs`);
  }
  const afterTerminate = await recovered(30_000);
  if (afterTerminate === null) problems.push("no 200 within 30 s after the connections were ended");
  // 2. The database stopped and started again.
  await seeding.close();
  await stopPostgres(pg.dataDir);
  const away = new Map<string, number>();
  const awayFrom = performance.now();
  while (performance.now() - awayFrom < 5_000) {
    for (const answer of [
      await probe("/api/health"),
      await probe("/api/people", { headers: { cookie } }),
      await probe("/api/observations", {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ observations: [] }),
      }),
    ])
      away.set(answer, (away.get(answer) ?? 0) + 1);
    await sleep(200);
  }
  await startPostgres(pg.dataDir);
  const afterRestart = await recovered(60_000);
  server.assertRunning();
  const awayLine = [...away].map(([s, n]) => `${s}×${n}`).join(" ");
  lines.push(`  while pg_ctl stop: probes answered ${awayLine}`);
  lines.push(
    `  recovered ${afterTerminate === null ? "never" : `${Math.round(afterTerminate)} ms`} after the terminations, ` +
      `${afterRestart === null ? "never" : `${Math.round(afterRestart)} ms`} after pg_ctl start`,
  );
  for (const bad of ["500", "hang", "no answer"])
    if (away.has(bad)) problems.push(`${away.get(bad)} × ${bad} while away`);
  if (afterRestart === null) problems.push("no 200 within 60 s after pg_ctl start");
  await sleep(1_000);
} finally {
  await clients.stop();
}
const statuses = [...clients.statuses].map(([s, n]) => `${s}×${n}`).join(" ");
lines.push(`  load answers: ${statuses}`);
for (const bad of ["500", "timeout"])
  if (clients.statuses.has(bad)) problems.push(`${clients.statuses.get(bad)} × ${bad} under load`);
const verdict = await clients.verify();
const check = await connect({ kind: "postgres", url: pg.url });
const ids = [...clients.acknowledged.keys(), ...clients.unknown.keys()];
const [row] = rowsOf<{ rows: number; distinct_ids: number }>(
  await check.db.execute(
    sql`select count(*)::int as rows, count(distinct id)::int as distinct_ids from observations
        where id::text = any(${sql.raw(`array[${ids.map((id) => `'${id}'`).join(",") || "''"}]`)})`,
  ),
);
await check.close();
await server.stop();
await pg.stop();
const duplicated = row!.rows - row!.distinct_ids;
if (verdict.lost || duplicated || verdict.resentUnknownFailed)
  problems.push("lost, duplicated or unaccepted entries");
for (const line of lines) process.stdout.write(`${line}\n`);
for (const p of problems) process.stdout.write(`problem: ${p}\n`);
process.stdout.write(
  `connection-drop postgres: ${clients.acknowledged.size} acknowledged entries, lost ${verdict.lost}, duplicated ${duplicated}, ` +
    `${verdict.resentUnknownFailed} unanswered batches not accepted on resend; ${problems.length} problems\n`,
);
process.exit(problems.length ? 1 : 0);

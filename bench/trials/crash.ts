import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { connect } from "../../packages/server/src/db/connect.ts";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "../../packages/server/src/demo/seed-demo.ts";
import { startThrowawayPostgres } from "../api/postgres.ts";
import { freePort, type RunningServer, type ServerDatabase, startServer } from "../api/server-process.ts";
import { killPostgres, ownPostgres, startPostgres } from "./pg-control.ts";
import { type DatabaseKind, databasesOf, rowsOf } from "./world.ts";
import { personIdsOf, signIn, WriteClients } from "./writes.ts";

/**
 * The crash trial: clients send observation batches with client-made ids to a real `mamori start`, which is killed
 * with SIGKILL mid-load and started again on the same database (on the embedded one, its data-directory lock must let
 * the new process in); on PostgreSQL every other trial kills the postmaster and its backends instead, and the same
 * Mamori process must carry on once the database is back. After each trial every acknowledged (200) batch is sent
 * again and must come back as all duplicates (stored), the unanswered ones must be accepted, and in the end no entry
 * is stored twice. Six trials per database; exits 1 on a lost or duplicated entry.
 *
 *   npm run trials:crash [-- --db pglite|postgres] [--trials 6]
 */
const args = process.argv.slice(2);
const TRIALS = Number(args[args.indexOf("--trials") + 1] ?? 6) || 6;
const CLIENTS = 8;
ownPostgres("crash", 54351);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(url: string, withinMs: number): Promise<boolean> {
  const until = performance.now() + withinMs;
  while (performance.now() < until) {
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return true;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  return false;
}

async function crashTrials(kind: DatabaseKind) {
  const dataDir = mkdtempSync(join(tmpdir(), "mamori-crash-"));
  const pg = kind === "postgres" ? await startThrowawayPostgres() : null;
  const database: ServerDatabase = pg ? { kind: "postgres", url: pg.url } : { kind: "pglite", dataDir };
  const seeding = await connect(pg ? { kind: "postgres", url: pg.url } : { kind: "pglite", dataDir });
  await seedDemoIfEmpty(seeding.db, new Date());
  await seeding.close();
  const port = await freePort();
  let server: RunningServer = await startServer({ database, port });
  const cookie = await signIn(server.url, "demo-nurse", DEMO_PASSWORD);
  const personIds = await personIdsOf(server.url, cookie);
  const lines: string[] = [];
  const sent = new Set<string>();
  let lost = 0;
  let unresolved = 0;
  let acknowledged = 0;
  try {
    for (let trial = 1; trial <= TRIALS; trial++) {
      const killDatabase = pg !== null && trial % 2 === 0;
      const clients = new WriteClients(server.url, cookie, personIds);
      clients.start(CLIENTS);
      await sleep(1_000 + Math.random() * 2_000);
      if (killDatabase) {
        await killPostgres(pg!.dataDir);
        await sleep(1_000);
        await startPostgres(pg!.dataDir);
        if (!(await healthy(server.url, 60_000)))
          throw new Error("Mamori did not recover after PostgreSQL restarted");
        server.assertRunning();
      } else {
        process.kill(server.pid, "SIGKILL");
        await sleep(300);
        server = await startServer({ database, port });
      }
      await sleep(1_000);
      await clients.stop();
      const verdict = await clients.verify();
      for (const id of [...clients.acknowledged.keys(), ...clients.unknown.keys()]) sent.add(id);
      lost += verdict.lost;
      unresolved += verdict.resentUnknownFailed;
      acknowledged += clients.acknowledged.size;
      const statuses = [...clients.statuses].map(([s, n]) => `${s}×${n}`).join(" ");
      const line =
        `  trial ${trial} (kill -9 of ${killDatabase ? "PostgreSQL" : "mamori start"}): ` +
        `${clients.acknowledged.size} acknowledged, ${clients.unknown.size} unanswered; lost ${verdict.lost}, ` +
        `unanswered not accepted on resend ${verdict.resentUnknownFailed}; answers ${statuses}`;
      lines.push(line);
      process.stdout.write(`${line}\n`);
    }
  } finally {
    await server.stop();
  }
  // Every entry sent is stored now (resent), each once.
  const check = await connect(pg ? { kind: "postgres", url: pg.url } : { kind: "pglite", dataDir });
  const ids = [...sent];
  const [row] = rowsOf<{ rows: number; distinct_ids: number }>(
    await check.db.execute(
      sql`select count(*)::int as rows, count(distinct id)::int as distinct_ids from observations
          where id::text = any(${sql.raw(`array[${ids.map((id) => `'${id}'`).join(",") || "''"}]`)})`,
    ),
  );
  await check.close();
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const duplicated = row!.rows - row!.distinct_ids;
  const missing = ids.length - row!.distinct_ids;
  return { lines, lost, unresolved, duplicated, missing, acknowledged, sent: ids.length };
}

let failed = false;
const summary: string[] = [];
for (const kind of databasesOf(args)) {
  const r = await crashTrials(kind);
  const line =
    `crash ${kind}: ${TRIALS} trials, ${r.acknowledged} acknowledged entries, lost ${r.lost}, duplicated ` +
    `${r.duplicated}; ${r.sent} entries sent in all, ${r.missing} missing after resending, ${r.unresolved} unanswered batches not accepted on resend`;
  summary.push(line);
  process.stdout.write(`${line}\n`);
  if (r.lost || r.duplicated || r.missing || r.unresolved) failed = true;
}
process.stdout.write(`${summary.join("\n")}\n`);
process.exit(failed ? 1 : 0);

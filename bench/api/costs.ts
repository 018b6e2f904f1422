/**
 * `node --import tsx bench/api/costs.ts --start-postgres` (or with DATABASE_URL, or `--pglite`) — the cost of each
 * piece of `POST /api/observations`, one call at a time, in process: wall time (median and p99) and CPU time per call.
 * Without concurrency there is no queueing, so this shows what each step costs by itself; `profile.ts` shows how those
 * costs add up under 50 clients.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ObservationInput, recordBody } from "@mamori/contract/observations";
import { verify } from "@node-rs/argon2";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { buildApp } from "../../packages/server/src/app.ts";
import { appendAudit } from "../../packages/server/src/audit/audit.ts";
import { hashPassword } from "../../packages/server/src/auth/password.ts";
import { findSessionUser, openSession } from "../../packages/server/src/auth/sessions.ts";
import { connect } from "../../packages/server/src/db/connect.ts";
import {
  observations,
  organisations,
  people,
  sessions,
  users,
} from "../../packages/server/src/db/schema/index.ts";
import { recordObservations } from "../../packages/server/src/routes/observations/record-observations.ts";
import { createBenchFacility } from "./bench-facility.ts";
import { familyCpuSeconds, postmasterPid, waitForQuietMachine } from "./cpu-meter.ts";
import { type QueryClient, recordInOneStatement } from "./one-statement-write.ts";
import { startThrowawayPostgres } from "./postgres.ts";
import type { ServerDatabase } from "./server-process.ts";

const { values: args } = parseArgs({
  options: {
    calls: { type: "string", default: "1500" },
    "start-postgres": { type: "boolean", default: false },
    pglite: { type: "boolean", default: false },
    "quiet-cores": { type: "string", default: "0.5" },
    "max-wait": { type: "string", default: "60" },
  },
});
const calls = Number(args.calls);

type Cost = { label: string; wallP50Us: number; wallP99Us: number; cpuUs: number; dbCpuUs: number | null };
type Op = { label: string; fn: () => unknown; calls: number; walls: number[]; cpuUs: number; dbCpuS: number };

const ROUNDS = 10;

/**
 * Runs every operation `calls` times, interleaved: ten rounds, each calling every operation a tenth of its calls, so
 * a change in the machine's other load during the measurement touches all operations alike. A warm-up round first.
 */
async function measureAll(ops: Op[], postmaster: number | null): Promise<Cost[]> {
  for (const op of ops) for (let i = 0; i < Math.ceil(op.calls / ROUNDS); i++) await op.fn();
  for (let round = 0; round < ROUNDS; round++) {
    for (const op of ops) {
      const n = Math.ceil(op.calls / ROUNDS);
      const cpu0 = process.cpuUsage();
      const db0 = postmaster ? familyCpuSeconds(postmaster) : 0;
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await op.fn();
        op.walls.push(performance.now() - t);
      }
      const cpu = process.cpuUsage(cpu0);
      op.cpuUs += cpu.user + cpu.system;
      if (postmaster) op.dbCpuS += familyCpuSeconds(postmaster) - db0;
    }
  }
  return ops.map((op) => {
    const walls = [...op.walls].sort((a, b) => a - b);
    return {
      label: op.label,
      wallP50Us: walls[Math.floor(walls.length / 2)]! * 1000,
      wallP99Us: walls[Math.floor(walls.length * 0.99)]! * 1000,
      cpuUs: op.cpuUs / walls.length,
      dbCpuUs: postmaster ? (op.dbCpuS * 1e6) / walls.length : null,
    };
  });
}

let throwaway: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
const pgliteDir = mkdtempSync(join(tmpdir(), "mamori-bench-costs-"));
try {
  let database: ServerDatabase;
  if (args.pglite) database = { kind: "pglite", dataDir: pgliteDir };
  else if (args["start-postgres"]) {
    throwaway = await startThrowawayPostgres();
    database = { kind: "postgres", url: throwaway.url };
  } else if (process.env.DATABASE_URL) database = { kind: "postgres", url: process.env.DATABASE_URL };
  else throw new Error("give --start-postgres, --pglite, or DATABASE_URL");
  const connection = await connect(database);
  const db = connection.db;
  const facility = await createBenchFacility(db, { peopleCount: 50, userCount: 1 });
  const [user] = await db.select().from(users).where(eq(users.username, facility.usernames[0]!));
  const token = await openSession(db, user!.id, new Date());
  const sessionUser = (await findSessionUser(db, token, new Date()))!;
  const app = await buildApp({ db });
  const cookie = `mamori_session=${token}`;
  const batch = (): { observations: ObservationInput[] } => ({
    observations: [0, 1, 2].map((k) => ({
      id: randomUUID(),
      personId: facility.personIds[k * 7]!,
      at: new Date(Date.now() - 60_000).toISOString(),
      tempC: 36.6,
      symptoms: k === 1 ? ["cough" as const] : [],
    })),
  });
  const rowsOf = (b: { observations: ObservationInput[] }) =>
    b.observations.map((o) => ({
      ...o,
      at: new Date(o.at),
      facilityId: facility.facilityId,
      recordedBy: sessionUser.id,
    }));
  const observationTransaction = (options: { audit: boolean; asyncCommit: boolean }) =>
    db.transaction(async (tx) => {
      if (options.asyncCommit) await tx.execute(sql`set local synchronous_commit = off`);
      const rows = await tx
        .insert(observations)
        .values(rowsOf(batch()))
        .onConflictDoNothing({ target: observations.id })
        .returning();
      if (!options.audit) return;
      await appendAudit(
        tx,
        rows.map((row) => ({
          actorUserId: sessionUser.id,
          organisationId: facility.facilityId,
          action: "create" as const,
          entity: "observation",
          entityId: row.id,
          after: row,
        })),
      );
    });
  const sampleBody = JSON.stringify(batch());
  const personIds = facility.personIds.slice(0, 3);
  const hash = await hashPassword("a password");

  const quiet = await waitForQuietMachine(Number(args["quiet-cores"]), Number(args["max-wait"]));
  console.log(`machine before measuring: ${quiet.busyCores?.toFixed(2) ?? "?"} cores busy with other work`);

  const ops: Op[] = [];
  const add = (label: string, fn: () => unknown, n = calls) => {
    ops.push({ label, fn, calls: n, walls: [], cpuUs: 0, dbCpuS: 0 });
  };
  add("round trip: SELECT 1 through Drizzle", () => db.execute(sql`select 1`));
  add("session lookup: findSessionUser (SHA-256 + 3-table join)", () =>
    findSessionUser(db, token, new Date()),
  );
  add("person check: SELECT id FROM people WHERE facility AND id IN (…)", () =>
    db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.facilityId, facility.facilityId), inArray(people.id, personIds))),
  );
  add("transaction: BEGIN, INSERT 3 observations RETURNING, INSERT 3 audit rows, COMMIT", () =>
    observationTransaction({ audit: true, asyncCommit: false }),
  );
  add("  the same without the audit INSERT", () =>
    observationTransaction({ audit: false, asyncCommit: false }),
  );
  add("  BEGIN + SELECT 1 + COMMIT (a transaction that writes nothing: no WAL flush)", () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
    }),
  );
  if (database.kind === "postgres") {
    add("  diagnostic: the full transaction with SET LOCAL synchronous_commit = off", () =>
      observationTransaction({ audit: true, asyncCommit: true }),
    );
  }
  add("recordObservations (two or three prepared statements in one transaction, kept onsets included)", () =>
    recordObservations(db, sessionUser, facility.facilityId, batch().observations, new Date()),
  );
  const client = (db as unknown as { $client: QueryClient }).$client;
  const oneStatementWrite = async (prepared: boolean) => {
    const result = await recordInOneStatement(
      client,
      prepared,
      facility.facilityId,
      sessionUser.id,
      batch().observations,
    );
    if (result.saved !== 3) throw new Error(`one-statement write answered ${JSON.stringify(result)}`);
  };
  add("proposal: the write as ONE statement (person check + insert + audit, no BEGIN/COMMIT)", () =>
    oneStatementWrite(false),
  );
  if (database.kind === "postgres") {
    add("proposal: the same one statement, prepared (named: parsed and planned once per connection)", () =>
      oneStatementWrite(true),
    );
  }
  const preparedSessionLookup = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(sessions.tokenDigest, sql.placeholder("digest")),
        gt(sessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare("mamori_session_lookup");
  const tokenDigest = createHash("sha256").update(token).digest("hex");
  add("proposal: session lookup as a prepared statement (Drizzle .prepare)", async () => {
    const [row] = await preparedSessionLookup.execute({ digest: tokenDigest, now: new Date() });
    if (!row) throw new Error("prepared session lookup found no session");
  });
  add("whole request in process: app.inject POST /api/observations", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie, "content-type": "application/json" },
      payload: JSON.stringify(batch()),
    });
    if (r.statusCode !== 200) throw new Error(r.body);
  });
  add("  of which CPU only: Drizzle builds the session-lookup SQL (toSQL)", () =>
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        organisationId: organisations.id,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(sessions.tokenDigest, "0".repeat(64)), gt(sessions.expiresAt, new Date())))
      .toSQL(),
  );
  add("  of which CPU only: Drizzle builds INSERT 3 observations … RETURNING (toSQL)", () =>
    db
      .insert(observations)
      .values(rowsOf(batch()))
      .onConflictDoNothing({ target: observations.id })
      .returning()
      .toSQL(),
  );
  add("  of which CPU only: JSON.parse of the body", () => JSON.parse(sampleBody));
  add("  of which CPU only: JSON.parse + zod validation of the body (recordBody)", () =>
    recordBody.parse(JSON.parse(sampleBody)),
  );
  add("  of which CPU only: SHA-256 of the session token", () =>
    createHash("sha256").update(token).digest("hex"),
  );
  add(
    "for contrast, NOT per request: one Argon2id verification (sign-in only)",
    () => verify(hash, "a password"),
    30,
  );
  const costs = await measureAll(ops, throwaway ? postmasterPid(throwaway.dataDir) : null);
  console.log(
    `\n${database.kind}, one call at a time, ${calls} calls each, interleaved in ${ROUNDS} rounds ` +
      "(batches of 3 observations):",
  );
  for (const c of costs) {
    console.log(
      `${c.label.padEnd(78)} wall p50 ${c.wallP50Us.toFixed(0).padStart(6)} µs, p99 ` +
        `${c.wallP99Us.toFixed(0).padStart(6)} µs, CPU ${c.cpuUs.toFixed(0).padStart(5)} µs` +
        (c.dbCpuUs === null ? "" : ` + PostgreSQL ${c.dbCpuUs.toFixed(0).padStart(5)} µs`),
    );
  }
  await app.close();
  await connection.close();
} finally {
  if (throwaway) await throwaway.stop();
  rmSync(pgliteDir, { recursive: true, force: true });
}

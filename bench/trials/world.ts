import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@mamori/contract/permissions";
import { sql } from "drizzle-orm";
import { buildApp } from "../../packages/server/src/app.ts";
import { hashPassword } from "../../packages/server/src/auth/password.ts";
import { connect } from "../../packages/server/src/db/connect.ts";
import type { Database } from "../../packages/server/src/db/database.ts";
import { people, users } from "../../packages/server/src/db/schema/index.ts";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "../../packages/server/src/demo/seed-demo.ts";
import { startThrowawayPostgres } from "../api/postgres.ts";
import { freePort, type RunningServer, type ServerDatabase, startServer } from "../api/server-process.ts";
import { inProcess, overHttp, type Transport } from "./transport.ts";

type Connection = Awaited<ReturnType<typeof connect>>;
export type RecordId = { table: string; ownerId: string; id: string };

export type DatabaseKind = "pglite" | "postgres";

export type Organisation = {
  id: string;
  kind: string;
  facilityType: string | null;
  name: string;
  healthCentreId: string | null;
  municipalityId: string | null;
  /** A string planted in this organisation's records (people, user names), found nowhere else. */
  marker: string;
};
export type TrialUser = { username: string; role: Role; organisation: Organisation; cookie: string };

/** The roles a user of the trials holds in each kind of organisation. */
function rolesOf(o: { kind: string; facilityType: string | null }): Role[] {
  if (o.kind === "health_centre") return ["health_centre_officer"];
  if (o.kind === "municipality") return ["municipal_officer"];
  if (o.kind === "secretariat") return ["secretariat"];
  if (o.facilityType === "hospital")
    return ["physician", "lab_technologist", "ast_member", "nurse", "director", "admin"];
  return ["care_worker", "nurse", "ic_lead", "director", "physician", "admin"];
}

/** How a trial reaches Mamori: `http` (a real `mamori start`, the default) or `in-process` (`app.inject`). */
export type Reach = "http" | "in-process";

export type World = {
  transport: Transport;
  routes: { method: string; url: string }[];
  organisations: Organisation[];
  users: TrialUser[];
  /** Whether a user of `viewer` may see records of `owner`: its own, the offices it reports to, their facilities. */
  related: (viewer: Organisation, owner: Organisation) => boolean;
  /** Ids of every organisation's records now (`recordIds`); on the embedded database over HTTP the server stops meanwhile. */
  recordIds: () => Promise<RecordId[]>;
  close: () => Promise<void>;
};

/**
 * The demo (both facilities, the hospital, the four offices, the secretariat) in a database of the trial's own, with a
 * user of every role of each organisation, signed in, and a marker planted in each organisation's records. The routes
 * are the app's as registered (its `onRoute` list). Over HTTP the app is a `mamori start` process of its own, called
 * as Mamori's web page calls it. `close` stops everything and removes the database.
 */
export async function openWorld(kind: DatabaseKind, reach: Reach): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), "mamori-trials-"));
  const pg = kind === "postgres" ? await startThrowawayPostgres() : null;
  const target: ServerDatabase = pg ? { kind: "postgres", url: pg.url } : { kind: "pglite", dataDir };
  let connection: Connection | null = await connect(target);
  const db = connection.db;
  const now = new Date();
  await seedDemoIfEmpty(db, now);
  const orgRows = await db.execute(
    sql`select id, kind, facility_type, name, health_centre_id, municipality_id from organisations order by name`,
  );
  const organisations: Organisation[] = rowsOf<{
    id: string;
    kind: string;
    facility_type: string | null;
    name: string;
    health_centre_id: string | null;
    municipality_id: string | null;
  }>(orgRows).map((o, i) => ({
    id: o.id,
    kind: o.kind,
    facilityType: o.facility_type,
    name: o.name,
    healthCentreId: o.health_centre_id,
    municipalityId: o.municipality_id,
    marker: `MKR${String(i).padStart(2, "0")}x${o.id.slice(0, 6)}`,
  }));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const trialUsers: Omit<TrialUser, "cookie">[] = [];
  for (const o of organisations) {
    if (o.kind === "facility")
      await db.insert(people).values({ facilityId: o.id, name: `印 ${o.marker}`, kind: "resident" });
    for (const role of rolesOf(o)) {
      const username = `trial-${o.marker}-${role}`.toLowerCase();
      await db.insert(users).values({
        organisationId: o.id,
        username,
        displayName: `試験 ${o.marker}`,
        role,
        passwordHash,
      });
      trialUsers.push({ username, role, organisation: o });
    }
  }
  const routes: { method: string; url: string }[] = [];
  const app = await buildApp({
    db,
    onRoute: (r) => {
      for (const method of [r.method].flat()) if (method !== "HEAD") routes.push({ method, url: r.url });
    },
  });
  await app.ready();

  let server: RunningServer | null = null;
  let transport: Transport;
  let recordIdsNow: () => Promise<RecordId[]>;
  if (reach === "in-process") {
    transport = inProcess(app);
    recordIdsNow = () => recordIds(db);
  } else {
    await app.close();
    // The embedded database admits one process: the server's. PostgreSQL keeps the trial's connection for its reads.
    if (target.kind === "pglite") {
      await connection.close();
      connection = null;
    }
    const port = await freePort();
    // On PostgreSQL the operator gives the key that seals second-factor secrets (the embedded database makes its own).
    const env = { MAMORI_SECRET_KEY: randomBytes(32).toString("base64") };
    server = await startServer({ database: target, port, env });
    transport = overHttp(server.url);
    recordIdsNow = async () => {
      if (connection) return recordIds(connection.db);
      await server!.stop();
      const reading = await connect(target);
      try {
        return await recordIds(reading.db);
      } finally {
        await reading.close();
        server = await startServer({ database: target, port, env });
      }
    };
  }
  const signedIn: TrialUser[] = [];
  for (const u of trialUsers) signedIn.push({ ...u, cookie: await signInAs(transport, u.username) });
  const related = (viewer: Organisation, owner: Organisation) =>
    viewer.id === owner.id ||
    owner.healthCentreId === viewer.id ||
    owner.municipalityId === viewer.id ||
    viewer.healthCentreId === owner.id ||
    viewer.municipalityId === owner.id ||
    // The survey secretariat reads the hospitals' answers.
    (viewer.kind === "secretariat" && owner.facilityType === "hospital") ||
    (owner.kind === "secretariat" && viewer.facilityType === "hospital");
  return {
    transport,
    routes: routes.filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs")),
    organisations,
    users: signedIn,
    related,
    recordIds: recordIdsNow,
    close: async () => {
      if (server) await server.stop();
      else await app.close();
      await connection?.close();
      await pg?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in as Mamori's sign-in page does; the session cookie as a `cookie` header. */
async function signInAs(transport: Transport, username: string): Promise<string> {
  const answer = await transport.send({
    method: "POST",
    url: "/api/auth/login",
    headers: { "content-type": "application/json", ...transport.sameOrigin },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const token = answer.cookies?.find((c) => c.startsWith("mamori_session="));
  if (answer.status !== 200 || !token)
    throw new Error(`${username} could not sign in: ${answer.status} ${answer.body}`);
  return token;
}

/** The arguments every trial takes: `--db pglite|postgres|both` (default both), `--in-process` (default over HTTP). */
export function reachOf(args: string[]): Reach {
  return args.includes("--in-process") ? "in-process" : "http";
}

/** The rows of `db.execute`: PGlite and node-postgres answer in different shapes. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The database of a trial from `--db pglite|postgres|both` (default both). */
export function databasesOf(args: string[]): DatabaseKind[] {
  const i = args.indexOf("--db");
  const which = i >= 0 ? args[i + 1] : "both";
  if (which === "pglite" || which === "postgres") return [which];
  return ["pglite", "postgres"];
}

/**
 * Ids of every organisation's records: each table with an `id` and an owner column (`facility_id`, `hospital_id`,
 * `organisation_id`, `office_id`), up to `perTable` ids per table and owner.
 */
export async function recordIds(db: Database, perTable = 2): Promise<RecordId[]> {
  const tables = rowsOf<{ table_name: string; owner: string }>(
    await db.execute(sql`
      select c.table_name, min(o.column_name) as owner
      from information_schema.columns c
      join information_schema.columns o on o.table_name = c.table_name and o.table_schema = c.table_schema
      where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'
        and o.column_name in ('facility_id', 'hospital_id', 'organisation_id', 'office_id')
      group by c.table_name order by c.table_name`),
  );
  const found: RecordId[] = [];
  for (const { table_name, owner } of tables) {
    const rows = rowsOf<{ owner_id: string; id: string }>(
      await db.execute(
        sql.raw(`select owner_id, id from (
          select ${owner}::text as owner_id, id::text as id,
                 row_number() over (partition by ${owner} order by id) as n
          from "${table_name}" where ${owner} is not null) t where n <= ${perTable}`),
      ),
    );
    for (const r of rows) found.push({ table: table_name, ownerId: r.owner_id, id: r.id });
  }
  return found;
}

/** Which tables a path or body name (`people`, `cases`, `personId`, `caseId`) most likely means. */
export function tablesFor(hint: string, tables: string[]): string[] {
  const words = hint
    .replace(/Id$/, "")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/-/g, "_");
  const stems = new Set([words, words.replace(/s$/, ""), words === "person" ? "people" : words]);
  const exact = tables.filter((t) => stems.has(t) || stems.has(t.replace(/s$/, "")));
  if (exact.length) return exact;
  return tables.filter((t) => [...stems].some((s) => t.endsWith(`_${s}`) || t.endsWith(`_${s}s`)));
}

import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";

// Rows stored before migrations 0018 (observations and the audit log partitioned by month) and 0019 (keys scoped to
// the organisation) are all there after them, in the partitions of their months, and the new keys hold.

const migrations = fileURLToPath(new URL("./migrations", import.meta.url));
type Db = PgDatabase<PgQueryResultHKT>;
type Migrate = (db: Db, folder: string) => Promise<void>;

/** A copy of the migrations folder that ends with migration `last`. */
function migrationsUpTo(last: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), "mamori-migrations-")), "migrations");
  cpSync(migrations, dir, { recursive: true });
  const journalFile = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function keepsRows(db: Db, migrate: Migrate) {
  await migrate(db, migrationsUpTo(17));
  const [a, b] = [randomUUID(), randomUUID()];
  const [personA, personB, unitA, userA, caseA] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];
  const [obsNear, obsFar] = [randomUUID(), randomUUID()];
  await db.execute(sql`insert into organisations (id, kind, name, facility_type) values
    (${a}, 'facility', 'A', 'elderly_care'), (${b}, 'facility', 'B', 'elderly_care')`);
  await db.execute(sql`insert into units (id, facility_id, name, floor) values (${unitA}, ${a}, '1F', '1')`);
  await db.execute(sql`insert into users (id, organisation_id, username, display_name, role, password_hash)
    values (${userA}, ${a}, ${`u-${a}`}, 'U', 'care_worker', 'x')`);
  await db.execute(sql`insert into people (id, facility_id, name, kind, unit_id) values
    (${personA}, ${a}, 'P', 'resident', ${unitA}), (${personB}, ${b}, 'Q', 'resident', null)`);
  await db.execute(sql`insert into observations (id, facility_id, person_id, at, temp_c, symptoms, recorded_by) values
    (${obsNear}, ${a}, ${personA}, '2026-10-05T08:00:00Z', 38.1, '{fever}', ${userA}),
    (${obsFar}, ${a}, ${personA}, '1999-02-03T08:00:00Z', null, '{}', ${userA})`);
  await db.execute(sql`insert into cases (id, facility_id, person_id, syndrome_group, status, onset_date, recorded_by)
    values (${caseA}, ${a}, ${personA}, 'GI', 'suspected', '2026-10-05', ${userA})`);
  await db.execute(sql`insert into audit_log (at, organisation_id, action, entity, entity_id) values
    ('2026-10-05T08:00:00Z', ${a}, 'create', 'observation', ${obsNear}),
    ('1999-02-03T08:00:00Z', ${a}, 'create', 'observation', ${obsFar})`);
  const auditBefore = await rows<{ id: string; at: Date; entity_id: string }>(
    db,
    sql`select id, at, entity_id from audit_log where organisation_id = ${a} order by id`,
  );

  await migrate(db, migrations);

  expect(
    await rows(
      db,
      sql`select id, tableoid::regclass::text as partition, temp_c::float8 as temp_c, symptoms
        from observations where facility_id = ${a} order by at`,
    ),
  ).toEqual([
    { id: obsFar, partition: "observations_1999_02", temp_c: null, symptoms: [] },
    { id: obsNear, partition: "observations_2026_10", temp_c: 38.1, symptoms: ["fever"] },
  ]);
  expect(await rows(db, sql`select id from observation_keys where facility_id = ${a} order by id`)).toEqual(
    [obsNear, obsFar].sort().map((id) => ({ id })),
  );
  expect(
    await rows(db, sql`select id, at, entity_id from audit_log where organisation_id = ${a} order by id`),
  ).toEqual(auditBefore);
  const partitions = await rows<{ partition: string }>(
    db,
    sql`select tableoid::regclass::text as partition from audit_log where organisation_id = ${a} order by id`,
  );
  expect(partitions.map((p) => p.partition)).toEqual(["audit_log_2026_10", "audit_log_1999_02"]);
  // The log's numbering goes on after the copied entries.
  const [next] = await rows<{ id: string }>(
    db,
    sql`insert into audit_log (organisation_id, action, entity, entity_id) values (${a}, 'create', 'test', 'x')
      returning id`,
  );
  expect(BigInt(next!.id)).toBeGreaterThan(BigInt(auditBefore[1]!.id));
  expect(await rows(db, sql`select id from cases where facility_id = ${a}`)).toEqual([{ id: caseA }]);

  // A row of one organisation cannot point to another organisation's row, nor its observation reuse a stored key.
  await expect(
    db.execute(sql`insert into cases (id, facility_id, person_id, syndrome_group, status, onset_date, recorded_by)
      values (${randomUUID()}, ${a}, ${personB}, 'GI', 'suspected', '2026-10-05', ${userA})`),
  ).rejects.toThrow();
  await expect(
    db.execute(sql`insert into observations (id, facility_id, person_id, at, symptoms, recorded_by)
      values (${randomUUID()}, ${a}, ${personB}, '2026-10-06T08:00:00Z', '{}', ${userA})`),
  ).rejects.toThrow();
  const resent = await rows(
    db,
    sql`insert into observations (id, facility_id, person_id, at, symptoms, recorded_by)
      values (${obsNear}, ${a}, ${personA}, '2026-11-06T08:00:00Z', '{}', ${userA}) returning id`,
  );
  expect(resent).toEqual([]);
}

describe.runIf(process.env.MAMORI_TEST_DB !== "postgres")("migrations on the embedded database", () => {
  it("keep the rows stored before the month partitions and the organisation keys", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create();
    try {
      await keepsRows(drizzle(client) as unknown as Db, (db, folder) =>
        migrate(db as never, { migrationsFolder: folder }),
      );
    } finally {
      await client.close();
    }
  }, 120_000);
});

describe.runIf(process.env.MAMORI_TEST_DB === "postgres")("migrations on a PostgreSQL server", () => {
  it("keep the rows stored before the month partitions and the organisation keys", async () => {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const serverUrl = process.env.DATABASE_URL!;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const name = `mamori_migrate_${randomUUID().slice(0, 8)}`;
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    // The database is dropped at the end, which ends any connection the pool still holds.
    pool.on("error", () => {});
    try {
      await keepsRows(drizzle(pool) as unknown as Db, (db, folder) =>
        migrate(db as never, { migrationsFolder: folder }),
      );
    } finally {
      await pool.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});

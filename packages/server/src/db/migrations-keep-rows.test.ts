import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { NO_ORGANISATION } from "../audit/no-organisation.ts";

// Rows stored before migrations 0018 (observations and the audit log partitioned by month), 0019 (keys scoped to the
// organisation), 0021 (ids scoped to the organisation; the organisation of the tables that had none) and 0023 (the
// audit log keyed by organisation; its entries of no organisation filed under NO_ORGANISATION) are all there after
// them, in the partitions of their months and with the organisation of the row each belongs to, and the new keys hold.

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
  // Entries of no organisation: failed sign-ins of names no account has.
  const [unknownNear, unknownFar] = [`unknown:${randomUUID()}`, `unknown:${randomUUID()}`];
  await db.execute(sql`insert into audit_log (at, organisation_id, action, entity, entity_id) values
    ('2026-10-05T09:00:00Z', null, 'sign_in_failed', 'user', ${unknownNear}),
    ('1999-02-03T09:00:00Z', null, 'sign_in_failed', 'user', ${unknownFar})`);
  const ofNoOrganisation = sql`select id, at, entity_id from audit_log
    where entity_id in (${unknownNear}, ${unknownFar}) order by id`;
  const noOrganisationBefore = await rows<{ id: string; at: Date; entity_id: string }>(db, ofNoOrganisation);
  const children = await storeChildRows(db, { facility: a, unit: unitA, person: personA, user: userA });
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
  expect(await rows(db, ofNoOrganisation)).toEqual(noOrganisationBefore);
  expect(
    await rows(
      db,
      sql`select organisation_id, tableoid::regclass::text as partition from audit_log
        where entity_id in (${unknownNear}, ${unknownFar}) order by id`,
    ),
  ).toEqual([
    { organisation_id: NO_ORGANISATION, partition: "audit_log_2026_10" },
    { organisation_id: NO_ORGANISATION, partition: "audit_log_1999_02" },
  ]);
  // Keyed by organisation now: an entry needs one, and no organisation may take the one of no organisation.
  await expect(
    db.execute(sql`insert into audit_log (action, entity, entity_id) values ('create', 'test', 'x')`),
  ).rejects.toThrow();
  await expect(
    db.execute(
      sql`insert into organisations (id, kind, name) values (${NO_ORGANISATION}, 'secretariat', 'N')`,
    ),
  ).rejects.toThrow();
  // Still append-only, whatever the organisation.
  for (const id of [auditBefore[0]!.id, noOrganisationBefore[0]!.id]) {
    await expect(db.execute(sql`update audit_log set action = 'x' where id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = ${id}`)).rejects.toThrow();
  }
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

  await childRowsKeptWithTheirOrganisation(db, { a, b, unitA, personA, userA, ...children });
}

/** Rows of the tables that had no organisation column before migration 0021, stored at migration 0017. */
async function storeChildRows(db: Db, of: { facility: string; unit: string; person: string; user: string }) {
  const [room, episode, event, report, message, record, hospitalCase, webResponse] = Array.from(
    { length: 8 },
    () => randomUUID(),
  );
  const [secretariat, clerk, form, paperResponse, office] = Array.from({ length: 5 }, () => randomUUID());
  const { facility, unit, person, user } = of;
  await db.execute(sql`insert into organisations (id, kind, name) values
    (${secretariat}, 'secretariat', 'S'), (${office}, 'health_centre', 'H')`);
  await db.execute(sql`insert into users (id, organisation_id, username, display_name, role, password_hash)
    values (${clerk}, ${secretariat}, ${`s-${secretariat}`}, 'S', 'secretariat', 'x')`);
  await db.execute(sql`insert into rooms (id, unit_id, name) values (${room}, ${unit}, '101')`);
  await db.execute(sql`insert into outbreak_episodes (id, facility_id, subject_group, opened_date, opened_by, opened_at)
    values (${episode}, ${facility}, 'GI', '2026-10-05', ${user}, now())`);
  await db.execute(sql`insert into outbreak_episode_events (id, episode_id, kind, day, by_user, at)
    values (${event}, ${episode}, 'opened', '2026-10-05', ${user}, now())`);
  await db.execute(sql`insert into office_reports (id, facility_id, kind, subject_group, criterion, status, version,
    content, evidence, created_by, created_at, updated_at)
    values (${report}, ${facility}, 'first', 'GI', 'B', 'submitted', 1, '{}', '{}', ${user}, now(), now())`);
  await db.execute(sql`insert into office_report_versions (report_id, version, content, saved_by, saved_at)
    values (${report}, 1, '{}', ${user}, now())`);
  await db.execute(sql`insert into office_report_messages (id, report_id, kind, text, from_organisation_id, from_kind,
    created_by, created_at) values (${message}, ${report}, 'reply', 'ok', ${office}, 'health_centre', ${user}, now())`);
  await db.execute(sql`insert into routine_records (id, facility_id, type, date, data, recorded_by)
    values (${record}, ${facility}, 'training', '2026-10-01', '{}', ${user})`);
  await db.execute(sql`insert into routine_attendance (record_id, person_id) values (${record}, ${person})`);
  await db.execute(
    sql`insert into routine_acknowledgements (record_id, user_id) values (${record}, ${user})`,
  );
  await db.execute(sql`insert into cre_cases (id, hospital_id, patient_label, isolate, created_by, created_at,
    updated_by, updated_at) values (${hospitalCase}, ${facility}, 'P', '{}', ${user}, now(), ${user}, now())`);
  for (const [id, source, hospital, caseId, by] of [
    [webResponse, "web", facility, hospitalCase, user],
    [paperResponse, "paper", null, null, clerk],
  ] as const) {
    await db.execute(sql`insert into survey_responses (id, source, hospital_id, case_id, questionnaire_url,
      questionnaire_version, status, response, date_shift_days, created_by, created_at, updated_by, updated_at)
      values (${id}, ${source}, ${hospital}, ${caseId}, 'q', '1', 'submitted', '{}', 3, ${by}, now(), ${by}, now())`);
    await db.execute(sql`insert into survey_response_versions (response_id, version, submission_id, response,
      dimensions, submitted_by, submitted_at) values (${id}, 1, ${randomUUID()}, '{}', '{}', ${by}, now())`);
  }
  await db.execute(sql`insert into survey_paper_forms (id, label, questionnaire_url, questionnaire_version,
    response_id, created_by, created_at) values (${form}, 'F', 'q', '1', ${paperResponse}, ${clerk}, now())`);
  await db.execute(sql`insert into survey_paper_entries (form_id, entry_no, response, entered_by, entered_at)
    values (${form}, 1, '{}', ${clerk}, now())`);
  return { room, episode, event, report, message, record, webResponse, paperResponse, form, secretariat };
}

async function childRowsKeptWithTheirOrganisation(
  db: Db,
  of: Awaited<ReturnType<typeof storeChildRows>> & {
    a: string;
    b: string;
    unitA: string;
    personA: string;
    userA: string;
  },
) {
  const organisationOf = async (table: string, column: string, where: string) =>
    (await rows<{ org: string }>(db, sql.raw(`select ${column} as org from ${table} where ${where}`))).map(
      (r) => r.org,
    );
  expect(await organisationOf("rooms", "facility_id", `id = '${of.room}'`)).toEqual([of.a]);
  expect(await organisationOf("outbreak_episode_events", "facility_id", `id = '${of.event}'`)).toEqual([
    of.a,
  ]);
  expect(await organisationOf("office_report_versions", "facility_id", `report_id = '${of.report}'`)).toEqual(
    [of.a],
  );
  expect(await organisationOf("office_report_messages", "facility_id", `id = '${of.message}'`)).toEqual([
    of.a,
  ]);
  expect(await organisationOf("routine_attendance", "facility_id", `record_id = '${of.record}'`)).toEqual([
    of.a,
  ]);
  expect(
    await organisationOf("routine_acknowledgements", "facility_id", `record_id = '${of.record}'`),
  ).toEqual([of.a]);
  expect(await organisationOf("survey_responses", "organisation_id", `id = '${of.webResponse}'`)).toEqual([
    of.a,
  ]);
  expect(
    await organisationOf("survey_response_versions", "organisation_id", `response_id = '${of.webResponse}'`),
  ).toEqual([of.a]);
  for (const [table, where] of [
    ["survey_responses", `id = '${of.paperResponse}'`],
    ["survey_response_versions", `response_id = '${of.paperResponse}'`],
    ["survey_paper_forms", `id = '${of.form}'`],
    ["survey_paper_entries", `form_id = '${of.form}'`],
  ]) {
    expect(await organisationOf(table!, "organisation_id", where!)).toEqual([of.secretariat]);
  }
  // A row still cannot point to another organisation's row, and an id is unique within its organisation only.
  await expect(
    db.execute(
      sql`insert into rooms (id, facility_id, unit_id, name) values (${randomUUID()}, ${of.b}, ${of.unitA}, 'x')`,
    ),
  ).rejects.toThrow();
  await expect(
    db.execute(sql`insert into routine_attendance (facility_id, record_id, person_id)
      values (${of.b}, ${of.record}, ${of.personA})`),
  ).rejects.toThrow();
  await db.execute(
    sql`insert into people (id, facility_id, name, kind) values (${of.personA}, ${of.b}, 'R', 'resident')`,
  );
  await db.execute(
    sql`insert into units (id, facility_id, name, floor) values (${of.unitA}, ${of.b}, '1F', '1')`,
  );
  await expect(
    db.execute(
      sql`insert into people (id, facility_id, name, kind) values (${of.personA}, ${of.a}, 'R', 'resident')`,
    ),
  ).rejects.toThrow();
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

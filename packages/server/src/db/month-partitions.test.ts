import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility, signIn } from "../test/test-facility.ts";
import type { Executor } from "./database.ts";
import { ensureMonthPartitions } from "./month-partitions.ts";
import { auditLog, observations } from "./schema/index.ts";

// observations and the audit log are partitioned by month (migration 0018): a row lands in its month's partition, or
// in the default partition when its month has none, and is read back either way; making that month's partition later
// moves the row into it (migration 0021).

const NOW = new Date("2026-12-03T09:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

async function rows<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const partitionsOf = (parent: string) =>
  rows<{ name: string }>(
    ctx.db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = ${parent}::regclass order by c.relname`,
  ).then((r) => r.map((x) => x.name));

/** A month of its own for this run (the PostgreSQL test database is shared and kept between files). */
const randomMonth = (fromYear: number, years: number) => {
  const year = fromYear + Math.floor(Math.random() * years);
  const month = 1 + Math.floor(Math.random() * 12);
  return { year, month, tag: `${year}_${String(month).padStart(2, "0")}` };
};

describe("monthly partitions", () => {
  it("are declared on both tables, by range of the time, with a default partition and the months around now", async () => {
    const declared = await rows<{ name: string; strategy: string; key: string }>(
      ctx.db,
      sql`select c.relname as name, p.partstrat as strategy, a.attname as key
        from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
        join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
        where c.relname in ('observations', 'audit_log') order by c.relname`,
    );
    expect(declared).toEqual([
      { name: "audit_log", strategy: "r", key: "at" },
      { name: "observations", strategy: "r", key: "at" },
    ]);
    await ensureMonthPartitions(ctx.db, NOW);
    for (const parent of ["observations", "audit_log"]) {
      const names = await partitionsOf(parent);
      expect(names).toContain(`${parent}_default`);
      expect(names).toEqual(
        expect.arrayContaining([`${parent}_2026_11`, `${parent}_2026_12`, `${parent}_2027_03`]),
      );
    }
  });

  it("makes a far month's partitions once; a row of that month lands in it and is read back", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const { year, month, tag } = randomMonth(2200, 700);
    const around = new Date(Date.UTC(year, month - 1, 15));
    expect(await ensureMonthPartitions(ctx.db, around)).toBe(10);
    expect(await ensureMonthPartitions(ctx.db, around)).toBe(0);
    expect(await partitionsOf("observations")).toContain(`observations_${tag}`);
    expect(await partitionsOf("audit_log")).toContain(`audit_log_${tag}`);

    const id = randomUUID();
    await ctx.db.insert(observations).values({
      id,
      facilityId: f.facility.id,
      personId: f.people[0]!.id,
      at: around,
      symptoms: ["cough"],
      recordedBy: (
        await rows<{ id: string }>(ctx.db, sql`select id from users where organisation_id = ${f.facility.id}`)
      )[0]!.id,
    });
    const [stored] = await rows<{ partition: string; at: Date }>(
      ctx.db,
      sql`select tableoid::regclass::text as partition, at from observations where facility_id = ${f.facility.id} and id = ${id}`,
    );
    expect(stored!.partition).toBe(`observations_${tag}`);
    expect(new Date(stored!.at).getTime()).toBe(around.getTime());

    // The audit log's partitions refuse change as the table does, TRUNCATE included.
    await ctx.db
      .insert(auditLog)
      .values({ at: around, organisationId: f.facility.id, action: "create", entity: "test", entityId: id });
    await expect(ctx.db.execute(sql.raw(`truncate audit_log_${tag}`))).rejects.toThrow();
    await expect(ctx.db.execute(sql.raw(`delete from audit_log_${tag}`))).rejects.toThrow();
  });

  it("moves the rows a month held in the default partition into that month's partition when it is made", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    // A month of 1950–1989 that has no partition yet (the PostgreSQL test database is kept between files).
    const made = await partitionsOf("observations");
    let picked = randomMonth(1950, 40);
    while (made.includes(`observations_${picked.tag}`)) picked = randomMonth(1950, 40);
    const { year, month, tag } = picked;
    const day = `${year}-${String(month).padStart(2, "0")}-10`;
    const entry = {
      id: randomUUID(),
      personId: f.people[0]!.id,
      at: `${day}T08:30:00+09:00`,
      tempC: 38.2,
      symptoms: [],
    };
    const saved = await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie },
      payload: { observations: [entry] },
    });
    expect(saved.json()).toEqual({ saved: 1, duplicates: 0 });
    const [entered] = await rows<{ id: string }>(
      ctx.db,
      sql`insert into audit_log (at, organisation_id, action, entity, entity_id)
        values (${`${day}T00:00:00Z`}::timestamptz, ${f.facility.id}, 'create', 'test', ${entry.id}) returning id`,
    );
    const where = (table: string) =>
      sql.raw(`select tableoid::regclass::text as partition, count(*)::int as n from ${table}
        where ${table === "audit_log" ? "organisation_id" : "facility_id"} = '${f.facility.id}' group by 1`);
    expect(await rows(ctx.db, where("observations"))).toEqual([{ partition: "observations_default", n: 1 }]);
    const auditBefore = await rows<{ partition: string }>(
      ctx.db,
      sql`select tableoid::regclass::text as partition, id, at from audit_log where id = ${entered!.id}`,
    );
    expect(auditBefore.map((r) => r.partition)).toEqual(["audit_log_default"]);

    // Making the month's partitions takes its rows out of the default partitions, in one transaction.
    expect(await ensureMonthPartitions(ctx.db, new Date(`${day}T00:00:00Z`))).toBeGreaterThanOrEqual(2);
    expect(await rows(ctx.db, where("observations"))).toEqual([{ partition: `observations_${tag}`, n: 1 }]);
    expect(
      await rows(ctx.db, sql`select id from observation_keys where facility_id = ${f.facility.id}`),
    ).toEqual([{ id: entry.id }]);
    expect(
      await rows(
        ctx.db,
        sql`select tableoid::regclass::text as partition, id, at from audit_log where id = ${entered!.id}`,
      ),
    ).toEqual(auditBefore.map((r) => ({ ...r, partition: `audit_log_${tag}` })));

    // The row reads back; a resend is still a duplicate, other content still a conflict.
    const read = await ctx.app.inject({
      method: "GET",
      url: `/api/observations?personId=${entry.personId}&from=${day}&to=${day}`,
      headers: { cookie },
    });
    expect(read.json().observations.map((o: { id: string; tempC: number }) => [o.id, o.tempC])).toEqual([
      [entry.id, 38.2],
    ]);
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie },
      payload: { observations: [entry] },
    });
    expect(again.json()).toEqual({ saved: 0, duplicates: 1 });
    const other = await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie },
      payload: { observations: [{ ...entry, at: `${day}T09:30:00+09:00` }] },
    });
    expect(other.statusCode).toBe(409);

    // The audit log stays append-only: in the new partition, and in the default partition the move went through.
    await expect(ctx.db.execute(sql.raw(`delete from audit_log_${tag}`))).rejects.toThrow();
    await expect(ctx.db.execute(sql.raw(`update audit_log_${tag} set action = 'x'`))).rejects.toThrow();
    await expect(ctx.db.execute(sql.raw(`truncate audit_log_${tag}`))).rejects.toThrow();
    expect(
      await rows(
        ctx.db,
        sql`select tgenabled as enabled from pg_trigger
          where tgrelid = 'audit_log_default'::regclass and tgname = 'audit_log_no_update_delete'`,
      ),
    ).toEqual([{ enabled: "O" }]);
  });
});

describe.runIf(process.env.MAMORI_TEST_DB === "postgres")(
  "a month's partition made while the tables are written",
  () => {
    it("waits for a write in progress into the default partition, moves its rows too, and holds other writes up briefly", async () => {
      const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
      const [user] = await rows<{ id: string }>(
        ctx.db,
        sql`select id from users where organisation_id = ${f.facility.id}`,
      );
      // A month of 1600–1899 without partitions; the four before it get theirs, so that making the months around the
      // third month before it makes only this one, as the daily upkeep does when a month comes into reach.
      const made = await partitionsOf("observations");
      let picked = randomMonth(1600, 300);
      while (made.includes(`observations_${picked.tag}`)) picked = randomMonth(1600, 300);
      const { year, month, tag } = picked;
      await ensureMonthPartitions(ctx.db, new Date(Date.UTC(year, month - 5, 15)));
      const at = (dayOfMonth: number) => new Date(Date.UTC(year, month - 1, dayOfMonth, 8));
      const observation = (dayOfMonth: number) => ({
        id: randomUUID(),
        facility_id: f.facility.id,
        person_id: f.people[0]!.id,
        at: at(dayOfMonth),
        recorded_by: user!.id,
      });
      const insertObservation = (o: ReturnType<typeof observation>) =>
        sql`insert into observations (id, facility_id, person_id, at, symptoms, recorded_by)
        values (${o.id}, ${o.facility_id}, ${o.person_id}, ${o.at.toISOString()}::timestamptz, '{}', ${o.recorded_by})`;
      const stored = observation(3);
      await ctx.db.execute(insertObservation(stored));
      await ctx.db.insert(auditLog).values({
        at: at(3),
        organisationId: f.facility.id,
        action: "create",
        entity: "test",
        entityId: stored.id,
      });

      // A write in progress on a connection of its own: a row of the month and its audit entry, not yet committed.
      const { default: pg } = await import("pg");
      // A statement of the writer that waits for a lock fails after 10 s instead of leaving the test hanging.
      const writer = new pg.Client({ connectionString: process.env.DATABASE_URL, statement_timeout: 10_000 });
      await writer.connect();
      try {
        const inProgress = observation(4);
        await writer.query("begin");
        await writer.query(
          `insert into observations (id, facility_id, person_id, at, symptoms, recorded_by)
          values ($1, $2, $3, $4, '{}', $5)`,
          [
            inProgress.id,
            inProgress.facility_id,
            inProgress.person_id,
            inProgress.at,
            inProgress.recorded_by,
          ],
        );
        await writer.query(
          `insert into audit_log (at, organisation_id, action, entity, entity_id)
          values ($1, $2, 'create', 'test', $3)`,
          [inProgress.at, f.facility.id, inProgress.id],
        );

        const making = ensureMonthPartitions(ctx.db, new Date(Date.UTC(year, month - 4, 15)), {
          lockTimeoutMs: 100,
          attempts: 6,
          firstBackoffMs: 100,
        });
        making.catch(() => {});
        await sleep(300);
        // Another write of the table, today's, while the partition waits for its lock: not held up for long.
        const today = { ...observation(1), at: NOW };
        const written = await Promise.race([
          ctx.db.execute(insertObservation(today)).then(() => "written"),
          sleep(2000).then(() => "held up"),
        ]);
        expect(written).toBe("written");
        await writer.query("commit");

        // The month's partition of each table, and no other.
        expect(await making).toBe(2);
        const partitionsOfRows = await rows(
          ctx.db,
          sql`select id, tableoid::regclass::text as partition from observations
          where facility_id = ${f.facility.id} and at < ${NOW.toISOString()}::timestamptz order by at`,
        );
        expect(partitionsOfRows).toEqual([
          { id: stored.id, partition: `observations_${tag}` },
          { id: inProgress.id, partition: `observations_${tag}` },
        ]);
        expect(
          await rows(
            ctx.db,
            sql`select entity_id, tableoid::regclass::text as partition from audit_log
            where organisation_id = ${f.facility.id} and entity = 'test' order by at`,
          ),
        ).toEqual([
          { entity_id: stored.id, partition: `audit_log_${tag}` },
          { entity_id: inProgress.id, partition: `audit_log_${tag}` },
        ]);
      } finally {
        await writer.query("rollback").catch(() => {});
        await writer.end();
      }
    });
  },
);

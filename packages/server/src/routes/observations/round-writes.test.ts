import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "../../auth/sessions.ts";
import { rawTransaction } from "../../db/raw-transaction.ts";
import { auditLog, keptOnsets, observations, users } from "../../db/schema/index.ts";
import { rebuildKeptOnsets } from "../../surveillance/kept-onsets.ts";
import { LONGEST_GAP_DAYS } from "../../surveillance/onset-upkeep.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";
import { type RoundWrite, recordRoundWrites } from "./record-observations.ts";
import { LOCK_PEOPLE } from "./record-statements.ts";

// Group commit: the round writes of one facility that meet go into one transaction (round-writer.ts,
// recordRoundWrites). Each must be answered as it would be alone.
const now = new Date("2026-01-20T09:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

async function facilityWithTwoWorkers() {
  const f = await makeFacility(ctx.db, { roles: ["care_worker", "nurse"] });
  const rows = await ctx.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, [f.usernames.care_worker!, f.usernames.nurse!]));
  const userOf = (username: string) => ({ id: rows.find((r) => r.username === username)!.id }) as SessionUser;
  return { ...f, worker: userOf(f.usernames.care_worker!), nurse: userOf(f.usernames.nurse!) };
}

const entry = (personId: string, hour: number, more: object = {}) => ({
  id: randomUUID(),
  personId,
  at: `2026-01-19T${String(hour).padStart(2, "0")}:00:00+09:00`,
  tempC: 36.6,
  symptoms: [] as never[],
  ...more,
});

async function rowsOf(facilityId: string) {
  return ctx.db
    .select({ id: observations.id, recordedBy: observations.recordedBy })
    .from(observations)
    .where(eq(observations.facilityId, facilityId));
}

async function auditActorsOf(facilityId: string) {
  const rows = await ctx.db
    .select({ entityId: auditLog.entityId, actor: auditLog.actorUserId })
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, facilityId), eq(auditLog.entity, "observation")));
  return new Map(rows.map((r) => [r.entityId, r.actor]));
}

const statusOf = (o: Awaited<ReturnType<typeof recordRoundWrites>>[number]) =>
  o.ok
    ? { status: 200, ...o.answer }
    : { status: o.error.status, fields: o.error.fields?.map((f) => f.path) };

describe("round writes recorded as one group", () => {
  it("answers a bad batch 400 and a good one 200 as alone; each row is recorded and audited by its own writer", async () => {
    const f = await facilityWithTwoWorkers();
    const good = [entry(f.people[0]!.id, 7), entry(f.people[1]!.id, 8)];
    const fromNurse = [entry(f.people[2]!.id, 9)];
    const bad = [entry(f.people[0]!.id, 10), entry(randomUUID(), 11)];
    const writes: RoundWrite[] = [
      { user: f.worker, inputs: good, now },
      { user: f.worker, inputs: bad, now },
      { user: f.nurse, inputs: fromNurse, now },
    ];
    const outcomes = await recordRoundWrites(ctx.db, f.facility.id, writes);
    expect(outcomes.map(statusOf)).toEqual([
      { status: 200, saved: 2, duplicates: 0 },
      { status: 400, fields: ["observations[1].personId"] },
      { status: 200, saved: 1, duplicates: 0 },
    ]);
    const rows = await rowsOf(f.facility.id);
    expect(new Map(rows.map((r) => [r.id, r.recordedBy]))).toEqual(
      new Map([
        [good[0]!.id, f.worker.id],
        [good[1]!.id, f.worker.id],
        [fromNurse[0]!.id, f.nurse.id],
      ]),
    );
    expect(await auditActorsOf(f.facility.id)).toEqual(new Map(rows.map((r) => [r.id, r.recordedBy])));
  });

  it("audits each new entry with the row as stored: camelCase, instants in UTC with milliseconds", async () => {
    const f = await facilityWithTwoWorkers();
    const sent = entry(f.people[0]!.id, 7, { tempC: 37.5, symptoms: ["cough"], note: "食事量 半分" });
    await recordRoundWrites(ctx.db, f.facility.id, [{ user: f.worker, inputs: [sent], now }]);
    const [audit] = await ctx.db
      .select({ actor: auditLog.actorUserId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "observation"), eq(auditLog.entityId, sent.id)));
    expect(audit).toEqual({
      actor: f.worker.id,
      after: {
        id: sent.id,
        facilityId: f.facility.id,
        personId: sent.personId,
        at: "2026-01-18T22:00:00.000Z",
        tempC: 37.5,
        symptoms: ["cough"],
        note: "食事量 半分",
        version: 1,
        recordedBy: f.worker.id,
        recordedAt: now.toISOString(),
      },
    });
  });

  it("writes an id sent twice in one group once: the later is a duplicate, or 409 with other content", async () => {
    const f = await facilityWithTwoWorkers();
    const first = [entry(f.people[0]!.id, 7), entry(f.people[1]!.id, 8)];
    const resend = [first[0]!, entry(f.people[1]!.id, 9)];
    const changed = [{ ...first[1]!, tempC: 38.2 }, entry(f.people[2]!.id, 10)];
    const outcomes = await recordRoundWrites(ctx.db, f.facility.id, [
      { user: f.worker, inputs: first, now },
      { user: f.nurse, inputs: resend, now },
      { user: f.nurse, inputs: changed, now },
    ]);
    expect(outcomes.map(statusOf)).toEqual([
      { status: 200, saved: 2, duplicates: 0 },
      { status: 200, saved: 1, duplicates: 1 },
      { status: 409, fields: ["observations[0].id"] },
    ]);
    const rows = await rowsOf(f.facility.id);
    expect(rows.map((r) => r.id).sort()).toEqual([first[0]!.id, first[1]!.id, resend[1]!.id].sort());
    expect(rows.find((r) => r.id === first[0]!.id)!.recordedBy).toBe(f.worker.id);
  });

  it("refuses a write whose id is stored with other content and writes nothing of it; the others are saved", async () => {
    const f = await facilityWithTwoWorkers();
    const stored = entry(f.people[0]!.id, 6);
    await recordRoundWrites(ctx.db, f.facility.id, [{ user: f.worker, inputs: [stored], now }]);
    const reused = [entry(f.people[1]!.id, 7), { ...stored, tempC: 37.9 }];
    const other = [entry(f.people[1]!.id, 8, { symptoms: ["vomiting"] })];
    const outcomes = await recordRoundWrites(ctx.db, f.facility.id, [
      { user: f.worker, inputs: reused, now },
      { user: f.nurse, inputs: other, now },
    ]);
    expect(outcomes.map(statusOf)).toEqual([
      { status: 409, fields: ["observations[1].id"] },
      { status: 200, saved: 1, duplicates: 0 },
    ]);
    const ids = (await rowsOf(f.facility.id)).map((r) => r.id).sort();
    expect(ids).toEqual([stored.id, other[0]!.id].sort());
    expect([...(await auditActorsOf(f.facility.id)).keys()].sort()).toEqual(ids);
  });

  it("answers concurrent requests through the API each as alone, and keeps the onsets as a rebuild finds them", async () => {
    const f = await facilityWithTwoWorkers();
    const [worker, nurse] = await Promise.all([
      signIn(ctx.app, f.usernames.care_worker!),
      signIn(ctx.app, f.usernames.nurse!),
    ]);
    const post = (cookie: string, batch: object[]) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/observations",
        headers: { cookie },
        payload: { observations: batch },
      });
    const batches = Array.from({ length: 6 }, (_, i) => [
      entry(f.people[i % 3]!.id, 7 + i, { symptoms: i % 2 === 0 ? ["vomiting"] : [] }),
    ]);
    const future = [entry(f.people[0]!.id, 7, { at: "2026-01-20T09:06:00+09:00" })];
    const answers = await Promise.all([
      ...batches.map((b, i) => post(i % 2 === 0 ? worker : nurse, b)),
      post(worker, future),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 400]);
    expect(answers[6]!.json().error.fields.map((x: { path: string }) => x.path)).toEqual([
      "observations[0].at",
    ]);
    expect((await rowsOf(f.facility.id)).length).toBe(6);
    const kept = async () =>
      (await ctx.db.select().from(keptOnsets).where(eq(keptOnsets.facilityId, f.facility.id)))
        .map((r) => `${r.personId} ${r.subject} ${r.day} ${r.at.toISOString()}`)
        .sort();
    const written = await kept();
    expect(written.length).toBeGreaterThan(0);
    await rebuildKeptOnsets(ctx.db, f.facility.id);
    expect(written).toEqual(await kept());
  });
});

describe("entries that cannot change a kept onset", () => {
  it("are those whose temperature and each symptom the person's day shows at or before them; the onsets stay exact", async () => {
    const f = await facilityWithTwoWorkers();
    const [a, b] = f.people;
    const write = (inputs: ReturnType<typeof entry>[]) =>
      recordRoundWrites(ctx.db, f.facility.id, [{ user: f.worker, inputs, now }]);
    await write([
      entry(a!.id, 8, { symptoms: ["vomiting"], tempC: 38.4 }),
      entry(a!.id, 9, { symptoms: ["cough"], tempC: null }),
    ]);
    const probe = [
      entry(a!.id, 10, { symptoms: ["cough", "vomiting"], tempC: 38.4 }), // all shown before: unchanging
      entry(a!.id, 8, { symptoms: ["cough"], tempC: null }), // cough shown only later that day
      entry(a!.id, 10, { symptoms: [], tempC: 36.5 }), // a temperature not taken before
      entry(a!.id, 10, { symptoms: [], tempC: null }), // shows nothing: unchanging
      entry(a!.id, 7, { symptoms: [], tempC: 38.4 }), // before the day's first entry
      entry(b!.id, 10, { symptoms: ["vomiting"], tempC: 38.4 }), // another person
      entry(a!.id, 8, { at: "2026-01-18T23:00:00+09:00", symptoms: ["vomiting"], tempC: null }), // the day before
    ];
    const [answer] = await rawTransaction(ctx.db, (query) =>
      query<{ prepared: { unchanging: number[]; firsts: [string, number, number | null, string | null][] } }>(
        LOCK_PEOPLE,
        [
          f.facility.id,
          [a!.id, b!.id],
          JSON.stringify(
            probe.map((e, n) => ({
              n,
              person_id: e.personId,
              at: e.at,
              temp_c: e.tempC,
              symptoms: e.symptoms,
            })),
          ),
          LONGEST_GAP_DAYS,
        ],
      ),
    );
    expect([...answer!.prepared.unchanging].sort()).toEqual([0, 3]);
    // What the changing entries' people's onsets are recomputed from: the first time a's day showed each temperature
    // and each symptom (b has no stored observation).
    expect(
      answer!.prepared.firsts
        .map(([person, atMs, tempC, symptom]) => [person, new Date(atMs).toISOString(), tempC, symptom])
        .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
    ).toEqual([
      [a!.id, "2026-01-18T23:00:00.000Z", 38.4, null],
      [a!.id, "2026-01-18T23:00:00.000Z", null, "vomiting"],
      [a!.id, "2026-01-19T00:00:00.000Z", null, "cough"],
    ]);

    const kept = async () =>
      (await ctx.db.select().from(keptOnsets).where(eq(keptOnsets.facilityId, f.facility.id)))
        .map((r) => `${r.personId} ${r.subject} ${r.day} ${r.at.toISOString()}`)
        .sort();
    for (const e of probe) await write([{ ...e, id: randomUUID() }]);
    const written = await kept();
    await rebuildKeptOnsets(ctx.db, f.facility.id);
    expect(written).toEqual(await kept());
  });
});

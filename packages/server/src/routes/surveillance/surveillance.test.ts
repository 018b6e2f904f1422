import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, cases } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

// The line list (manual §4 1), seed 002 p.44: 「受診状況と診断名…を記録しておきます」; 付録4③ p.85: 受診・診断日, 備考) and the
// epidemic curve, from the stored records. Today is 2026-01-20 in Tokyo.
const NOW = new Date("2026-01-20T18:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

async function setup() {
  const f = await makeFacility(ctx.db, { roles: ["care_worker", "nurse"] });
  const care = await signIn(ctx.app, f.usernames.care_worker!);
  const nurse = await signIn(ctx.app, f.usernames.nurse!);
  const [r1, r2, r3] = f.people;
  const seen = (personId: string, at: string, symptoms: string[] = []) => ({
    id: randomUUID(),
    personId,
    at,
    symptoms,
  });
  // Two onsets of vomiting or watery stool within 24 hours on the 18th (the norovirus-type cluster, manual p.54).
  const observations = [
    seen(r1!.id, "2026-01-17T08:00:00+09:00"),
    seen(r1!.id, "2026-01-18T07:10:00+09:00", ["vomiting"]),
    seen(r1!.id, "2026-01-19T08:00:00+09:00"),
    seen(r1!.id, "2026-01-20T08:00:00+09:00"),
    seen(r2!.id, "2026-01-18T21:00:00+09:00", ["watery_stool"]),
    seen(r3!.id, "2026-01-20T08:00:00+09:00"),
  ];
  const saved = await ctx.app.inject({
    method: "POST",
    url: "/api/observations",
    headers: { cookie: care },
    payload: { observations },
  });
  expect(saved.statusCode).toBe(200);
  return { ...f, care, nurse, r1: r1!, r2: r2! };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const lineList = (f: Setup, query = "") =>
  ctx.app.inject({
    method: "GET",
    url: `/api/facilities/${f.facility.id}/line-list${query}`,
    headers: { cookie: f.nurse },
  });

const postCase = (f: Setup, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: "POST", url: "/api/cases", headers: { cookie: f.nurse }, payload });

const patchCase = (f: Setup, id: string, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: "PATCH", url: `/api/cases/${id}`, headers: { cookie: f.nurse }, payload });

const auditOf = (id: string) =>
  ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "case"), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));

describe("GET /api/facilities/:facilityId/line-list", () => {
  it("lists each new onset as a current case with its floor, room and days", async () => {
    const f = await setup();
    const response = await lineList(f);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.days).toHaveLength(7);
    expect(body.days.at(-1)).toBe("2026-01-20");
    expect(body.entries).toHaveLength(2);
    const first = body.entries.find((e: { person: { id: string } }) => e.person.id === f.r1.id);
    expect(first).toMatchObject({
      caseId: null,
      source: "implicit",
      status: "suspected",
      subject: { group: "GI" },
      person: { id: f.r1.id, kind: "resident" },
      unit: { name: "1階", floor: "1F" },
      onsetDate: "2026-01-18",
      onsetAt: "2026-01-18T07:10:00+09:00",
      symptomFreeDays: 2,
      closeOffer: null,
    });
    expect(first.person.name).toContain("利用者1");
    expect(first.days.find((day: { date: string }) => day.date === "2026-01-18")).toMatchObject({
      recorded: true,
      symptoms: ["vomiting"],
      caseSymptoms: true,
    });
    expect(body.entries[1].unit).toMatchObject({ name: "1階" });
  });

  it("does not offer closing after two symptom-free days and a day without a record", async () => {
    const f = await setup();
    const tomorrow = await lineList(f, `?asOf=${encodeURIComponent("2026-01-21T18:00:00+09:00")}`);
    // The 21st has no record of r1: the run of symptom-free days is still 2.
    const r1 = (list: { entries: { person: { id: string } }[] }) =>
      list.entries.find((e) => e.person.id === f.r1.id);
    expect(r1(tomorrow.json())).toMatchObject({ symptomFreeDays: 2, closeOffer: null });
    // Closing is never done by the days alone: the case is still open.
    expect(r1(tomorrow.json())).toMatchObject({ resolvedDate: null });
  });

  it("refuses another facility's line list as not found and a bad asOf naming it", async () => {
    const f = await setup();
    const other = await makeFacility(ctx.db);
    const foreign = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${other.facility.id}/line-list`,
      headers: { cookie: f.nurse },
    });
    expect(foreign.statusCode).toBe(404);
    const bad = await lineList(f, "?asOf=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("asOf");
  });
});

describe("line-list actions through the cases API", () => {
  it("confirms an implicit case and names norovirus with the diagnosis day: it becomes a recorded case, audited", async () => {
    const f = await setup();
    const id = randomUUID();
    const created = await postCase(f, {
      id,
      personId: f.r1.id,
      disease: "norovirus",
      syndromeGroup: "GI",
      status: "confirmed",
      onsetDate: "2026-01-18",
      diagnosedDate: "2026-01-19",
      remarks: "便検査でノロウイルス陽性",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ disease: "norovirus", diagnosedDate: "2026-01-19", version: 1 });
    const entries = (await lineList(f)).json().entries;
    expect(entries).toHaveLength(2);
    expect(entries.find((entry: { person: { id: string } }) => entry.person.id === f.r1.id)).toMatchObject({
      key: id,
      caseId: id,
      source: "recorded",
      disease: "norovirus",
      status: "confirmed",
      diagnosedDate: "2026-01-19",
      remarks: "便検査でノロウイルス陽性",
    });
    const audit = await auditOf(id);
    expect(audit.map((entry) => entry.action)).toEqual(["create"]);
    expect(audit[0]!.after).toMatchObject({ disease: "norovirus", diagnosedDate: "2026-01-19" });
    expect(audit[0]!.organisationId).toBe(f.facility.id);
  });

  it("keeps notes on an implicit case before a disease is named, and names it later", async () => {
    const f = await setup();
    const id = randomUUID();
    const note = await postCase(f, {
      id,
      personId: f.r2.id,
      syndromeGroup: "GI",
      status: "suspected",
      onsetDate: "2026-01-18",
      remarks: "嘔吐物は0.1%次亜塩素酸で処理",
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ disease: null, syndromeGroup: "GI" });
    let entry = (await lineList(f))
      .json()
      .entries.find((e: { person: { id: string } }) => e.person.id === f.r2.id);
    expect(entry).toMatchObject({ key: id, source: "implicit", remarks: "嘔吐物は0.1%次亜塩素酸で処理" });

    const named = await patchCase(f, id, {
      disease: "norovirus",
      status: "confirmed",
      diagnosedDate: "2026-01-20",
    });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ disease: "norovirus", version: 2 });
    entry = (await lineList(f))
      .json()
      .entries.find((e: { person: { id: string } }) => e.person.id === f.r2.id);
    expect(entry).toMatchObject({
      key: id,
      source: "recorded",
      disease: "norovirus",
      diagnosedDate: "2026-01-20",
    });
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]!.before).toMatchObject({ disease: null, version: 1 });
    expect(audit[1]!.after).toMatchObject({ disease: "norovirus", version: 2 });

    // The rules still run with the case named (alerts answer).
    const alerts = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts`,
      headers: { cookie: f.nurse },
    });
    expect(alerts.statusCode).toBe(200);
  });

  it("records the day a case resolved; a day in the future or before the onset is refused naming the field, nothing saved", async () => {
    const f = await setup();
    const id = randomUUID();
    await postCase(f, {
      id,
      personId: f.r1.id,
      syndromeGroup: "GI",
      status: "suspected",
      onsetDate: "2026-01-18",
    });

    const future = await patchCase(f, id, { resolvedDate: "2026-01-21" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([
      { path: "resolvedDate", code: "invalid", message: "must not be in the future (today is 2026-01-20)" },
    ]);
    const early = await patchCase(f, id, { resolvedDate: "2026-01-17", remarks: "変更しない" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([
      { path: "resolvedDate", code: "invalid", message: "must not be before the onset" },
    ]);
    const futureDiagnosis = await patchCase(f, id, { diagnosedDate: "2026-01-21" });
    expect(futureDiagnosis.json().error.fields[0].path).toBe("diagnosedDate");
    const [stored] = await ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(stored).toMatchObject({ resolvedDate: null, remarks: null, diagnosedDate: null, version: 1 });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["create"]);

    // Today is the latest day allowed.
    const ok = await patchCase(f, id, { resolvedDate: "2026-01-20" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ resolvedDate: "2026-01-20", version: 2 });
    const entry = (await lineList(f)).json().entries.find((e: { key: string }) => e.key === id);
    expect(entry).toMatchObject({ resolvedDate: "2026-01-20", closeOffer: null });
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]!.before).toMatchObject({ resolvedDate: null });
    expect(audit[1]!.after).toMatchObject({ resolvedDate: "2026-01-20" });
  });

  it("refuses a case with neither a disease nor a group, and a future resolution on create, saving nothing", async () => {
    const f = await setup();
    const id = randomUUID();
    const neither = await postCase(f, {
      id,
      personId: f.r1.id,
      status: "suspected",
      onsetDate: "2026-01-18",
    });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields[0].path).toBe("disease");
    const future = await postCase(f, {
      id,
      personId: f.r1.id,
      syndromeGroup: "GI",
      status: "suspected",
      onsetDate: "2026-01-18",
      resolvedDate: "2026-01-25",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe("resolvedDate");
    const unnaming = await postCase(f, {
      id,
      personId: f.r1.id,
      disease: "norovirus",
      status: "suspected",
      onsetDate: "2026-01-18",
    });
    expect(unnaming.statusCode).toBe(201);
    const cleared = await patchCase(f, id, { disease: null });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.fields[0].path).toBe("disease");
    expect(await ctx.db.select().from(cases).where(eq(cases.id, id))).toMatchObject([
      { disease: "norovirus" },
    ]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("lets a care worker read the line list but not write a case", async () => {
    const f = await setup();
    const read = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/line-list`,
      headers: { cookie: f.care },
    });
    expect(read.statusCode).toBe(200);
    const write = await ctx.app.inject({
      method: "POST",
      url: "/api/cases",
      headers: { cookie: f.care },
      payload: {
        id: randomUUID(),
        personId: f.r1.id,
        syndromeGroup: "GI",
        status: "confirmed",
        onsetDate: "2026-01-18",
      },
    });
    expect(write.statusCode).toBe(403);
  });
});

describe("GET /api/facilities/:facilityId/epidemic-curve", () => {
  it("counts the onsets per group and floor for 28 days and marks the day the cluster fired", async () => {
    const f = await setup();
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/epidemic-curve?days=28`,
      headers: { cookie: f.nurse },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.days).toHaveLength(28);
    expect(body.days.at(-1)).toBe("2026-01-20");
    const gi = body.groups.find((group: { group: string }) => group.group === "GI");
    expect(gi.total.slice(-3)).toEqual([2, 0, 0]);
    expect(gi.byUnit).toEqual([{ unitId: f.units[0]!.id, counts: expect.any(Array) }]);
    expect(gi.byUnit[0].counts.at(-3)).toBe(2);
    // Four days of history: too little for the usual upper bound (28 days).
    expect(gi.upperBound.every((bound: number | null) => bound === null)).toBe(true);
    expect(body.units).toEqual([{ id: f.units[0]!.id, name: "1階", floor: "1F" }]);
    expect(body.alertDays).toContainEqual({
      day: "2026-01-18",
      code: "NORO_CLUSTER_24H",
      subject: { group: "GI" },
    });
    expect(body.detection).toMatchObject({ method: "C2", alpha: 0.001, minHistoryDays: 28 });
  });

  it("refuses a number of days out of range naming it", async () => {
    const f = await setup();
    const response = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/epidemic-curve?days=400`,
      headers: { cookie: f.nurse },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe("days");
  });
});

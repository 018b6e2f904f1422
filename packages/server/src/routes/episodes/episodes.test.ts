import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { auditLog, outbreakEpisodes, outbreakMeasures } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";
import { currentRunStart, outbreakRun } from "./episode-store.ts";

// Outbreak episodes (facility-surveillance.md §4.3). The quiet period is the profile's: 7 days for GI in mhlw-2005
// (manual p.56: 「施設全体としては新しい患者が1週間出なければ、終息とみなしてもかまいません。感染対策委員会で最終的な判断を
// します」). The clock is moved by the tests; sessions last 12 hours, so each step signs in again.
let now = new Date("2026-01-11T09:00:00+09:00");
const ctx = useTestApp({ clock: () => now });
const at = (day: string, time = "09:00") => new Date(`${day}T${time}:00+09:00`);

type Json = Record<string, unknown> & {
  episode: Record<string, unknown> & { state: Record<string, unknown>; id: string };
};

async function call(
  app: FastifyInstance,
  cookie: string,
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: object,
) {
  return app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

/** A facility with a GI cluster on 2026-01-10 (two residents vomiting within 24 hours, manual p.54). */
async function clusterFacility() {
  now = at("2026-01-11");
  const f = await makeFacility(ctx.db, {
    roles: ["nurse", "ic_lead", "care_worker", "director"],
    people: [
      { kind: "resident", unit: 1 },
      { kind: "resident", unit: 1 },
      { kind: "resident", unit: 1 },
      { kind: "resident", unit: 0 },
    ],
  });
  const nurse = await signIn(ctx.app, f.usernames.nurse!);
  const [a, b, c, d] = f.people;
  const rounds = [];
  for (const day of ["2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"]) {
    for (const p of [a, b, c, d])
      rounds.push({
        id: randomUUID(),
        personId: p!.id,
        at: `${day}T09:00:00+09:00`,
        tempC: 36.4,
        symptoms: [],
      });
  }
  rounds.push({ id: randomUUID(), personId: a!.id, at: "2026-01-10T07:00:00+09:00", symptoms: ["vomiting"] });
  rounds.push({
    id: randomUUID(),
    personId: b!.id,
    at: "2026-01-10T15:00:00+09:00",
    symptoms: ["watery_stool"],
  });
  for (const p of [c, d])
    rounds.push({
      id: randomUUID(),
      personId: p!.id,
      at: "2026-01-10T09:00:00+09:00",
      tempC: 36.4,
      symptoms: [],
    });
  const saved = await call(ctx.app, nurse, "POST", "/api/observations", { observations: rounds });
  expect(saved.statusCode).toBe(200);
  const base = `/api/facilities/${f.facility.id}/episodes`;
  return { ...f, nurse, base, a: a!, b: b!, c: c!, d: d! };
}

async function openFromCluster(f: Awaited<ReturnType<typeof clusterFacility>>) {
  const body = {
    id: randomUUID(),
    subject: { group: "GI" },
    alert: { code: "NORO_CLUSTER_24H", day: "2026-01-10" },
  };
  const response = await call(ctx.app, f.nurse, "POST", f.base, body);
  expect(response.statusCode).toBe(201);
  return { body, json: response.json() as Json };
}

describe("outbreak episodes", () => {
  it("opens an episode from the cluster alert, links the cluster's cases and counts down to the end", async () => {
    const f = await clusterFacility();
    const { body, json } = await openFromCluster(f);
    expect(json.episode).toMatchObject({
      subject: { group: "GI" },
      openedDate: "2026-01-11",
      alert: { code: "NORO_CLUSTER_24H", day: "2026-01-10" },
      closedDate: null,
      state: {
        status: "open",
        caseCount: 2,
        lastOnset: "2026-01-10",
        quietDays: 7,
        daysUntilEligible: 6,
        eligibleOn: "2026-01-17",
      },
    });
    const cases = json.cases as { personId: string; source: string; onsetDate: string }[];
    expect(cases.map((c) => [c.personId, c.source, c.onsetDate]).sort()).toEqual(
      [
        [f.a.id, "implicit", "2026-01-10"],
        [f.b.id, "implicit", "2026-01-10"],
      ].sort(),
    );

    // Idempotent: the same request again is answered with the stored episode; other content is a conflict.
    const again = await call(ctx.app, f.nurse, "POST", f.base, body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as Json).episode.id).toBe(body.id);
    const other = await call(ctx.app, f.nurse, "POST", f.base, { ...body, note: "別の内容" });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.fields).toEqual([{ path: "id", code: "invalid", message: "already opened" }]);
    // A second open episode of the same group is refused.
    const second = await call(ctx.app, f.nurse, "POST", f.base, {
      id: randomUUID(),
      subject: { group: "GI" },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.fields[0].path).toBe("subject");

    const list = await call(ctx.app, f.nurse, "GET", `${f.base}?state=open`);
    expect(list.json().episodes.map((e: { id: string }) => e.id)).toEqual([body.id]);
    expect((await call(ctx.app, f.nurse, "GET", `${f.base}?state=closed`)).json().episodes).toEqual([]);
  });

  it("refuses an alert that did not hold, and a future opening day, naming the field", async () => {
    const f = await clusterFacility();
    const wrongDay = await call(ctx.app, f.nurse, "POST", f.base, {
      id: randomUUID(),
      subject: { group: "GI" },
      alert: { code: "NORO_CLUSTER_24H", day: "2026-01-08" },
    });
    expect(wrongDay.statusCode).toBe(400);
    expect(wrongDay.json().error.fields).toEqual([
      { path: "alert", code: "invalid", message: "no such alert for this subject on that day" },
    ]);
    const future = await call(ctx.app, f.nurse, "POST", f.base, {
      id: randomUUID(),
      subject: { group: "ILI" },
      openedDate: "2026-01-12",
    });
    expect(future.json().error.fields).toEqual([
      { path: "openedDate", code: "invalid", message: "must not be in the future" },
    ]);
    const rows = await ctx.db
      .select()
      .from(outbreakEpisodes)
      .where(eq(outbreakEpisodes.facilityId, f.facility.id));
    expect(rows).toEqual([]);
  });

  it("records measures from the manual's list and in own words; refuses dates in the future or before the first onset", async () => {
    const f = await clusterFacility();
    const { json } = await openFromCluster(f);
    const url = `${f.base}/${json.episode.id}/measures`;
    const measure = {
      id: randomUUID(),
      catalogueId: "gi.emergency-footing",
      doneDate: "2026-01-10",
      note: "施設長が指示",
    };
    const saved = await call(ctx.app, f.nurse, "POST", url, measure);
    expect(saved.statusCode).toBe(201);
    expect(saved.json().measures).toMatchObject([
      { catalogueId: "gi.emergency-footing", doneDate: "2026-01-10", note: "施設長が指示" },
    ]);
    expect((await call(ctx.app, f.nurse, "POST", url, measure)).statusCode).toBe(200);
    expect((await call(ctx.app, f.nurse, "POST", url, { ...measure, note: "違う" })).statusCode).toBe(409);
    const free = await call(ctx.app, f.nurse, "POST", url, {
      id: randomUUID(),
      text: "厨房と食事の提供方法を確認",
      doneDate: "2026-01-11",
    });
    expect(free.statusCode).toBe(201);

    const bad = [
      [{ doneDate: "2026-01-12", catalogueId: "gi.visitors" }, "doneDate", "must not be in the future"],
      [
        { doneDate: "2026-01-09", catalogueId: "gi.visitors" },
        "doneDate",
        "must not be before the episode's first onset (2026-01-10)",
      ],
      [
        { doneDate: "2026-01-11", catalogueId: "ili.single-rooms" },
        "catalogueId",
        "not a measure of the manual for this group",
      ],
      [
        { doneDate: "2026-01-11", catalogueId: "no.such" },
        "catalogueId",
        "not a measure of the manual for this group",
      ],
    ] as const;
    for (const [fields, path, message] of bad) {
      const response = await call(ctx.app, f.nurse, "POST", url, { id: randomUUID(), ...fields });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ path, code: "invalid", message }]);
    }
    const missing = await call(ctx.app, f.nurse, "POST", url, { id: randomUUID(), doneDate: "2026-01-11" });
    expect(missing.json().error.fields[0].path).toBe("text");
    const rows = await ctx.db
      .select()
      .from(outbreakMeasures)
      .where(eq(outbreakMeasures.episodeId, json.episode.id));
    expect(rows).toHaveLength(2);

    // A care worker reads but does not record.
    const care = await signIn(ctx.app, f.usernames.care_worker!);
    expect((await call(ctx.app, care, "GET", `${f.base}/${json.episode.id}`)).statusCode).toBe(200);
    expect(
      (await call(ctx.app, care, "POST", url, { id: randomUUID(), text: "x", doneDate: "2026-01-11" }))
        .statusCode,
    ).toBe(403);
  });

  it("links cases: another facility's case or episode is not found, an implicit case must be a new onset of the group", async () => {
    const f = await clusterFacility();
    const { json } = await openFromCluster(f);
    const url = `${f.base}/${json.episode.id}/cases`;
    const elsewhere = await makeFacility(ctx.db, { roles: ["nurse"] });
    const otherNurse = await signIn(ctx.app, elsewhere.usernames.nurse!);
    const foreignCase = randomUUID();
    const created = await call(ctx.app, otherNurse, "POST", "/api/cases", {
      id: foreignCase,
      personId: elsewhere.people[0]!.id,
      disease: "norovirus",
      status: "confirmed",
      onsetDate: "2026-01-10",
    });
    expect(created.statusCode).toBe(201);
    const foreign = await call(ctx.app, f.nurse, "POST", url, { caseId: foreignCase });
    expect(foreign.statusCode).toBe(404);
    const missing = await call(ctx.app, f.nurse, "POST", url, { caseId: randomUUID() });
    expect(missing.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    // The other facility cannot see or write to this episode.
    const otherBase = `/api/facilities/${elsewhere.facility.id}/episodes/${json.episode.id}`;
    expect((await call(ctx.app, otherNurse, "GET", otherBase)).statusCode).toBe(404);
    expect((await call(ctx.app, otherNurse, "GET", `${f.base}/${json.episode.id}`)).statusCode).toBe(404);

    const noOnset = await call(ctx.app, f.nurse, "POST", url, { personId: f.c.id, onsetDate: "2026-01-10" });
    expect(noOnset.statusCode).toBe(400);
    expect(noOnset.json().error.fields[0].path).toBe("onsetDate");

    // A recorded norovirus case of this facility links; an influenza case does not fit a GI episode.
    const noro = randomUUID();
    await call(ctx.app, f.nurse, "POST", "/api/cases", {
      id: noro,
      personId: f.c.id,
      disease: "norovirus",
      status: "suspected",
      onsetDate: "2026-01-11",
    });
    const linked = await call(ctx.app, f.nurse, "POST", url, { caseId: noro });
    expect(linked.statusCode).toBe(201);
    expect((linked.json() as Json).episode.state).toMatchObject({
      caseCount: 3,
      lastOnset: "2026-01-11",
      eligibleOn: "2026-01-18",
    });
    expect((await call(ctx.app, f.nurse, "POST", url, { caseId: noro })).statusCode).toBe(200);
    const flu = randomUUID();
    await call(ctx.app, f.nurse, "POST", "/api/cases", {
      id: flu,
      personId: f.d.id,
      disease: "influenza",
      status: "suspected",
      onsetDate: "2026-01-11",
    });
    const wrong = await call(ctx.app, f.nurse, "POST", url, { caseId: flu });
    expect(wrong.json().error.fields).toEqual([
      { path: "caseId", code: "invalid", message: "a case of another disease or group" },
    ]);
  });

  it("closes only by the lead or director, only when eligible (day Q, not Q−1) or with a reason, never with cases still ill", async () => {
    const f = await clusterFacility();
    const { json } = await openFromCluster(f);
    const id = json.episode.id;
    const close = (cookie: string, body: object) =>
      call(ctx.app, cookie, "POST", `${f.base}/${id}/close`, body);
    const decision = { decision: "感染対策委員会にて終息と判断", decisionDate: "2026-01-16" };

    // Day Q−1 = 2026-01-16 (6 days after the last onset of 2026-01-10).
    now = at("2026-01-16");
    const lead = await signIn(ctx.app, f.usernames.ic_lead!);
    const nurse = await signIn(ctx.app, f.usernames.nurse!);
    expect((await close(nurse, decision)).statusCode).toBe(403);
    const [caseA, caseB] = json.cases as { linkId: string }[];
    const resolve = (linkId: string, resolvedDate: string | null) =>
      call(ctx.app, nurse, "PATCH", `${f.base}/${id}/cases/${linkId}`, { resolvedDate });
    // The implicit cases go on (no symptom-free round recorded): closing is refused, naming the cases.
    const ill = await close(lead, {
      ...decision,
      decisionDate: "2026-01-16",
      overrideReason: "保健所の助言",
    });
    expect(ill.statusCode).toBe(409);
    expect(ill.json().error.fields).toEqual([
      { path: "cases", code: "invalid", message: "2 case(s) still ill: record the day each ended first" },
    ]);
    expect((await resolve(caseA!.linkId, "2026-01-17")).json().error.fields).toEqual([
      { path: "resolvedDate", code: "invalid", message: "must not be in the future" },
    ]);
    expect((await resolve(caseA!.linkId, "2026-01-09")).json().error.fields).toEqual([
      { path: "resolvedDate", code: "invalid", message: "must not be before the onset" },
    ]);
    expect((await resolve(caseA!.linkId, "2026-01-12")).statusCode).toBe(200);
    const resolved = await resolve(caseB!.linkId, "2026-01-13");
    expect((resolved.json() as Json).episode.state).toMatchObject({
      openCaseCount: 0,
      eligible: false,
      daysUntilEligible: 1,
    });

    const early = await close(lead, decision);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([
      {
        path: "overrideReason",
        code: "invalid",
        message: "the end is eligible from 2026-01-17; give a reason to close earlier",
      },
    ]);
    expect((await close(lead, { ...decision, decisionDate: "2026-01-17" })).json().error.fields).toEqual([
      { path: "decisionDate", code: "invalid", message: "must not be in the future" },
    ]);
    const stored = await ctx.db.select().from(outbreakEpisodes).where(eq(outbreakEpisodes.id, id));
    expect(stored[0]!.closedDate).toBeNull();

    // Day Q = 2026-01-17: eligible; the lead closes with the committee's decision.
    now = at("2026-01-17");
    const leadQ = await signIn(ctx.app, f.usernames.ic_lead!);
    const closed = await close(leadQ, { ...decision, decisionDate: "2026-01-17" });
    expect(closed.statusCode).toBe(200);
    expect((closed.json() as Json).episode).toMatchObject({
      closedDate: "2026-01-17",
      decision: "感染対策委員会にて終息と判断",
      overrideReason: null,
      state: { status: "closed", eligible: true },
    });
    expect((await close(leadQ, { ...decision, decisionDate: "2026-01-17" })).statusCode).toBe(409);
    const measureAfter = await call(ctx.app, leadQ, "POST", `${f.base}/${id}/measures`, {
      id: randomUUID(),
      text: "x",
      doneDate: "2026-01-17",
    });
    expect(measureAfter.statusCode).toBe(409);

    // Reopening by the director, with a reason; the timeline keeps the closing and the reopening.
    const director = await signIn(ctx.app, f.usernames.director!);
    const reopened = await call(ctx.app, director, "POST", `${f.base}/${id}/reopen`, {
      reason: "新たな嘔吐者",
    });
    expect(reopened.statusCode).toBe(200);
    const body = reopened.json() as Json & { timeline: { kind: string; text: string | null }[] };
    expect(body.episode).toMatchObject({ closedDate: null, decision: null });
    expect(body.timeline.filter((t) => ["opened", "closed", "reopened"].includes(t.kind))).toMatchObject([
      { kind: "opened" },
      { kind: "closed", text: "感染対策委員会にて終息と判断" },
      { kind: "reopened", text: "新たな嘔吐者" },
    ]);
  });

  it("closes early with an override reason", async () => {
    const f = await clusterFacility();
    const { json } = await openFromCluster(f);
    now = at("2026-01-14");
    const nurse = await signIn(ctx.app, f.usernames.nurse!);
    for (const c of json.cases as { linkId: string }[])
      await call(ctx.app, nurse, "PATCH", `${f.base}/${json.episode.id}/cases/${c.linkId}`, {
        resolvedDate: "2026-01-12",
      });
    const lead = await signIn(ctx.app, f.usernames.ic_lead!);
    const closed = await call(ctx.app, lead, "POST", `${f.base}/${json.episode.id}/close`, {
      decision: "胃腸炎ではなく薬剤性の下痢と判明",
      decisionDate: "2026-01-14",
      overrideReason: "医師の診断により感染症ではないため",
    });
    expect(closed.statusCode).toBe(200);
    expect((closed.json() as Json).episode.overrideReason).toBe("医師の診断により感染症ではないため");
  });

  it("audits every write: opening, links, measures, resolutions, closing and reopening", async () => {
    const f = await clusterFacility();
    const { json } = await openFromCluster(f);
    const id = json.episode.id;
    const measureId = randomUUID();
    await call(ctx.app, f.nurse, "POST", `${f.base}/${id}/measures`, {
      id: measureId,
      catalogueId: "gi.visitors",
      doneDate: "2026-01-11",
    });
    now = at("2026-01-17");
    const nurse = await signIn(ctx.app, f.usernames.nurse!);
    for (const c of json.cases as { linkId: string }[])
      await call(ctx.app, nurse, "PATCH", `${f.base}/${id}/cases/${c.linkId}`, {
        resolvedDate: "2026-01-12",
      });
    const lead = await signIn(ctx.app, f.usernames.ic_lead!);
    await call(ctx.app, lead, "POST", `${f.base}/${id}/close`, {
      decision: "終息",
      decisionDate: "2026-01-17",
    });
    await call(ctx.app, lead, "POST", `${f.base}/${id}/reopen`, { reason: "再発" });

    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organisationId, f.facility.id),
          inArray(auditLog.entity, [
            "outbreak_episode",
            "outbreak_episode_case",
            "outbreak_measure",
            "outbreak_episode_event",
          ]),
        ),
      )
      .orderBy(asc(auditLog.id));
    const lines = entries.map((e) => `${e.action} ${e.entity}`);
    expect(lines).toEqual([
      "create outbreak_episode",
      "create outbreak_episode_event",
      "create outbreak_episode_case",
      "create outbreak_episode_case",
      "create outbreak_measure",
      "update outbreak_episode_case",
      "update outbreak_episode_case",
      "update outbreak_episode",
      "create outbreak_episode_event",
      "update outbreak_episode",
      "create outbreak_episode_event",
    ]);
    const closing = entries[7]!;
    expect(closing.entityId).toBe(id);
    expect(closing.before).toMatchObject({ closedDate: null });
    expect(closing.after).toMatchObject({ closedDate: "2026-01-17", decision: "終息" });
    expect(entries[9]!.after).toMatchObject({ closedDate: null });
    expect(entries[4]!.entityId).toBe(measureId);
  });

  it("feeds stored episodes to the rules: OUTBREAK_END_ELIGIBLE holds from day Q and stops once the committee closed", async () => {
    const f = await clusterFacility();
    const { json } = await openFromCluster(f);
    const alerts = async (cookie: string) =>
      (await call(ctx.app, cookie, "GET", `/api/facilities/${f.facility.id}/alerts?lookback=1`)).json()
        .alerts as {
        code: string;
        day: string;
      }[];
    const endAlerts = async (cookie: string) =>
      (await alerts(cookie)).filter((a) => a.code === "OUTBREAK_END_ELIGIBLE");
    now = at("2026-01-16");
    expect(await endAlerts(await signIn(ctx.app, f.usernames.nurse!))).toEqual([]);
    now = at("2026-01-17");
    const nurse = await signIn(ctx.app, f.usernames.nurse!);
    expect(await endAlerts(nurse)).toMatchObject([
      { day: "2026-01-17", evidence: { openedOn: "2026-01-10" } },
    ]);
    for (const c of json.cases as { linkId: string }[])
      await call(ctx.app, nurse, "PATCH", `${f.base}/${json.episode.id}/cases/${c.linkId}`, {
        resolvedDate: "2026-01-12",
      });
    const lead = await signIn(ctx.app, f.usernames.ic_lead!);
    await call(ctx.app, lead, "POST", `${f.base}/${json.episode.id}/close`, {
      decision: "終息",
      decisionDate: "2026-01-17",
    });
    expect(await endAlerts(nurse)).toEqual([]);
  });

  it("opens by hand: a declared episode of a group without a rule alert makes the rules count its end", async () => {
    now = at("2026-01-11");
    // Four residents, one ill: no reporting criterion holds (イ needs half of the users), only the declaration.
    const f = await makeFacility(ctx.db, {
      roles: ["nurse"],
      people: [0, 0, 0, 0].map(() => ({ kind: "resident" as const, unit: 0 as const })),
    });
    const nurse = await signIn(ctx.app, f.usernames.nurse!);
    const [a] = f.people;
    await call(ctx.app, nurse, "POST", "/api/observations", {
      observations: [
        { id: randomUUID(), personId: a!.id, at: "2026-01-10T09:00:00+09:00", symptoms: ["rash", "itch"] },
      ],
    });
    const base = `/api/facilities/${f.facility.id}/episodes`;
    const opened = await call(ctx.app, nurse, "POST", base, {
      id: randomUUID(),
      subject: { disease: "scabies" },
      openedDate: "2026-01-10",
    });
    expect(opened.statusCode).toBe(201);
    const body = opened.json() as Json & { candidates: { personId: string; onsetDate: string }[] };
    expect(body.episode.state).toMatchObject({ caseCount: 0, lastOnset: "2026-01-10" });
    expect(body.candidates).toMatchObject([{ personId: a!.id, onsetDate: "2026-01-10" }]);
    const linked = await call(ctx.app, nurse, "POST", `${base}/${body.episode.id}/cases`, {
      personId: a!.id,
      onsetDate: "2026-01-10",
    });
    expect(linked.statusCode).toBe(201);
    const after = linked.json() as Json & { candidates: unknown[] };
    expect(after.episode.state).toMatchObject({ caseCount: 1, openCaseCount: 1 });
    expect(after.candidates).toEqual([]);
    // Scabies runs under SKIN; its quiet period is the profile's (whatever it is set to), read through the episode.
    const eligibleOn = after.episode.state.eligibleOn as string;
    const dayBefore = new Date(`${eligibleOn}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    const endAlerts = async (day: string) => {
      now = at(day);
      const cookie = await signIn(ctx.app, f.usernames.nurse!);
      const response = await call(
        ctx.app,
        cookie,
        "GET",
        `/api/facilities/${f.facility.id}/alerts?lookback=1`,
      );
      return (response.json().alerts as { code: string; subject: object }[]).filter(
        (a) => a.code === "OUTBREAK_END_ELIGIBLE",
      );
    };
    expect(await endAlerts(dayBefore.toISOString().slice(0, 10))).toEqual([]);
    expect(await endAlerts(eligibleOn)).toMatchObject([
      { subject: { group: "SKIN" }, evidence: { openedBy: ["DECLARED"] } },
    ]);
  });
});

describe("the outbreak an alert belongs to (cases linked when an episode opens from it)", () => {
  // Consecutive onset days belong to one outbreak while the gap between them stays below the quiet period (7 for GI).
  // Gaps: 32, 7, 1, 6, 7 days.
  const onsets = ["2025-12-01", "2026-01-02", "2026-01-09", "2026-01-10", "2026-01-16", "2026-01-23"];
  it("goes back from the alert day while gaps stay below the quiet period (a gap of Q−1 joins, Q splits)", () => {
    expect(currentRunStart(onsets, "2026-01-10", 7)).toBe("2026-01-09");
    expect(currentRunStart(onsets, "2026-01-10", 8)).toBe("2026-01-02");
    expect(currentRunStart([], "2026-01-10", 7)).toBeNull();
  });
  it("goes forward to today while gaps stay below the quiet period", () => {
    expect(outbreakRun(onsets, "2026-01-10", "2026-01-20", 7)).toEqual({
      from: "2026-01-09",
      to: "2026-01-16",
    });
    expect(outbreakRun(onsets, "2026-01-10", "2026-01-30", 7)).toEqual({
      from: "2026-01-09",
      to: "2026-01-16",
    });
    expect(outbreakRun(onsets, "2026-01-10", "2026-01-30", 8)).toEqual({
      from: "2026-01-02",
      to: "2026-01-23",
    });
  });
});

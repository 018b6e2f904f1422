import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, observations, organisations, users } from "../../db/schema/index.ts";
import { addIllness, cookiesOf, FACILITY_ROLES, reportingFacility } from "../../test/report-fixtures.ts";
import { useTestApp } from "../../test/test-app.ts";
import { presentRegionAlerts } from "./region-alerts.ts";

// The health centre's region view (issue 11 item 4): facilities share their daily new-onset counts per group (付録4②
// numbers, no names) with their health centre, which sees who is above the usual level today — the facility's own
// "above usual" test (facility-surveillance.md §4.4: EARS C2, ≥ 28 days of history, ≥ 2 onsets on the day; criterion
// ウ, manual p.48 「通常の発生動向を上回る」).
const now = new Date("2026-12-02T10:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
type Json = Record<string, any>;
const call = (
  app: FastifyInstance,
  cookie: string,
  method: "GET" | "PUT" | "POST",
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

type F = Awaited<ReturnType<typeof reportingFacility>>;
let a: F; // HC1, shares, 3 residents vomiting today after 35 quiet days: above usual
let b: F; // moved under HC1, never shares
let c: F; // moved under HC1, shares, quiet
let d: F; // its own HC2, shares
let ca: Awaited<ReturnType<typeof cookiesOf>>;
let cd: Awaited<ReturnType<typeof cookiesOf>>;

/** Quiet rounds of every person for `days` days before today, then `ill` residents vomiting today. */
async function rounds(f: F, days: number, ill: number) {
  const [recorder] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, f.usernames.nurse!));
  const rows = [];
  for (let back = days; back >= 1; back--)
    for (const p of f.people)
      rows.push({
        id: randomUUID(),
        facilityId: f.facility.id,
        personId: p.id,
        at: new Date(now.getTime() - back * 86_400_000 - 3_600_000),
        tempC: 36.4,
        symptoms: [],
        recordedBy: recorder!.id,
      });
  for (const p of f.people.filter((p) => p.kind === "resident").slice(0, ill))
    rows.push({
      id: randomUUID(),
      facilityId: f.facility.id,
      personId: p.id,
      at: new Date(now.getTime() - 3_600_000),
      tempC: 36.5,
      symptoms: ["vomiting" as const],
      recordedBy: recorder!.id,
    });
  for (let i = 0; i < rows.length; i += 500) await ctx.db.insert(observations).values(rows.slice(i, i + 500));
}

const share = (cookie: string, on: boolean) =>
  call(ctx.app, cookie, "PUT", "/api/region/sharing", { share: on });

beforeAll(async () => {
  const made = await Promise.all(
    [0, 1, 2, 3].map(() => reportingFacility(ctx.db, { residents: 6, ill: 0, onsetDay: "2026-11-01" })),
  );
  [a, b, c, d] = made as [F, F, F, F];
  await rounds(a, 35, 3);
  await rounds(c, 35, 0);
  await rounds(d, 35, 3);
  for (const f of [b, c])
    await ctx.db
      .update(organisations)
      .set({ healthCentreId: a.healthCentre.id })
      .where(eq(organisations.id, f.facility.id));
  ca = await cookiesOf(ctx.app, a);
  cd = await cookiesOf(ctx.app, d);
  const cc = await cookiesOf(ctx.app, c);
  for (const director of [ca.staff.director!, cc.staff.director!, cd.staff.director!])
    expect((await share(director, true)).statusCode).toBe(200);
}, 120_000);

describe("sharing the daily counts", () => {
  it("is off until the director or administrator turns it on, dated and audited", async () => {
    const cb = await cookiesOf(ctx.app, b);
    const before = await call(ctx.app, cb.staff.admin!, "GET", "/api/region/sharing");
    expect(before.json().sharing).toMatchObject({ shared: false, since: null });
    expect(before.json().sharing.healthCentre.id).toBe(a.healthCentre.id);
    for (const role of FACILITY_ROLES) {
      const res = await share(cb.staff[role]!, true);
      expect(res.statusCode, role).toBe(["director", "admin"].includes(role) ? 200 : 403);
      if (res.statusCode === 200) {
        expect(res.json().sharing).toMatchObject({ shared: true, since: now.toISOString() });
        expect((await share(cb.staff[role]!, false)).json().sharing.shared).toBe(false);
      }
    }
    for (const officer of [cb.hc, cb.muni]) expect((await share(officer, true)).statusCode).toBe(403);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "count_sharing"), eq(auditLog.entityId, b.facility.id)));
    expect(audited).toHaveLength(4);
    expect(audited.map((e) => (e.after as Json).sharesCountsSince)).toContain(now.toISOString());
  });

  it("refuses bad input with a 400 naming the field, changing nothing", async () => {
    const cb = await cookiesOf(ctx.app, b);
    for (const body of [{ share: "yes" }, {}, { share: true, since: "2026-01-01" }]) {
      const res = await call(ctx.app, cb.staff.director!, "PUT", "/api/region/sharing", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error.fields)).toMatch(/share|since/);
    }
    const [row] = await ctx.db
      .select({ since: organisations.sharesCountsSince })
      .from(organisations)
      .where(eq(organisations.id, b.facility.id));
    expect(row!.since).toBeNull();
  });
});

describe("the region view", () => {
  it("shows the health centre its sharing facilities only, with who is above the usual level today", async () => {
    const res = await call(ctx.app, ca.hc, "GET", "/api/region");
    expect(res.statusCode).toBe(200);
    const view = res.json() as Json;
    expect(view.asOfDay).toBe("2026-12-02");
    expect(view.days).toHaveLength(28);
    expect(view.facilities.map((f: Json) => f.id).sort()).toEqual([a.facility.id, c.facility.id].sort());
    const gi = view.groups.find((g: Json) => g.group === "GI");
    // Three onsets today on 35 quiet days: above the C2 bound 1.55 (0 + qnorm(0.999)·0.5), and ≥ 2 onsets.
    const first = gi.facilities[0];
    expect(first).toMatchObject({ facilityId: a.facility.id, today: 3, aboveToday: true, tested: true });
    expect(first.upperbound.at(-1)).toBeCloseTo(1.55, 2);
    expect(first.aboveDays).toEqual(["2026-12-02"]);
    const quiet = gi.facilities.find((f: Json) => f.facilityId === c.facility.id);
    expect(quiet).toMatchObject({ today: 0, aboveToday: false });
    expect(gi.region.counts.at(-1)).toBe(3);
    expect(gi.region.aboveToday).toBe(true);
    expect(gi.aboveToday).toBe(1);
    // No person ever: neither names nor ids of anyone leave.
    const text = res.body;
    for (const p of [...a.people, ...c.people]) expect(text).not.toContain(p.id);
    expect(text).not.toMatch(/residentName|personId|name_kana/);
    // The facilities' series go out for one group: GI (above usual) unless another is asked for; a bad one is a 400.
    expect(view.group).toBe("GI");
    const ili = (await call(ctx.app, ca.hc, "GET", "/api/region?group=ILI")).json() as Json;
    expect(ili.group).toBe("ILI");
    expect(ili.groups.find((g: Json) => g.group === "ILI").facilities).toHaveLength(2);
    expect(ili.groups.find((g: Json) => g.group === "GI").facilities).toEqual([]);
    expect(ili.groups.find((g: Json) => g.group === "GI").aboveToday).toBe(1);
    const bad = await call(ctx.app, ca.hc, "GET", "/api/region?group=XX");
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain("group");
  });

  it("gives each facility's alerts: criterion イ, the cluster and ウ, as the facility's own alerts, without names", async () => {
    // b (under HC1, not sharing) has four residents vomiting yesterday: it meets イ too, and must not appear.
    await addIllness(ctx.db, b, 4, "2026-12-01", 0);
    const res = await call(ctx.app, ca.hc, "GET", "/api/region");
    const view = res.json() as Json;
    const alertsOf = (id: string) => view.facilities.find((f: Json) => f.id === id)?.alerts as Json[];
    // a: 3 of its 6 residents (users) vomiting today — イ by half of the users (manual p.48, 付録1① item 4 イ), not by
    // the 10 persons; 3 onsets in 24 hours (the cluster, p.54); and above its usual level (ウ: 3 > 1.55).
    const a1 = alertsOf(a.facility.id);
    expect(a1.find((x) => x.criterion === "B")).toEqual({
      code: "REPORT_CRITERION_B",
      group: "GI",
      disease: null,
      diseaseName: null,
      criterion: "B",
      day: "2026-12-02",
      since: "2026-12-02",
      count: 3,
      threshold: 10,
      users: { count: 3, total: 6 },
    });
    expect(a1.find((x) => x.criterion === "C")).toMatchObject({ group: "GI", count: 3, threshold: 1.55 });
    expect(a1.find((x) => x.code === "NORO_CLUSTER_24H")).toMatchObject({
      group: "GI",
      count: 3,
      threshold: 2,
    });
    expect(a1[0]!.criterion).toBe("B");
    expect(alertsOf(c.facility.id)).toEqual([]);
    expect(view.groups.find((g: Json) => g.group === "GI").facilities[0]).toMatchObject({
      facilityId: a.facility.id,
      meetsReportCriterion: true,
    });
    // The same engine as the facility's own alerts: the facility's answer, put as the region puts it, is the same.
    const own = await call(ctx.app, ca.staff.director!, "GET", `/api/facilities/${a.facility.id}/alerts`);
    expect(own.statusCode).toBe(200);
    expect(presentRegionAlerts(own.json().alerts)).toEqual(a1);
    // A facility that does not share is not there, nor are its alerts.
    expect(view.facilities.map((f: Json) => f.id)).not.toContain(b.facility.id);
    expect(res.body).not.toContain(b.facility.id);
    // Nothing personal: no person id, no name, no person's field.
    for (const p of [...a.people, ...b.people, ...c.people]) expect(res.body).not.toContain(p.id);
    expect(res.body).not.toMatch(/利用者|personId|personIds|name_kana|onsetDate/);
  });

  it("gives a facility's alerts anew once it records a round", async () => {
    const before = (await call(ctx.app, ca.hc, "GET", "/api/region")).json() as Json;
    expect(before.facilities.find((f: Json) => f.id === c.facility.id).alerts).toEqual([]);
    const cc = await cookiesOf(ctx.app, c);
    const ill = c.people.filter((p) => p.kind === "resident").slice(0, 2);
    const round = await call(ctx.app, cc.staff.nurse!, "POST", "/api/observations", {
      observations: ill.map((p) => ({
        id: randomUUID(),
        personId: p.id,
        at: new Date(now.getTime() - 1_800_000).toISOString(),
        symptoms: ["vomiting"],
      })),
    });
    expect(round.statusCode).toBe(200);
    const after = (await call(ctx.app, ca.hc, "GET", "/api/region")).json() as Json;
    // Two residents vomiting within 24 hours: the cluster (manual p.54: 2 or more).
    expect(after.facilities.find((f: Json) => f.id === c.facility.id).alerts).toContainEqual(
      expect.objectContaining({ code: "NORO_CLUSTER_24H", group: "GI", count: 2 }),
    );
  });

  it("gives a facility's counts to its own health centre only, by the link valid today", async () => {
    const other = (await call(ctx.app, cd.hc, "GET", "/api/region")).json() as Json;
    expect(other.facilities.map((f: Json) => f.id)).toEqual([d.facility.id]);
    // The link moves: from today d reports to HC1; HC2 sees it no more.
    await ctx.db
      .update(organisations)
      .set({ healthCentreId: a.healthCentre.id })
      .where(eq(organisations.id, d.facility.id));
    const moved = (await call(ctx.app, cd.hc, "GET", "/api/region")).json() as Json;
    expect(moved.facilities).toEqual([]);
    const hc1 = (await call(ctx.app, ca.hc, "GET", "/api/region")).json() as Json;
    expect(hc1.facilities.map((f: Json) => f.id)).toContain(d.facility.id);
    await ctx.db
      .update(organisations)
      .set({ healthCentreId: d.healthCentre.id })
      .where(eq(organisations.id, d.facility.id));
  });

  it("stops showing a facility that stops sharing", async () => {
    const cc = await cookiesOf(ctx.app, c);
    await share(cc.staff.director!, false);
    const view = (await call(ctx.app, ca.hc, "GET", "/api/region")).json() as Json;
    expect(view.facilities.map((f: Json) => f.id)).toEqual([a.facility.id]);
    await share(cc.staff.director!, true);
  });

  it("is the health centre's alone: facility staff and the municipality get 403", async () => {
    for (const role of FACILITY_ROLES)
      expect((await call(ctx.app, ca.staff[role]!, "GET", "/api/region")).statusCode, role).toBe(403);
    expect((await call(ctx.app, ca.muni, "GET", "/api/region")).statusCode).toBe(403);
    expect((await call(ctx.app, ca.hc, "GET", "/api/region/sharing")).statusCode).toBe(403);
  });

  it("is announced to the web by /api/auth/me, not decided there from roles", async () => {
    const me = async (cookie: string) =>
      ((await call(ctx.app, cookie, "GET", "/api/auth/me")).json() as Json).user.abilities;
    expect(await me(ca.hc)).toMatchObject({ region: true, inbox: true, overview: true, shareCounts: false });
    expect(await me(ca.muni)).toMatchObject({ region: false, inbox: true, reportTemplate: true });
    expect(await me(ca.staff.director!)).toMatchObject({
      region: false,
      shareCounts: true,
      draftReports: true,
    });
    expect(await me(ca.staff.nurse!)).toMatchObject({ region: false, shareCounts: false, readReports: true });
  });
});

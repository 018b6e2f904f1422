import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, observations } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

const NOW = new Date("2026-01-10T09:00:00+09:00");

const ctx = useTestApp({ clock: () => NOW });

async function setup() {
  const f = await makeFacility(ctx.db, { roles: ["care_worker", "nurse"] });
  const cookie = await signIn(ctx.app, f.usernames.care_worker!);
  return { ...f, cookie };
}

function post(cookie: string, payload: unknown) {
  return ctx.app.inject({
    method: "POST",
    url: "/api/observations",
    headers: { cookie },
    payload: payload as object,
  });
}

const entry = (personId: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  personId,
  at: "2026-01-10T08:30:00+09:00",
  symptoms: [],
  ...extra,
});

describe("POST /api/observations", () => {
  it("saves a batch and answers saved and duplicates; a resend of the same ids duplicates nothing", async () => {
    const { people, cookie } = await setup();
    const batch = [
      entry(people[0]!.id, { tempC: 38.4 }),
      entry(people[1]!.id, { symptoms: ["vomiting"], note: "朝食後" }),
    ];
    const first = await post(cookie, { observations: batch });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ saved: 2, duplicates: 0 });
    const again = await post(cookie, { observations: batch });
    expect(again.json()).toEqual({ saved: 0, duplicates: 2 });
    const stored = await ctx.db.select().from(observations).where(eq(observations.personId, people[0]!.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tempC).toBe(38.4);
  });

  it("treats symptoms in another order as the same content", async () => {
    const { people, cookie } = await setup();
    const e = entry(people[0]!.id, { symptoms: ["vomiting", "diarrhea"] });
    await post(cookie, { observations: [e] });
    const again = await post(cookie, { observations: [{ ...e, symptoms: ["diarrhea", "vomiting"] }] });
    expect(again.json()).toEqual({ saved: 0, duplicates: 1 });
  });

  it("answers 409 for a known id with other content and changes nothing", async () => {
    const { people, cookie } = await setup();
    const e = entry(people[0]!.id, { tempC: 36.5 });
    await post(cookie, { observations: [e] });
    const other = entry(people[1]!.id);
    const response = await post(cookie, { observations: [other, { ...e, tempC: 37.0 }] });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ path: "observations[1].id" })]);
    const [stored] = await ctx.db.select().from(observations).where(eq(observations.id, e.id));
    expect(stored!.tempC).toBe(36.5);
    expect(await ctx.db.select().from(observations).where(eq(observations.id, other.id))).toHaveLength(0);
  });

  it("keeps ids per organisation: an id another organisation uses is saved as this one's own, and a probe learns nothing", async () => {
    // Ids are chosen by the device (so that a resend is recognised) and keyed by (facility, id): an id stored by
    // another organisation is no conflict here, so the answer cannot tell whether it exists there.
    const mine = await setup();
    const theirs = await setup();
    const foreign = entry(theirs.people[0]!.id, { tempC: 36.5 });
    await post(theirs.cookie, { observations: [foreign] });
    const probe = await post(mine.cookie, {
      observations: [entry(mine.people[0]!.id, { id: foreign.id, tempC: 37.0 })],
    });
    const unused = await post(mine.cookie, { observations: [entry(mine.people[0]!.id, { tempC: 37.0 })] });
    expect(probe.statusCode).toBe(200);
    expect(probe.body).toBe(unused.body);
    const stored = await ctx.db.select().from(observations).where(eq(observations.id, foreign.id));
    expect(stored.map((row) => [row.facilityId, row.tempC]).sort()).toEqual(
      [
        [mine.facility.id, 37.0],
        [theirs.facility.id, 36.5],
      ].sort(),
    );
    // A resend is still told from a conflict within each organisation.
    expect((await post(theirs.cookie, { observations: [foreign] })).json()).toEqual({
      saved: 0,
      duplicates: 1,
    });
    expect((await post(theirs.cookie, { observations: [{ ...foreign, tempC: 38.0 }] })).statusCode).toBe(409);
  });

  it("refuses the whole batch when any entry is invalid, naming every bad field", async () => {
    const { people, cookie } = await setup();
    const good = entry(people[0]!.id);
    const response = await post(cookie, {
      observations: [
        good,
        entry(people[1]!.id, { tempC: 29.9 }),
        entry(people[1]!.id, { tempC: "38" }),
        entry(people[1]!.id, { symptoms: ["sneezing"] }),
        { ...entry(people[1]!.id), id: "not-a-uuid" },
        entry(people[1]!.id, { tempC: 45.1 }),
      ],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "observations[1].tempC",
        "observations[2].tempC",
        "observations[3].symptoms[0]",
        "observations[4].id",
        "observations[5].tempC",
      ]),
    );
    expect(await ctx.db.select().from(observations).where(eq(observations.id, good.id))).toHaveLength(0);
  });

  it("accepts the edges of the thermometer range, 30.0 and 45.0 °C", async () => {
    const { people, cookie } = await setup();
    const response = await post(cookie, {
      observations: [entry(people[0]!.id, { tempC: 30 }), entry(people[1]!.id, { tempC: 45 })],
    });
    expect(response.json()).toEqual({ saved: 2, duplicates: 0 });
  });

  it("accepts a device clock up to 5 minutes ahead and refuses 5 minutes and 1 second", async () => {
    const { people, cookie } = await setup();
    const ok = await post(cookie, {
      observations: [entry(people[0]!.id, { at: "2026-01-10T09:05:00+09:00" })],
    });
    expect(ok.statusCode).toBe(200);
    const late = await post(cookie, {
      observations: [entry(people[0]!.id, { at: "2026-01-10T09:05:01+09:00" })],
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual([
      { path: "observations[0].at", code: "invalid", message: "is in the future" },
    ]);
  });

  it("refuses a time without an offset", async () => {
    const { people, cookie } = await setup();
    const response = await post(cookie, {
      observations: [entry(people[0]!.id, { at: "2026-01-10T08:00:00" })],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe("observations[0].at");
  });

  it("treats a person of another facility as unknown and saves nothing", async () => {
    const mine = await setup();
    const theirs = await makeFacility(ctx.db);
    const response = await post(mine.cookie, {
      observations: [entry(mine.people[0]!.id), entry(theirs.people[0]!.id)],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: "observations[1].personId", code: "invalid", message: "unknown person" },
    ]);
    expect(
      await ctx.db.select().from(observations).where(eq(observations.personId, mine.people[0]!.id)),
    ).toHaveLength(0);
  });

  it("refuses an oversized body with 413", async () => {
    const { people, cookie } = await setup();
    const big = entry(people[0]!.id, { note: "x".repeat(1024 * 1024) });
    const response = await post(cookie, { observations: [big] });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.id).toBe("body_too_large");
  });

  it("writes one audit entry per saved observation and none for duplicates", async () => {
    const { people, cookie } = await setup();
    const e = entry(people[0]!.id, { symptoms: ["cough"] });
    await post(cookie, { observations: [e] });
    await post(cookie, { observations: [e] });
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, e.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("create");
    expect(audit[0]!.before).toBeNull();
    expect((audit[0]!.after as { symptoms: string[] }).symptoms).toEqual(["cough"]);
  });
});

describe("corrections", () => {
  it("replaces the content, bumps the version and keeps every version in the history", async () => {
    const { people, cookie } = await setup();
    const e = entry(people[0]!.id, { tempC: 37.2 });
    await post(cookie, { observations: [e] });
    const put = await ctx.app.inject({
      method: "PUT",
      url: `/api/observations/${e.id}`,
      headers: { cookie },
      payload: { tempC: 38.2, symptoms: ["cough"], reason: "体温の打ち間違い" },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().observation).toMatchObject({ tempC: 38.2, version: 2, temperatureClass: "fever" });
    const history = await ctx.app.inject({
      method: "GET",
      url: `/api/observations/${e.id}/history`,
      headers: { cookie },
    });
    expect(
      history.json().revisions.map((r: { version: number; tempC: number }) => [r.version, r.tempC]),
    ).toEqual([
      [1, 37.2],
      [2, 38.2],
    ]);
    expect(history.json().revisions[1].reason).toBe("体温の打ち間違い");
  });

  it("answers 404 for an observation of another facility", async () => {
    const mine = await setup();
    const theirs = await setup();
    const e = entry(theirs.people[0]!.id);
    await post(theirs.cookie, { observations: [e] });
    const put = await ctx.app.inject({
      method: "PUT",
      url: `/api/observations/${e.id}`,
      headers: { cookie: mine.cookie },
      payload: { symptoms: [] },
    });
    expect(put.statusCode).toBe(404);
    const history = await ctx.app.inject({
      method: "GET",
      url: `/api/observations/${e.id}/history`,
      headers: { cookie: mine.cookie },
    });
    expect(history.statusCode).toBe(404);
  });
});

describe("GET /api/observations", () => {
  it("lists a person's observations by facility day, with the temperature classified against the usual temperature", async () => {
    const { people, cookie } = await setup();
    // people[0] has a usual temperature of 36.2 °C: 37.2 is usual + 1.0 → fever (manual p.34); 37.1 is not.
    await post(cookie, {
      observations: [
        entry(people[0]!.id, { at: "2026-01-09T23:59:00+09:00", tempC: 37.1 }),
        entry(people[0]!.id, { at: "2026-01-10T00:00:00+09:00", tempC: 37.2 }),
      ],
    });
    const day9 = await ctx.app.inject({
      method: "GET",
      url: `/api/observations?personId=${people[0]!.id}&from=2026-01-09&to=2026-01-09`,
      headers: { cookie },
    });
    expect(
      day9
        .json()
        .observations.map((o: { tempC: number; temperatureClass: string; day: string }) => [
          o.day,
          o.tempC,
          o.temperatureClass,
        ]),
    ).toEqual([["2026-01-09", 37.1, "normal"]]);
    const day10 = await ctx.app.inject({
      method: "GET",
      url: `/api/observations?personId=${people[0]!.id}&from=2026-01-10&to=2026-01-10`,
      headers: { cookie },
    });
    expect(day10.json().observations[0]).toMatchObject({ day: "2026-01-10", temperatureClass: "fever" });
  });

  it("names the bad query field", async () => {
    const { cookie } = await setup();
    const response = await ctx.app.inject({
      method: "GET",
      url: "/api/observations?personId=x&from=2026-01-10&to=2026-13-01",
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["personId", "to"]),
    );
  });
});

describe("audit log", () => {
  it("cannot be changed or deleted, even by SQL", async () => {
    const { people, cookie } = await setup();
    const e = entry(people[0]!.id);
    await post(cookie, { observations: [e] });
    await expect(
      ctx.db.execute(sql`update audit_log set action = 'x' where entity_id = ${e.id}`),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from audit_log where entity_id = ${e.id}`)).rejects.toThrow();
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, e.id))).toHaveLength(1);
  });
});

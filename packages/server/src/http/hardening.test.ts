import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { people, users } from "../db/schema/index.ts";
import { IMP_KPN_ISOLATE, makeHospital, newCaseBody } from "../routes/cre/cre-test-support.ts";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility, signIn } from "../test/test-facility.ts";
import { classifyDatabaseError } from "./database-errors.ts";

// What a tester found by fuzzing every endpoint: bad input must be a 4xx naming the field, never a 500; a call another
// origin could forge must be refused; answers must carry the security headers.
const NOW = new Date("2026-01-20T10:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

async function nurse() {
  const f = await makeFacility(ctx.db, { roles: ["nurse", "care_worker", "admin"] });
  return { ...f, cookie: await signIn(ctx.app, f.usernames.nurse!) };
}

const observation = (personId: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  personId,
  at: "2026-01-20T08:30:00+09:00",
  symptoms: [],
  ...extra,
});

describe("bad characters and sizes", () => {
  it("gives zod's refusals the contract's codes with their params", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "", password: "x".repeat(201) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ path: "username", code: "required" }),
      expect.objectContaining({ path: "password", code: "too_long", params: { max: 200 } }),
    ]);
  });

  it("refuses a NUL character even in the sign-in username, naming the field", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "demo\u0000care", password: "x" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: "username", code: "nul_character", message: "contains a NUL character" },
    ]);
  });

  it("refuses an unpaired surrogate in a note and stores nothing of the batch", async () => {
    const f = await nurse();
    const good = observation(f.people[0]!.id);
    const bad = observation(f.people[1]!.id, { note: "朝\ud800" });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/observations",
      headers: { cookie: f.cookie },
      payload: { observations: [good, bad] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({
      path: "observations[1].note",
      code: "unpaired_surrogate",
    });
  });

  it("refuses a 1 MB organism name before any lookup, naming the field", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const body = newCaseBody();
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.lab_technologist! },
      payload: { ...body, isolate: { ...IMP_KPN_ISOLATE, organism: "K".repeat(1_000_000) } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({
      path: "isolate.organism",
      code: "too_long",
      params: { max: 20_000 },
    });
  });

  it("refuses a list of 10,000 items at once, naming it, instead of refusing each item", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const detected = Array.from({ length: 10_000 }, () => null);
    const isolate = { ...IMP_KPN_ISOLATE, carbapenemase: { immunochromatography: { kit: "NG", detected } } };
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.lab_technologist! },
      payload: { ...newCaseBody(), isolate },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({
        path: "isolate.carbapenemase.immunochromatography.detected",
        code: "too_many",
        params: { max: 1_000 },
      }),
    ]);
  });

  it("accepts a list of exactly the most items, so the bound is where it says", async () => {
    const { findBadStrings, MAX_LIST_ITEMS } = await import("./input-guard.ts");
    expect(findBadStrings({ ids: Array.from({ length: MAX_LIST_ITEMS }, () => "a") })).toEqual([]);
    expect(findBadStrings({ ids: Array.from({ length: MAX_LIST_ITEMS + 1 }, () => "a") })).toEqual([
      expect.objectContaining({ path: "ids", code: "too_many" }),
    ]);
  });

  it("accepts a text of exactly the longest length, so the bound is where it says", async () => {
    const { findBadStrings, MAX_TEXT_LENGTH } = await import("./input-guard.ts");
    expect(findBadStrings({ note: "a".repeat(MAX_TEXT_LENGTH) })).toEqual([]);
    expect(findBadStrings({ note: "a".repeat(MAX_TEXT_LENGTH + 1) })).toHaveLength(1);
  });
});

describe("addresses the router refuses", () => {
  it("answers a path of broken percent-encoding 400 and a path parameter over 100 characters 414, in Mamori's form", async () => {
    const f = await nurse();
    const broken = await ctx.app.inject({
      method: "GET",
      url: "/api/observations/%E0%A4%A/history",
      headers: { cookie: f.cookie },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual({
      error: {
        id: "bad_path",
        message: "The address is not valid.",
        fields: [{ path: "path", code: "invalid", params: {}, message: "not valid percent-encoding" }],
      },
    });
    const longest = await ctx.app.inject({
      method: "GET",
      url: `/api/observations/${"a".repeat(100)}/history`,
      headers: { cookie: f.cookie },
    });
    expect(longest.statusCode).toBe(400);
    expect(longest.json().error.id).toBe("validation_failed");
    const tooLong = await ctx.app.inject({
      method: "GET",
      url: `/api/observations/${"a".repeat(101)}/history`,
      headers: { cookie: f.cookie },
    });
    expect(tooLong.statusCode).toBe(414);
    expect(tooLong.json().error).toMatchObject({
      id: "path_too_long",
      fields: [{ path: "path", code: "too_long" }],
    });
  });
});

describe("dates that do not exist or are out of range", () => {
  it("refuses year 0000 and 9999 in a case's dates and 9999 as the alerts' as-of", async () => {
    const f = await nurse();
    const caseOf = (onsetDate: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/cases",
        headers: { cookie: f.cookie },
        payload: {
          id: randomUUID(),
          personId: f.people[0]!.id,
          disease: "norovirus",
          status: "suspected",
          onsetDate,
        },
      });
    for (const onsetDate of ["0000-01-01", "9999-12-31", "2026-13-45", "2026-02-29"]) {
      const response = await caseOf(onsetDate);
      expect(response.statusCode, onsetDate).toBe(400);
      expect(response.json().error.fields[0].path).toBe("onsetDate");
    }
    expect((await caseOf("2026-01-19")).statusCode).toBe(201);

    const alerts = await ctx.app.inject({
      method: "GET",
      url: `/api/facilities/${f.facility.id}/alerts?asOf=9999-12-31T23:59:59Z`,
      headers: { cookie: f.cookie },
    });
    expect(alerts.statusCode).toBe(400);
    expect(alerts.json().error.fields[0].path).toBe("asOf");
  });

  it("refuses year 9999 as the as-of of the line list, the epidemic curve and the obligations", async () => {
    const f = await nurse();
    for (const url of [
      `/api/facilities/${f.facility.id}/line-list?asOf=9999-12-31T23:59:59Z`,
      `/api/facilities/${f.facility.id}/epidemic-curve?asOf=9999-12-31T23:59:59Z`,
      `/api/facilities/${f.facility.id}/obligations?asOf=9999-12-31`,
    ]) {
      const response = await ctx.app.inject({ method: "GET", url, headers: { cookie: f.cookie } });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields[0].path).toBe("asOf");
    }
  });

  it("refuses a CRE collection day that does not exist", async () => {
    const h = await makeHospital(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/cre/cases",
      headers: { cookie: h.cookies.lab_technologist! },
      payload: { ...newCaseBody(), isolate: { ...IMP_KPN_ISOLATE, collectedAt: "2026-13-45" } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe("isolate.collectedAt");
  });

  it("reads a CSV baseline temperature only as a plain decimal (0x24 is not 36)", async () => {
    const f = await nurse();
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/people/import",
      headers: { cookie: f.cookie, "content-type": "text/csv" },
      payload: "name,name_kana,kind,unit,room,baseline_temp_c\n山田 ハル,,入所者,,,0x24\n",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toMatch(/baseline_temp_c/);
  });
});

describe("a resend is never a conflict", () => {
  it("stores 36.55 as 36.6 and answers the identical resend as a duplicate, not 409", async () => {
    const f = await nurse();
    const batch = { observations: [observation(f.people[0]!.id, { tempC: 36.55, note: "  食欲あり " })] };
    const send = () =>
      ctx.app.inject({
        method: "POST",
        url: "/api/observations",
        headers: { cookie: f.cookie },
        payload: batch,
      });
    const first = await send();
    expect(first.statusCode).toBe(200);
    const again = await send();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ saved: 0, duplicates: 1 });
  });
});

describe("nothing to change and races", () => {
  it("answers an empty PATCH with 400 on every resource that takes one", async () => {
    const f = await nurse();
    const admin = await signIn(ctx.app, f.usernames.admin!);
    const [nurseAccount] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.nurse!));
    const targets = [
      { url: `/api/people/${f.people[0]!.id}`, cookie: f.cookie },
      { url: "/api/facility", cookie: admin },
      { url: `/api/users/${nurseAccount!.id}`, cookie: admin },
    ];
    for (const { url, cookie } of targets) {
      const response = await ctx.app.inject({ method: "PATCH", url, headers: { cookie }, payload: {} });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields[0].message, url).toMatch(/nothing to change/);
    }
  });

  it("creates one account when ten creations with one username race; the others hear it is taken", async () => {
    const f = await nurse();
    const admin = await signIn(ctx.app, f.usernames.admin!);
    const username = `race-${randomUUID().slice(0, 8)}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        ctx.app.inject({
          method: "POST",
          url: "/api/users",
          headers: { cookie: admin },
          payload: { username, displayName: "競走", role: "care_worker", password: "long enough password" },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error.fields[0]).toMatchObject({ path: "username", code: "taken" });
    const [row] = await ctx.db.select({ n: count() }).from(users).where(eq(users.username, username));
    expect(row?.n).toBe(1);
  });
});

describe("calls another origin could forge", () => {
  const csv = "name,name_kana,kind,unit,room,baseline_temp_c\n偽 造,,入所者,,,\n";

  it("refuses a CSV import sent as text/plain (a cross-origin page can send it without asking)", async () => {
    const f = await nurse();
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/people/import",
      headers: { cookie: f.cookie, "content-type": "text/plain" },
      payload: csv,
    });
    expect(response.statusCode).toBe(415);
    const [row] = await ctx.db.select({ n: count() }).from(people).where(eq(people.name, "偽 造"));
    expect(row?.n).toBe(0);
  });

  it("refuses a browser call from another site or another port of this host, and accepts one from its own origin", async () => {
    const f = await nurse();
    const send = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/people/import",
        headers: { cookie: f.cookie, "content-type": "text/csv", host: "127.0.0.1:3000", ...headers },
        payload: csv,
      });
    expect((await send({ "sec-fetch-site": "same-site" })).statusCode).toBe(403);
    expect((await send({ "sec-fetch-site": "cross-site" })).statusCode).toBe(403);
    expect((await send({ origin: "http://127.0.0.1:8080" })).statusCode).toBe(403);
    expect((await send({ origin: "null" })).statusCode).toBe(403);
    expect(
      (await send({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" })).statusCode,
    ).toBe(200);
  });
});

describe("headers", () => {
  it("sends the security headers, and no-store on answers of the API", async () => {
    const f = await nurse();
    const response = await ctx.app.inject({
      method: "GET",
      url: "/api/people",
      headers: { cookie: f.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(String(response.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    expect(String(response.headers["content-security-policy"])).toContain("script-src 'self'");
    // Plain http here: no HSTS, which only makes sense behind TLS.
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  it("sends HSTS when the server runs behind TLS (secure cookies)", async () => {
    const app = await buildApp({ db: ctx.db, secureCookies: true });
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
    await app.close();
  });
});

describe("the database going away", () => {
  it("health says 503 when the database cannot be reached, and when it accepts no writes", async () => {
    const down = await buildApp({ db: ctx.db, probe: async () => ({ reachable: false, writable: false }) });
    const answer = await down.inject({ method: "GET", url: "/api/health" });
    expect(answer.statusCode).toBe(503);
    expect(answer.json()).toEqual({ status: "unavailable", database: "unreachable" });
    await down.close();
    const readOnly = await buildApp({
      db: ctx.db,
      probe: async () => ({ reachable: true, writable: false }),
    });
    expect((await readOnly.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(503);
    await readOnly.close();
    expect((await ctx.app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({
      status: "ok",
      database: "ok",
    });
  });

  it("classifies driver errors: lost connections are 'unavailable', races 'conflict', refused values 'invalid_value'", () => {
    expect(classifyDatabaseError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(
      "unavailable",
    );
    expect(classifyDatabaseError(new Error("Connection terminated unexpectedly"))).toBe("unavailable");
    expect(classifyDatabaseError({ message: "query failed", cause: { code: "57P01" } })).toBe("unavailable");
    expect(classifyDatabaseError({ code: "23505" })).toBe("conflict");
    expect(classifyDatabaseError({ code: "22008" })).toBe("invalid_value");
    expect(classifyDatabaseError({ code: "25006" })).toBe("read_only");
    expect(classifyDatabaseError(new Error("something else"))).toBeUndefined();
  });
});

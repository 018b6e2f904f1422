import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "../../test/test-facility.ts";
import { LOGIN_ATTEMPTS_PER_WINDOW } from "./routes.ts";

let now = new Date("2026-01-10T09:00:00+09:00");

const ctx = useTestApp({ clock: () => now });

const login = (username: string, password: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe("sign-in", () => {
  it("signs in with the right password and sets an HttpOnly session cookie", async () => {
    const f = await makeFacility(ctx.db, { roles: ["nurse"] });
    const response = await login(f.usernames.nurse!, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      role: "nurse",
      organisation: { id: f.facility.id, kind: "facility" },
    });
    const cookie = response.cookies.find((c) => c.name === "mamori_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: `mamori_session=${cookie.value}` },
    });
    expect(me.json().user.username).toBe(f.usernames.nurse);
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const f = await makeFacility(ctx.db);
    const wrong = await login(f.usernames.care_worker!, "not the password");
    const unknown = await login(`nobody-${f.facility.id}`, TEST_PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it(`allows ${LOGIN_ATTEMPTS_PER_WINDOW} attempts per username and then answers 429`, async () => {
    const f = await makeFacility(ctx.db);
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW; i++) {
      expect((await login(f.usernames.care_worker!, "guess")).statusCode).toBe(401);
    }
    const limited = await login(f.usernames.care_worker!, TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    // Another user from the same address is not locked out by someone else's failures.
    const other = await makeFacility(ctx.db);
    expect((await login(other.usernames.care_worker!, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("refuses calls without a session, with an unknown token and after sign-out", async () => {
    const f = await makeFacility(ctx.db);
    expect((await ctx.app.inject({ method: "GET", url: "/api/people" })).statusCode).toBe(401);
    expect(
      (
        await ctx.app.inject({
          method: "GET",
          url: "/api/people",
          headers: { cookie: "mamori_session=forged" },
        })
      ).statusCode,
    ).toBe(401);
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/people", headers: { cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await ctx.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } })).statusCode,
    ).toBe(204);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/people", headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it("ends a session after 12 hours", async () => {
    const f = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    const start = now;
    now = new Date(start.getTime() + 12 * 3600_000 - 1000);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode,
    ).toBe(200);
    now = new Date(start.getTime() + 12 * 3600_000 + 1000);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode,
    ).toBe(401);
    now = start;
  });
});

describe("access between organisations", () => {
  it("shows a facility's people only to its own staff", async () => {
    const a = await makeFacility(ctx.db);
    const b = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, a.usernames.care_worker!);
    const response = await ctx.app.inject({ method: "GET", url: "/api/people", headers: { cookie } });
    const ids = response.json().people.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(a.people.map((p) => p.id)));
    expect(ids).not.toEqual(expect.arrayContaining([b.people[0]!.id]));
  });

  it("answers another facility's unit exactly like a unit that does not exist", async () => {
    const a = await makeFacility(ctx.db);
    const b = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, a.usernames.care_worker!);
    const theirs = await ctx.app.inject({
      method: "GET",
      url: `/api/rounds?unitId=${b.units[0]!.id}&date=2026-01-10`,
      headers: { cookie },
    });
    const none = await ctx.app.inject({
      method: "GET",
      url: "/api/rounds?unitId=00000000-0000-4000-8000-000000000000&date=2026-01-10",
      headers: { cookie },
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(none.json());
  });

  it("gives a health-centre officer nothing of a facility's people or rounds", async () => {
    const f = await makeFacility(ctx.db);
    const { createUser } = await import("../../accounts/create-user.ts");
    const username = `hc-${f.healthCentre.id}`;
    await createUser(ctx.db, {
      organisationId: f.healthCentre.id,
      username,
      displayName: "保健所",
      role: "health_centre_officer",
      password: TEST_PASSWORD,
    });
    const cookie = await signIn(ctx.app, username);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/people", headers: { cookie } })).statusCode,
    ).toBe(403);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/facility", headers: { cookie } })).statusCode,
    ).toBe(403);
  });

  it("lets a care worker record but not manage people", async () => {
    const f = await makeFacility(ctx.db);
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/people",
      headers: { cookie },
      payload: { name: "新規", kind: "resident" },
    });
    expect(response.statusCode).toBe(403);
  });
});

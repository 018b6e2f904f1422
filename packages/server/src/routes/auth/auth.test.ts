import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { NO_ORGANISATION } from "../../audit/no-organisation.ts";
import { accountKey, SIGN_IN_LIMITS } from "../../auth/sign-in-limits.ts";
import { auditLog, users } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "../../test/test-facility.ts";
import { makeHospital } from "../cre/cre-test-support.ts";

let now = new Date("2026-01-10T09:00:00+09:00");

const ctx = useTestApp({ clock: () => now });

const login = (username: string, password: string, remoteAddress = "127.0.0.1") =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress });

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

  it("sends what the user may do with /me: a care home's nurse keeps the round, a hospital's physician the CRE cases", async () => {
    const home = await makeFacility(ctx.db, { roles: ["nurse"] });
    const nurse = await signIn(ctx.app, home.usernames.nurse!);
    const hospital = await makeHospital(ctx.app, ctx.db, ["physician"]);
    const me = async (cookie: string) =>
      (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).json().user;
    const nurseMe = await me(nurse);
    expect(nurseMe.permissions).toEqual(
      expect.arrayContaining(["readFacility", "recordObservations", "recordCases"]),
    );
    expect(nurseMe.permissions).not.toContain("readCreCases");
    expect(nurseMe.organisation.facilityType).toBe("elderly_care");
    const physicianMe = await me(hospital.cookies.physician!);
    expect(physicianMe.permissions).toEqual(
      expect.arrayContaining(["readFacility", "readCreCases", "answerSurvey"]),
    );
    expect(physicianMe.permissions).not.toContain("recordObservations");
    expect(physicianMe.permissions).not.toContain("recordCases");
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const f = await makeFacility(ctx.db);
    const wrong = await login(f.usernames.care_worker!, "not the password");
    const unknown = await login(`nobody-${f.facility.id}`, TEST_PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it(`closes an account after ${SIGN_IN_LIMITS.perAccount} failures from any addresses, then opens it after the window`, async () => {
    const f = await makeFacility(ctx.db);
    const username = f.usernames.care_worker!;
    // A success never counts: sign in well first, then fail from ten different addresses.
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++)
      expect((await login(username, "guess", `10.0.0.${i + 1}`)).statusCode).toBe(401);
    // One failure short of the limit: the right password still works.
    expect((await login(username, TEST_PASSWORD, "10.0.1.1")).statusCode).toBe(200);
    expect((await login(username, "guess", "10.0.0.99")).statusCode).toBe(401);
    const limited = await login(username, TEST_PASSWORD, "10.0.2.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe(String(SIGN_IN_LIMITS.windowMinutes * 60));

    // The limit is stored: a new server process on the same database still refuses.
    const restarted = await buildApp({ db: ctx.db, clock: () => now });
    const again = await restarted.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: TEST_PASSWORD },
      remoteAddress: "10.0.3.1",
    });
    expect(again.statusCode).toBe(429);
    await restarted.close();

    // Another account is not closed by these failures.
    const other = await makeFacility(ctx.db);
    expect((await login(other.usernames.care_worker!, TEST_PASSWORD, "10.0.0.1")).statusCode).toBe(200);

    const saved = now;
    now = new Date(saved.getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000 + 1000);
    expect((await login(username, TEST_PASSWORD, "10.0.4.1")).statusCode).toBe(200);
    now = saved;
  });

  it(`closes an address after ${SIGN_IN_LIMITS.perAddress} failures across usernames; other addresses go on`, async () => {
    const f = await makeFacility(ctx.db);
    const address = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      expect((await login(`guess-${i}-${f.facility.id}`, "guess", address)).statusCode).toBe(401);
    expect((await login(f.usernames.care_worker!, TEST_PASSWORD, address)).statusCode).toBe(429);
    expect((await login(f.usernames.care_worker!, TEST_PASSWORD, "198.51.100.7")).statusCode).toBe(200);
  });

  it("audits every failed sign-in under the account, with the address, and never the password", async () => {
    const f = await makeFacility(ctx.db);
    expect((await login(f.usernames.care_worker!, "secret-guess-123", "203.0.113.5")).statusCode).toBe(401);
    const [account] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.care_worker!));
    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account!.id), eq(auditLog.action, "sign_in_failed")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entity: "user",
      organisationId: f.facility.id,
      after: { address: "203.0.113.5" },
    });
    expect(JSON.stringify(entries[0])).not.toContain("secret-guess-123");
  });

  it("audits a failed sign-in of a name no account has under no organisation, the name only as its digest", async () => {
    const name = `nobody-${randomUUID()}`;
    expect((await login(name, "guess", "203.0.113.77")).statusCode).toBe(401);
    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `unknown:${accountKey(name).slice(0, 16)}`));
    expect(entries).toMatchObject([
      { action: "sign_in_failed", entity: "user", organisationId: NO_ORGANISATION, actorUserId: null },
    ]);
    expect(JSON.stringify(entries)).not.toContain(name);
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

describe("changing one's own password", () => {
  it("needs the current password, ends the other sessions, keeps this one, and is audited", async () => {
    const f = await makeFacility(ctx.db, { roles: ["nurse"] });
    const username = f.usernames.nurse!;
    const here = await signIn(ctx.app, username);
    const elsewhere = await signIn(ctx.app, username);
    const change = (body: object) =>
      ctx.app.inject({ method: "POST", url: "/api/auth/password", headers: { cookie: here }, payload: body });

    const wrong = await change({ currentPassword: "not it at all", newPassword: "a brand new passphrase" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      { path: "currentPassword", message: "not your current password", code: "wrong_password" },
    ]);
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].path).toBe("newPassword");
    const same = await change({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.json().error.fields[0]).toMatchObject({
      path: "newPassword",
      code: "invalid",
      message: "must differ from the current password",
    });

    expect(
      (await change({ currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" })).statusCode,
    ).toBe(204);
    const me = (cookie: string) =>
      ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login(username, TEST_PASSWORD, "10.9.9.9")).statusCode).toBe(401);
    expect((await login(username, "a brand new passphrase", "10.9.9.9")).statusCode).toBe(200);

    const [account] = await ctx.db.select().from(users).where(eq(users.username, username));
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account!.id), eq(auditLog.action, "update")));
    expect(audited.map((e) => e.after)).toContainEqual({ passwordChanged: true, otherSessionsEnded: true });
    expect(JSON.stringify(audited)).not.toContain("a brand new passphrase");
  });

  it("is refused without a session", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "x", newPassword: "yyyyyyyyyyyy" },
    });
    expect(response.statusCode).toBe(401);
  });
});

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";
import { USERNAME_CONFLICT_LIMIT } from "./routes.ts";

let now = new Date("2026-12-02T09:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

describe("accounts", () => {
  it("lets the facility's administrator create a care worker who can then sign in", async () => {
    const f = await makeFacility(ctx.db, { roles: ["admin"] });
    const cookie = await signIn(ctx.app, f.usernames.admin!);
    const username = `care-${f.facility.id.slice(0, 8)}`;
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username, displayName: "介護 太郎", role: "care_worker", password: "long enough pw" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).not.toHaveProperty("passwordHash");
    await signIn(ctx.app, username, "long enough pw");
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, created.json().user.id));
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses a taken username, a short password and an overseer role, naming the field", async () => {
    const f = await makeFacility(ctx.db, { roles: ["admin", "nurse"] });
    const cookie = await signIn(ctx.app, f.usernames.admin!);
    const taken = await ctx.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username: f.usernames.nurse, displayName: "x", role: "nurse", password: "long enough pw" },
    });
    expect(taken.statusCode).toBe(409);
    const bad = await ctx.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username: "new-user", displayName: "x", role: "health_centre_officer", password: "short" },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["password", "role"]);
  });

  it("ends a user's sessions when the administrator resets the password", async () => {
    const f = await makeFacility(ctx.db, { roles: ["admin", "care_worker"] });
    const admin = await signIn(ctx.app, f.usernames.admin!);
    const worker = await signIn(ctx.app, f.usernames.care_worker!);
    const list = await ctx.app.inject({ method: "GET", url: "/api/users", headers: { cookie: admin } });
    const id = list.json().users.find((u: { username: string }) => u.username === f.usernames.care_worker).id;
    const reset = await ctx.app.inject({
      method: "PATCH",
      url: `/api/users/${id}`,
      headers: { cookie: admin },
      payload: { password: "a new long password" },
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: worker } })).statusCode,
    ).toBe(401);
  });

  it("is closed to everyone but the administrator, and to other facilities' users", async () => {
    const f = await makeFacility(ctx.db, { roles: ["director"] });
    const other = await makeFacility(ctx.db, { roles: ["admin"] });
    const director = await signIn(ctx.app, f.usernames.director!);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/users", headers: { cookie: director } })).statusCode,
    ).toBe(403);
    const otherAdmin = await signIn(ctx.app, other.usernames.admin!);
    const list = await ctx.app.inject({ method: "GET", url: "/api/users", headers: { cookie: otherAdmin } });
    expect(list.json().users.map((u: { username: string }) => u.username)).toEqual([other.usernames.admin]);
  });
});

describe("the last administrator", () => {
  it("cannot give up the role while no other administrator exists; can once another does", async () => {
    const f = await makeFacility(ctx.db, { roles: ["admin"] });
    const cookie = await signIn(ctx.app, f.usernames.admin!);
    const list = await ctx.app.inject({ method: "GET", url: "/api/users", headers: { cookie } });
    const me = list.json().users.find((u: { username: string }) => u.username === f.usernames.admin)!;
    const demote = () =>
      ctx.app.inject({
        method: "PATCH",
        url: `/api/users/${me.id}`,
        headers: { cookie },
        payload: { role: "nurse" },
      });
    const refused = await demote();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([
      { path: "role", message: "the last administrator keeps the role", code: "last_administrator" },
    ]);
    const second = await ctx.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: {
        username: `admin2-${me.id.slice(0, 8)}`,
        displayName: "二人目",
        role: "admin",
        password: "long enough password",
      },
    });
    expect(second.statusCode).toBe(201);
    expect((await demote()).statusCode).toBe(200);
  });

  it("answers a name taken in another organisation exactly like one taken in its own", async () => {
    // Usernames are unique across Mamori: "taken" is the answer either way, and it names no organisation.
    const mine = await makeFacility(ctx.db, { roles: ["admin", "nurse"] });
    const theirs = await makeFacility(ctx.db, { roles: ["nurse"] });
    const cookie = await signIn(ctx.app, mine.usernames.admin!);
    const create = (username: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/users",
        headers: { cookie },
        payload: { username, displayName: "x", role: "nurse", password: "long enough pw" },
      });
    const own = await create(mine.usernames.nurse!);
    const foreign = await create(theirs.usernames.nurse!);
    expect(own.statusCode).toBe(409);
    expect(foreign.body).toBe(own.body);
    expect(foreign.json().error.fields).toEqual([
      { path: "username", message: "already taken", code: "taken" },
    ]);
    expect(foreign.body).not.toContain(theirs.facility.id);
  });

  it(`refuses an administrator's creations after ${USERNAME_CONFLICT_LIMIT.perAdmin} taken names in ${USERNAME_CONFLICT_LIMIT.windowMinutes} minutes, each audited`, async () => {
    const mine = await makeFacility(ctx.db, { roles: ["admin", "nurse"] });
    const colleague = await makeFacility(ctx.db, { roles: ["admin"] });
    const cookie = await signIn(ctx.app, mine.usernames.admin!);
    const tag = mine.facility.id.slice(0, 8);
    const create = (c: string, username: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/users",
        headers: { cookie: c },
        payload: { username, displayName: "x", role: "nurse", password: "long enough pw" },
      });
    for (let i = 0; i < USERNAME_CONFLICT_LIMIT.perAdmin - 1; i++)
      expect((await create(cookie, mine.usernames.nurse!)).statusCode).toBe(409);
    // One short of the limit: a free name is still created.
    expect((await create(cookie, `free-a-${tag}`)).statusCode).toBe(201);
    expect((await create(cookie, mine.usernames.nurse!)).statusCode).toBe(409);
    const limited = await create(cookie, `free-b-${tag}`);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe(String(USERNAME_CONFLICT_LIMIT.windowMinutes * 60));
    // Another administrator is not affected.
    const other = await signIn(ctx.app, colleague.usernames.admin!);
    expect((await create(other, `free-c-${tag}`)).statusCode).toBe(201);

    const [admin] = await ctx.db.select().from(users).where(eq(users.username, mine.usernames.admin!));
    const refused = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "create_refused"), eq(auditLog.actorUserId, admin!.id)));
    expect(refused).toHaveLength(USERNAME_CONFLICT_LIMIT.perAdmin);
    // The attempted name is kept only as a digest.
    expect(JSON.stringify(refused)).not.toContain(mine.usernames.nurse!);

    // After the window the administrator may create again.
    now = new Date(now.getTime() + USERNAME_CONFLICT_LIMIT.windowMinutes * 60_000 + 1000);
    expect((await create(cookie, `free-d-${tag}`)).statusCode).toBe(201);
  });
});

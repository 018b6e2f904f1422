import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog } from "../../db/schema/index.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

let db: Database;
let close: () => Promise<void>;
let app: FastifyInstance;

beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
  app = await buildApp({ db });
});
afterAll(async () => {
  await app.close();
  await close();
});

describe("accounts", () => {
  it("lets the facility's administrator create a care worker who can then sign in", async () => {
    const f = await makeFacility(db, { roles: ["admin"] });
    const cookie = await signIn(app, f.usernames.admin!);
    const username = `care-${f.facility.id.slice(0, 8)}`;
    const created = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username, displayName: "介護 太郎", role: "care_worker", password: "long enough pw" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).not.toHaveProperty("passwordHash");
    await signIn(app, username, "long enough pw");
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, created.json().user.id));
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses a taken username, a short password and an overseer role, naming the field", async () => {
    const f = await makeFacility(db, { roles: ["admin", "nurse"] });
    const cookie = await signIn(app, f.usernames.admin!);
    const taken = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: { username: f.usernames.nurse, displayName: "x", role: "nurse", password: "long enough pw" },
    });
    expect(taken.statusCode).toBe(409);
    const bad = await app.inject({
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
    const f = await makeFacility(db, { roles: ["admin", "care_worker"] });
    const admin = await signIn(app, f.usernames.admin!);
    const worker = await signIn(app, f.usernames.care_worker!);
    const list = await app.inject({ method: "GET", url: "/api/users", headers: { cookie: admin } });
    const id = list.json().users.find((u: { username: string }) => u.username === f.usernames.care_worker).id;
    const reset = await app.inject({
      method: "PATCH",
      url: `/api/users/${id}`,
      headers: { cookie: admin },
      payload: { password: "a new long password" },
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: worker } })).statusCode,
    ).toBe(401);
  });

  it("is closed to everyone but the administrator, and to other facilities' users", async () => {
    const f = await makeFacility(db, { roles: ["director"] });
    const other = await makeFacility(db, { roles: ["admin"] });
    const director = await signIn(app, f.usernames.director!);
    expect(
      (await app.inject({ method: "GET", url: "/api/users", headers: { cookie: director } })).statusCode,
    ).toBe(403);
    const otherAdmin = await signIn(app, other.usernames.admin!);
    const list = await app.inject({ method: "GET", url: "/api/users", headers: { cookie: otherAdmin } });
    expect(list.json().users.map((u: { username: string }) => u.username)).toEqual([other.usernames.admin]);
  });
});

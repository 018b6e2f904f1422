import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "../db/schema/index.ts";
import { useTestApp } from "../test/test-app.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "../test/test-facility.ts";
import { SessionCache } from "./session-cache.ts";

const ctx = useTestApp();
const me = (cookie: string) => ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });

describe("session cache", () => {
  it("answers a session from memory within its TTL, and asks the database again after it", async () => {
    let clockMs = 0;
    const cache = new SessionCache(10_000, () => clockMs);
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const [user] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.care_worker!));
    const sessionUser = {
      id: user!.id,
      username: user!.username,
      displayName: user!.displayName,
      role: user!.role,
      organisation: {
        id: f.facility.id,
        name: f.facility.name,
        kind: "facility",
        facilityType: "elderly_care",
      },
      secondFactor: { enabled: false, required: false },
      stage: "complete" as const,
    };
    const now = new Date("2026-12-02T09:00:00Z");
    cache.set(cache.ticket(), "digest", sessionUser, new Date("2026-12-02T21:00:00Z"));
    clockMs = 10_000;
    expect(cache.get("digest", now)).toEqual(sessionUser);
    clockMs = 10_001;
    expect(cache.get("digest", now)).toBeNull();
    // The session's own expiry ends the entry even within the TTL.
    cache.set(cache.ticket(), "digest", sessionUser, new Date("2026-12-02T21:00:00Z"));
    expect(cache.get("digest", new Date("2026-12-02T21:00:00Z"))).toBeNull();
    // A lookup that began before a clear does not store what it read.
    const ticket = cache.ticket();
    cache.clear();
    cache.set(ticket, "digest", sessionUser, new Date("2026-12-02T21:00:00Z"));
    expect(cache.get("digest", now)).toBeNull();
  });

  it("keeps a cached session valid until something changes it, without a round trip", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    expect((await me(cookie)).statusCode).toBe(200);
    // Removed behind the app's back (another process): the cache still answers within its TTL — this is what it saves.
    const [account] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.care_worker!));
    await ctx.db.delete(sessions).where(eq(sessions.userId, account!.id));
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it("ends a session at once on sign-out", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const cookie = await signIn(ctx.app, f.usernames.care_worker!);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await ctx.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("ends the other sessions at once when the user changes the password", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"] });
    const tablet = await signIn(ctx.app, f.usernames.care_worker!);
    const phone = await signIn(ctx.app, f.usernames.care_worker!);
    expect((await me(tablet)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(200);
    const changed = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: { cookie: phone },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a new long password 2026" },
    });
    expect(changed.statusCode).toBeLessThan(300);
    expect((await me(tablet)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
  });

  it("ends the user's sessions at once when an administrator changes the role, and shows the new role after", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker", "admin"] });
    const worker = await signIn(ctx.app, f.usernames.care_worker!);
    const admin = await signIn(ctx.app, f.usernames.admin!);
    expect((await me(worker)).json().user.role).toBe("care_worker");
    const [account] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.care_worker!));
    const patched = await ctx.app.inject({
      method: "PATCH",
      url: `/api/users/${account!.id}`,
      headers: { cookie: admin },
      payload: { role: "nurse" },
    });
    expect(patched.statusCode).toBe(200);
    expect((await me(worker)).statusCode).toBe(401);
    const again = await signIn(ctx.app, f.usernames.care_worker!);
    expect((await me(again)).json().user.role).toBe("nurse");
    expect((await me(admin)).statusCode).toBe(200);
  });
});

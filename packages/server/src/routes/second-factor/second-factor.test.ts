import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { RECOVERY_CODE_COUNT, SECOND_STEP_MINUTES } from "../../auth/second-factor.ts";
import { newSecretKey, secretBox } from "../../auth/secret-box.ts";
import { SIGN_IN_LIMITS } from "../../auth/sign-in-limits.ts";
import { auditLog, recoveryCodes, users } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "../../test/test-facility.ts";

// The Ministry's security guideline for medical information systems (医療情報システムの安全管理に関するガイドライン
// 第6.0版) expects multi-factor authentication; Mamori requires it of administrators, directors and officers.
let now = new Date("2026-12-02T09:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

const post = (url: string, cookie: string, payload: unknown = {}, remoteAddress = "127.0.0.1") =>
  ctx.app.inject({ method: "POST", url, headers: { cookie }, payload: payload as object, remoteAddress });
const get = (url: string, cookie: string) => ctx.app.inject({ method: "GET", url, headers: { cookie } });
const login = async (username: string, password = TEST_PASSWORD, remoteAddress = "127.0.0.1") => {
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress,
  });
  const token = response.cookies.find((c) => c.name === "mamori_session")?.value;
  return { response, cookie: `mamori_session=${token}` };
};
/** The code an authenticator app shows `offsetS` seconds from the server's now. */
const codeAt = (secret: string, offsetS = 0) =>
  generate({ secret, epoch: Math.floor(now.getTime() / 1000) + offsetS });

/** Signs in a user of a role that requires a second factor and enrols them; returns the secret and recovery codes. */
async function enrolled(role: "director" | "admin" | "care_worker" = "director") {
  const f = await makeFacility(ctx.db, {
    roles: [...new Set([role, "admin" as const])],
    requireSecondFactor: true,
  });
  const username = f.usernames[role]!;
  const { cookie } = await login(username);
  const started = await post("/api/auth/second-factor/enrolment", cookie);
  const { secret } = started.json();
  const confirmed = await post("/api/auth/second-factor/enrolment/confirm", cookie, {
    code: await codeAt(secret),
  });
  expect(confirmed.statusCode).toBe(200);
  return { f, username, secret, cookie, recovery: confirmed.json().recoveryCodes as string[] };
}

const auditOf = (userId: string) =>
  ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, userId)));

describe("enrolment of a role that requires a second factor", () => {
  it("leads a director without one to enrol right after the password, before anything else works", async () => {
    const f = await makeFacility(ctx.db, { roles: ["director"], requireSecondFactor: true });
    const { response, cookie } = await login(f.usernames.director!);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      stage: "enrolment",
      secondFactor: { enabled: false, required: true },
    });
    const blocked = await get("/api/facility", cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.id).toBe("second_factor_enrolment_required");
    expect((await get("/api/auth/me", cookie)).json().user.stage).toBe("enrolment");

    const started = await post("/api/auth/second-factor/enrolment", cookie);
    expect(started.statusCode).toBe(200);
    const { secret, uri, qrSvg } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits in Base32
    expect(uri).toBe(`otpauth://totp/Mamori:${f.usernames.director}?secret=${secret}&issuer=Mamori`);
    expect(qrSvg).toMatch(/^<svg [^>]*>/);
    expect(qrSvg).not.toContain("<script");
    const [pending] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.director!));
    expect(pending!.totpPendingSecret).toMatch(/^v1:/);
    expect(pending!.totpPendingSecret).not.toContain(secret);

    const wrong = await post("/api/auth/second-factor/enrolment/confirm", cookie, { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      { path: "code", message: "wrong or already used code", code: "wrong_code" },
    ]);
    const malformed = await post("/api/auth/second-factor/enrolment/confirm", cookie, { code: "12345" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0].path).toBe("code");
    // Nothing enabled by a wrong code.
    expect((await get("/api/facility", cookie)).statusCode).toBe(403);

    const confirmed = await post("/api/auth/second-factor/enrolment/confirm", cookie, {
      code: await codeAt(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(confirmed.json().user).toMatchObject({ stage: "complete", secondFactor: { enabled: true } });
    expect((await get("/api/facility", cookie)).statusCode).toBe(200);

    // Recovery codes are stored only as digests.
    const [account] = await ctx.db.select().from(users).where(eq(users.username, f.usernames.director!));
    const stored = await ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, account!.id));
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const row of stored) expect(codes).not.toContain(row.codeDigest);
    expect(account!.totpPendingSecret).toBeNull();
    // The secret is sealed at rest (auth/secret-box.ts).
    expect(account!.totpSecret).toMatch(/^v1:/);
    expect(account!.totpSecret).not.toContain(started.json().secret);

    const audit = await auditOf(account!.id);
    expect(audit.map((a) => a.after)).toEqual(
      expect.arrayContaining([
        { secondFactor: "enrolment_started" },
        { address: "127.0.0.1", step: "second_factor_enrolment" },
        { secondFactor: "enabled", recoveryCodes: RECOVERY_CODE_COUNT, otherSessionsEnded: true },
      ]),
    );
    // The secret never reaches the audit log.
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("does not require it of a care worker, who may still set it up", async () => {
    const f = await makeFacility(ctx.db, { roles: ["care_worker"], requireSecondFactor: true });
    const { response, cookie } = await login(f.usernames.care_worker!);
    expect(response.json().user).toMatchObject({
      stage: "complete",
      secondFactor: { enabled: false, required: false },
    });
    expect((await get("/api/facility", cookie)).statusCode).toBe(200);
    const started = await post("/api/auth/second-factor/enrolment", cookie);
    expect(started.statusCode).toBe(200);
  });

  it("does not require it where the organisation has it off (the demo organisations)", async () => {
    const f = await makeFacility(ctx.db, { roles: ["admin", "director"] });
    for (const role of ["admin", "director"] as const) {
      const { response, cookie } = await login(f.usernames[role]!);
      expect(response.json().user).toMatchObject({
        stage: "complete",
        secondFactor: { enabled: false, required: false },
      });
      expect((await get("/api/facility", cookie)).statusCode).toBe(200);
    }
  });

  it("requires the password to replace a working second factor", async () => {
    const { cookie } = await enrolled("director");
    const without = await post("/api/auth/second-factor/enrolment", cookie, {});
    expect(without.statusCode).toBe(400);
    expect(without.json().error.fields[0].path).toBe("currentPassword");
    const wrong = await post("/api/auth/second-factor/enrolment", cookie, { currentPassword: "wrong one" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].code).toBe("wrong_password");
    const right = await post("/api/auth/second-factor/enrolment", cookie, { currentPassword: TEST_PASSWORD });
    expect(right.statusCode).toBe(200);
  });
});

describe("the second step of sign-in", () => {
  it("opens nothing but the second step until the code, then replaces the session token", async () => {
    const { f, username, secret } = await enrolled("director");
    now = new Date(now.getTime() + 5 * 60_000);
    const { response, cookie } = await login(username);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.stage).toBe("second_factor");
    const sessionCookie = response.cookies.find((c) => c.name === "mamori_session")!;
    expect(sessionCookie.maxAge).toBe(SECOND_STEP_MINUTES * 60);
    const blocked = await get("/api/facility", cookie);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.id).toBe("second_factor_required");
    // Enrolling anew is not a way around the code.
    expect((await post("/api/auth/second-factor/enrolment", cookie)).statusCode).toBe(401);

    const verified = await post("/api/auth/second-factor/verify", cookie, { code: await codeAt(secret) });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().user.stage).toBe("complete");
    const full = `mamori_session=${verified.cookies.find((c) => c.name === "mamori_session")!.value}`;
    expect(full).not.toBe(cookie);
    expect((await get("/api/facility", full)).statusCode).toBe(200);
    expect((await get("/api/facility", cookie)).statusCode).toBe(401);

    const [account] = await ctx.db.select().from(users).where(eq(users.username, username));
    const audit = await auditOf(account!.id);
    expect(audit.map((a) => a.after)).toEqual(
      expect.arrayContaining([
        { step: "password", next: "second_factor" },
        { step: "second_factor", method: "totp", recoveryCodesLeft: RECOVERY_CODE_COUNT },
      ]),
    );
    expect(f.facility.id).toBeTruthy();
  });

  it("answers 503 naming the key, not 500, when the server's key is not the one the secret was sealed with", async () => {
    const { username, secret } = await enrolled("director");
    const otherKey = await buildApp({ db: ctx.db, clock: () => now, secrets: secretBox(newSecretKey()) });
    try {
      const signIn = await otherKey.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password: TEST_PASSWORD },
      });
      const cookie = `mamori_session=${signIn.cookies.find((c) => c.name === "mamori_session")!.value}`;
      const code = await codeAt(secret, 30);
      const refused = await otherKey.inject({
        method: "POST",
        url: "/api/auth/second-factor/verify",
        headers: { cookie },
        payload: { code },
      });
      expect(refused.statusCode).toBe(503);
      expect(refused.json().error.id).toBe("secret_key_mismatch");
      expect(refused.json().error.message).toContain("MAMORI_SECRET_KEY");
    } finally {
      await otherKey.close();
    }
  });

  it("accepts each code once: the code used at enrolment, or at a sign-in, is refused the next time", async () => {
    const { username, secret } = await enrolled("admin");
    const first = await login(username);
    // The code of enrolment (same 30-second step) cannot sign in.
    const replay = await post("/api/auth/second-factor/verify", first.cookie, { code: await codeAt(secret) });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.fields[0]).toMatchObject({ path: "code", code: "wrong_code" });
    // The app's next code (30 s on) signs in ...
    const next = await codeAt(secret, 30);
    expect((await post("/api/auth/second-factor/verify", first.cookie, { code: next })).statusCode).toBe(200);
    // ... once.
    const second = await login(username);
    expect((await post("/api/auth/second-factor/verify", second.cookie, { code: next })).statusCode).toBe(
      400,
    );
  });

  it("accepts the codes of the step before and after the server's, not two steps away (±30 s)", async () => {
    const { username, secret } = await enrolled("director");
    now = new Date(now.getTime() + 10 * 60_000);
    const { cookie } = await login(username);
    const tooOld = await post("/api/auth/second-factor/verify", cookie, { code: await codeAt(secret, -60) });
    expect(tooOld.statusCode).toBe(400);
    const tooNew = await post("/api/auth/second-factor/verify", cookie, { code: await codeAt(secret, 60) });
    expect(tooNew.statusCode).toBe(400);
    const behind = await post("/api/auth/second-factor/verify", cookie, { code: await codeAt(secret, -30) });
    expect(behind.statusCode).toBe(200);
    // After a later step was accepted, the step before it is refused even within the window.
    now = new Date(now.getTime() + 10 * 60_000);
    const again = await login(username);
    const ahead = await post("/api/auth/second-factor/verify", again.cookie, {
      code: await codeAt(secret, 30),
    });
    expect(ahead.statusCode).toBe(200);
    const third = await login(username);
    const earlier = await post("/api/auth/second-factor/verify", third.cookie, {
      code: await codeAt(secret),
    });
    expect(earlier.statusCode).toBe(400);
  });

  it(`lets the password step wait ${SECOND_STEP_MINUTES} minutes, not more`, async () => {
    const { username, secret } = await enrolled("director");
    now = new Date(now.getTime() + 60 * 60_000);
    const { cookie } = await login(username);
    now = new Date(now.getTime() + SECOND_STEP_MINUTES * 60_000 - 1000);
    expect((await get("/api/auth/me", cookie)).statusCode).toBe(200);
    now = new Date(now.getTime() + 1000);
    const late = await post("/api/auth/second-factor/verify", cookie, { code: await codeAt(secret) });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.id).toBe("unauthenticated");
  });

  it("signs in once with each recovery code, typed in any case, with or without the hyphen", async () => {
    const { username, recovery } = await enrolled("director");
    const { cookie } = await login(username);
    const typed = recovery[3]!.replace("-", "").toLowerCase();
    const used = await post("/api/auth/second-factor/verify", cookie, { code: typed });
    expect(used.statusCode).toBe(200);
    const [account] = await ctx.db.select().from(users).where(eq(users.username, username));
    expect((await auditOf(account!.id)).map((a) => a.after)).toContainEqual({
      step: "second_factor",
      method: "recovery_code",
      recoveryCodesLeft: RECOVERY_CODE_COUNT - 1,
    });
    const again = await login(username);
    expect(
      (await post("/api/auth/second-factor/verify", again.cookie, { code: recovery[3] })).statusCode,
    ).toBe(400);
    expect(
      (await post("/api/auth/second-factor/verify", again.cookie, { code: recovery[4] })).statusCode,
    ).toBe(200);
  });

  it(`limits wrong codes like wrong passwords: ${SIGN_IN_LIMITS.perAccount} in ${SIGN_IN_LIMITS.windowMinutes} minutes close the account`, async () => {
    const { username, secret } = await enrolled("director");
    now = new Date(now.getTime() + 2 * 3600_000);
    const { cookie } = await login(username);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) {
      const wrong = await post(
        "/api/auth/second-factor/verify",
        cookie,
        { code: "ABCDE-FGHJK" },
        `10.1.0.${i}`,
      );
      expect(wrong.statusCode).toBe(400);
    }
    // One short of the limit, the right code still works.
    const fine = await login(username);
    expect(
      (await post("/api/auth/second-factor/verify", fine.cookie, { code: await codeAt(secret) })).statusCode,
    ).toBe(200);
    const last = await login(username);
    expect((await post("/api/auth/second-factor/verify", last.cookie, { code: "111111" })).statusCode).toBe(
      400,
    );
    const limited = await post("/api/auth/second-factor/verify", last.cookie, {
      code: await codeAt(secret, 30),
    });
    expect(limited.statusCode).toBe(429);
    const [account] = await ctx.db.select().from(users).where(eq(users.username, username));
    const failures = (await auditOf(account!.id)).filter((a) => a.action === "sign_in_failed");
    expect(failures).toHaveLength(SIGN_IN_LIMITS.perAccount);
  });

  it("answers 409 to a code when no sign-in waits for one", async () => {
    const f = await makeFacility(ctx.db, { roles: ["nurse"] });
    const cookie = await signIn(ctx.app, f.usernames.nurse!);
    const response = await post("/api/auth/second-factor/verify", cookie, { code: "123456" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields[0].path).toBe("code");
  });
});

describe("new recovery codes and switching the second factor off", () => {
  it("replaces the recovery codes with a current code of the app; the old ones stop working", async () => {
    const { username, secret, cookie, recovery } = await enrolled("director");
    const refused = await post("/api/auth/second-factor/recovery-codes", cookie, { code: "000000" });
    expect(refused.statusCode).toBe(400);
    const replaced = await post("/api/auth/second-factor/recovery-codes", cookie, {
      code: await codeAt(secret, 30),
    });
    expect(replaced.statusCode).toBe(200);
    const fresh: string[] = replaced.json().recoveryCodes;
    expect(fresh).toHaveLength(RECOVERY_CODE_COUNT);
    const { cookie: step } = await login(username);
    expect((await post("/api/auth/second-factor/verify", step, { code: recovery[0] })).statusCode).toBe(400);
    expect((await post("/api/auth/second-factor/verify", step, { code: fresh[0] })).statusCode).toBe(200);
  });

  it("lets a care worker switch it off with the password, and refuses it to a director", async () => {
    const worker = await enrolled("care_worker");
    const wrong = await post("/api/auth/second-factor/disable", worker.cookie, { currentPassword: "not it" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe("currentPassword");
    const off = await post("/api/auth/second-factor/disable", worker.cookie, {
      currentPassword: TEST_PASSWORD,
    });
    expect(off.statusCode).toBe(204);
    const again = await login(worker.username);
    expect(again.response.json().user).toMatchObject({ stage: "complete", secondFactor: { enabled: false } });
    const stored = await ctx.db
      .select()
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, again.response.json().user.id));
    expect(stored).toEqual([]);

    const director = await enrolled("director");
    const refused = await post("/api/auth/second-factor/disable", director.cookie, {
      currentPassword: TEST_PASSWORD,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields[0].code).toBe("second_factor_required");
  });
});

describe("an administrator resetting a user's second factor", () => {
  it("removes it, ends the user's sessions, is audited, and the user enrols again at the next sign-in", async () => {
    const { f, username, cookie: directorCookie } = await enrolled("director");
    const adminCookie = await (async () => {
      const { cookie } = await login(f.usernames.admin!);
      const { secret } = (await post("/api/auth/second-factor/enrolment", cookie)).json();
      await post("/api/auth/second-factor/enrolment/confirm", cookie, { code: await codeAt(secret) });
      return cookie;
    })();
    const [director] = await ctx.db.select().from(users).where(eq(users.username, username));
    const listed = (await get("/api/users", adminCookie)).json().users;
    expect(listed.find((u: { id: string }) => u.id === director!.id).secondFactorEnabled).toBe(true);

    const reset = await post(`/api/users/${director!.id}/second-factor/reset`, adminCookie);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user).toMatchObject({ id: director!.id, secondFactorEnabled: false });
    expect((await get("/api/auth/me", directorCookie)).statusCode).toBe(401);
    const next = await login(username);
    expect(next.response.json().user.stage).toBe("enrolment");
    const entry = (await auditOf(director!.id)).find(
      (a) => (a.after as { secondFactor?: string })?.secondFactor === "reset",
    );
    expect(entry).toMatchObject({
      before: { secondFactorEnabled: true },
      after: { secondFactor: "reset", sessionsEnded: true },
    });
  });

  it("is for the facility's administrator only, and only for its own accounts", async () => {
    const mine = await makeFacility(ctx.db, { roles: ["admin", "nurse"] });
    const other = await makeFacility(ctx.db, { roles: ["nurse"] });
    const [otherNurse] = await ctx.db.select().from(users).where(eq(users.username, other.usernames.nurse!));
    const [myNurse] = await ctx.db.select().from(users).where(eq(users.username, mine.usernames.nurse!));
    const admin = await signIn(ctx.app, mine.usernames.admin!);
    const nurse = await signIn(ctx.app, mine.usernames.nurse!);
    expect((await post(`/api/users/${otherNurse!.id}/second-factor/reset`, admin)).statusCode).toBe(404);
    expect((await post(`/api/users/${myNurse!.id}/second-factor/reset`, nurse)).statusCode).toBe(403);
    expect((await post("/api/users/not-a-uuid/second-factor/reset", admin)).statusCode).toBe(400);
  });
});

import { signedInResponse } from "@mamori/contract/auth";
import { permissionsOf } from "@mamori/contract/permissions";
import {
  codeBody,
  disableBody,
  enrolmentBody,
  enrolmentConfirmedResponse,
  enrolmentResponse,
  recoveryCodesResponse,
  totpCodeBody,
} from "@mamori/contract/second-factor";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { currentUser } from "../../auth/guard.ts";
import { verifyPassword } from "../../auth/password.ts";
import {
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  recoveryCodeDigest,
  totpQrSvg,
  totpUri,
  verifyTotp,
} from "../../auth/second-factor.ts";
import {
  closeOtherSessions,
  closeSession,
  findSessionUser,
  openSession,
  SESSION_COOKIE,
  type SessionUser,
} from "../../auth/sessions.ts";
import { recordSignInFailure, signInBlocked } from "../../auth/sign-in-limits.ts";
import type { Executor } from "../../db/database.ts";
import { recoveryCodes, users } from "../../db/schema/index.ts";
import { AppError, conflict, validationFailed } from "../../errors.ts";
import { reportAbilities } from "../../policies/reports.ts";
import { setSessionCookie } from "../auth/routes.ts";

/** The user as the sign-in calls answer it, with what they may do (as `/api/auth/me`). */
const withAbilities = <U extends Parameters<typeof reportAbilities>[0]>(user: U) => ({
  ...user,
  abilities: reportAbilities(user),
  permissions: permissionsOf(user),
});

/** Calls per address and minute of the code endpoints: a flood guard; the stored failure limits stop guessing. */
const CODE_CALLS_PER_MINUTE = 60;

type Account = typeof users.$inferSelect;

/**
 * Two-step sign-in with an authenticator app (TOTP): the second step after the password, enrolment (QR code and text
 * secret, confirmed by a first code, recovery codes), new recovery codes, and switching it off. Wrong codes count
 * against the same limits as wrong passwords (auth/sign-in-limits.ts) and are audited.
 */
export const secondFactorRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    const rateLimit = { max: CODE_CALLS_PER_MINUTE, timeWindow: "1 minute" };

    async function refuseWhenBlocked(request: FastifyRequest, user: SessionUser, now: Date): Promise<void> {
      const blocked = await signInBlocked(ctx.db, user.username, request.ip, now);
      if (blocked) {
        throw new AppError(429, "too_many_requests", "Too many wrong codes or passwords. Try again later.");
      }
    }

    /** Counts and audits a wrong code or password, then answers 400 naming the field. */
    async function refuseWrong(
      request: FastifyRequest,
      user: SessionUser,
      now: Date,
      field: "code" | "currentPassword",
      step: string,
    ): Promise<never> {
      await ctx.db.transaction(async (tx) => {
        await recordSignInFailure(tx, user.username, request.ip, now);
        await appendAudit(tx, [
          {
            actorUserId: user.id,
            organisationId: user.organisation.id,
            action: "sign_in_failed",
            entity: "user",
            entityId: user.id,
            after: { address: request.ip, step },
          },
        ]);
      });
      throw validationFailed([
        field === "code"
          ? { path: "code", message: "wrong or already used code", code: "wrong_code" }
          : { path: "currentPassword", message: "not your current password", code: "wrong_password" },
      ]);
    }

    async function accountOf(user: SessionUser): Promise<Account> {
      const [account] = await ctx.db.select().from(users).where(eq(users.id, user.id));
      return account!;
    }

    /** Accepts a TOTP code once: the step is stored only if it is newer than the last one accepted. */
    async function acceptTotp(db: Executor, account: Account, code: string, now: Date): Promise<boolean> {
      if (!account.totpSecret) return false;
      const step = await verifyTotp(ctx.secrets.open(account.totpSecret), code, now, account.totpLastStep);
      if (step === null) return false;
      const [updated] = await db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, account.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      return updated !== undefined;
    }

    async function replaceRecoveryCodes(db: Executor, userId: string, now: Date): Promise<string[]> {
      const codes = newRecoveryCodes();
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await db
        .insert(recoveryCodes)
        .values(codes.map((code) => ({ userId, codeDigest: recoveryCodeDigest(code), createdAt: now })));
      return codes;
    }

    // The second step of sign-in: the app's code or one recovery code. A new session token replaces the one of the
    // password step, so a token seen before the second factor is worth nothing after it.
    app.post(
      "/verify",
      {
        schema: { body: codeBody, response: { 200: signedInResponse } },
        config: { rateLimit },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const now = ctx.clock();
        if (user.stage !== "second_factor") {
          throw conflict("No sign-in is waiting for a code.", [
            { path: "code", message: "not expected now", code: "not_expected" },
          ]);
        }
        await refuseWhenBlocked(request, user, now);
        const account = await accountOf(user);
        const typed = request.body.code.replace(/\s/g, "");
        const token = request.cookies[SESSION_COOKIE]!;
        const signedIn = await ctx.db.transaction(async (tx) => {
          let method: "totp" | "recovery_code";
          if (/^\d{6}$/.test(typed)) {
            if (!(await acceptTotp(tx, account, typed, now))) return null;
            method = "totp";
          } else {
            const canonical = normaliseRecoveryCode(typed);
            if (!canonical) return null;
            const [used] = await tx
              .update(recoveryCodes)
              .set({ usedAt: now })
              .where(
                and(
                  eq(recoveryCodes.userId, user.id),
                  eq(recoveryCodes.codeDigest, recoveryCodeDigest(canonical)),
                  isNull(recoveryCodes.usedAt),
                ),
              )
              .returning({ id: recoveryCodes.id });
            if (!used) return null;
            method = "recovery_code";
          }
          const left = await tx
            .select({ id: recoveryCodes.id })
            .from(recoveryCodes)
            .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
          await closeSession(tx, token);
          const fullToken = await openSession(tx, user.id, now, "full");
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: user.organisation.id,
              action: "sign_in",
              entity: "user",
              entityId: user.id,
              after: { step: "second_factor", method, recoveryCodesLeft: left.length },
            },
          ]);
          return fullToken;
        });
        if (!signedIn) return refuseWrong(request, user, now, "code", "second_factor");
        setSessionCookie(reply, signedIn, ctx.secureCookies, "full");
        return { user: withAbilities((await findSessionUser(ctx.db, signedIn, now))!) };
      },
    );

    // Enrolment, first half: a new secret, shown as a QR code and as text, kept aside until a first code confirms it.
    app.post(
      "/enrolment",
      {
        schema: { body: enrolmentBody, response: { 200: enrolmentResponse } },
        config: { rateLimit },
      },
      async (request) => {
        const user = currentUser(request);
        const now = ctx.clock();
        const account = await accountOf(user);
        if (account.totpEnabledAt) {
          // Replacing a working second factor needs the password, so an unattended open session cannot do it.
          await refuseWhenBlocked(request, user, now);
          const password = request.body?.currentPassword;
          if (!password) {
            throw validationFailed([
              { path: "currentPassword", message: "required to replace the second factor", code: "required" },
            ]);
          }
          if (!(await verifyPassword(account.passwordHash, password))) {
            return refuseWrong(request, user, now, "currentPassword", "second_factor_enrolment");
          }
        }
        const secret = newTotpSecret();
        await ctx.db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({ totpPendingSecret: ctx.secrets.seal(secret) })
            .where(eq(users.id, user.id));
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: user.organisation.id,
              action: "update",
              entity: "user",
              entityId: user.id,
              after: { secondFactor: "enrolment_started" },
            },
          ]);
        });
        const uri = totpUri(secret, user.username);
        return { secret, uri, qrSvg: await totpQrSvg(uri) };
      },
    );

    // Enrolment, second half: the first code proves the app holds the secret. Ten recovery codes are shown once.
    app.post(
      "/enrolment/confirm",
      {
        schema: {
          body: totpCodeBody,
          response: { 200: enrolmentConfirmedResponse },
        },
        config: { rateLimit },
      },
      async (request) => {
        const user = currentUser(request);
        const now = ctx.clock();
        await refuseWhenBlocked(request, user, now);
        const account = await accountOf(user);
        if (!account.totpPendingSecret) {
          throw conflict("Start the set-up first.", [
            { path: "code", message: "no set-up under way", code: "no_enrolment" },
          ]);
        }
        const pending = ctx.secrets.open(account.totpPendingSecret);
        const step = await verifyTotp(pending, request.body.code, now, null);
        if (step === null) return refuseWrong(request, user, now, "code", "second_factor_enrolment");
        const token = request.cookies[SESSION_COOKIE]!;
        const codes = await ctx.db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({
              // Sealed as it was set aside, or sealed now if it was set aside before sealing.
              totpSecret: ctx.secrets.seal(pending),
              totpPendingSecret: null,
              totpEnabledAt: now,
              totpLastStep: step,
            })
            .where(eq(users.id, user.id));
          const fresh = await replaceRecoveryCodes(tx, user.id, now);
          // Sessions opened without this factor (or with the one it replaces) end; this one goes on.
          await closeOtherSessions(tx, user.id, token);
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: user.organisation.id,
              action: "update",
              entity: "user",
              entityId: user.id,
              before: { secondFactorEnabled: account.totpEnabledAt !== null },
              after: {
                secondFactor: "enabled",
                recoveryCodes: fresh.length,
                otherSessionsEnded: true,
              },
            },
          ]);
          return fresh;
        });
        return { recoveryCodes: codes, user: withAbilities((await findSessionUser(ctx.db, token, now))!) };
      },
    );

    // New recovery codes (the old ones stop working), confirmed by a current code of the app.
    app.post(
      "/recovery-codes",
      { schema: { body: totpCodeBody, response: { 200: recoveryCodesResponse } }, config: { rateLimit } },
      async (request) => {
        const user = currentUser(request);
        const now = ctx.clock();
        await refuseWhenBlocked(request, user, now);
        const account = await accountOf(user);
        if (!account.totpEnabledAt) {
          throw conflict("Two-step sign-in is not set up.", [
            { path: "code", message: "no second factor", code: "no_second_factor" },
          ]);
        }
        const codes = await ctx.db.transaction(async (tx) => {
          if (!(await acceptTotp(tx, account, request.body.code, now))) return null;
          const fresh = await replaceRecoveryCodes(tx, user.id, now);
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: user.organisation.id,
              action: "update",
              entity: "user",
              entityId: user.id,
              after: { secondFactor: "recovery_codes_replaced", recoveryCodes: fresh.length },
            },
          ]);
          return fresh;
        });
        if (!codes) return refuseWrong(request, user, now, "code", "recovery_codes");
        return { recoveryCodes: codes };
      },
    );

    // Switching it off, with the password; not for a role and organisation that require it.
    app.post("/disable", { schema: { body: disableBody }, config: { rateLimit } }, async (request, reply) => {
      const user = currentUser(request);
      const now = ctx.clock();
      if (user.secondFactor.required) {
        throw conflict("Your role needs two-step sign-in; set it up again instead of switching it off.", [
          { path: "secondFactor", message: "required for your role", code: "second_factor_required" },
        ]);
      }
      await refuseWhenBlocked(request, user, now);
      const account = await accountOf(user);
      if (!(await verifyPassword(account.passwordHash, request.body.currentPassword))) {
        return refuseWrong(request, user, now, "currentPassword", "second_factor_disable");
      }
      await ctx.db.transaction(async (tx) => {
        await clearSecondFactor(tx, user.id);
        await appendAudit(tx, [
          {
            actorUserId: user.id,
            organisationId: user.organisation.id,
            action: "update",
            entity: "user",
            entityId: user.id,
            before: { secondFactorEnabled: account.totpEnabledAt !== null },
            after: { secondFactor: "disabled" },
          },
        ]);
      });
      return reply.status(204).send();
    });
  };

/** Removes a user's second factor: secret, pending enrolment, last step and recovery codes. */
export async function clearSecondFactor(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

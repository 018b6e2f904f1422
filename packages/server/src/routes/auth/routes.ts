import { loginBody, passwordChangeBody, signedInResponse } from "@mamori/contract/auth";
import { permissionsOf } from "@mamori/contract/permissions";
import { eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { NO_ORGANISATION } from "../../audit/no-organisation.ts";
import { currentUser } from "../../auth/guard.ts";
import { decoyHash, hashPassword, verifyPassword } from "../../auth/password.ts";
import { SECOND_STEP_MINUTES } from "../../auth/second-factor.ts";
import {
  closeOtherSessions,
  closeSession,
  findSessionUser,
  openSession,
  SESSION_COOKIE,
  SESSION_HOURS,
} from "../../auth/sessions.ts";
import { accountKey, recordSignInFailure, signInBlocked } from "../../auth/sign-in-limits.ts";
import { users } from "../../db/schema/index.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { reportAbilities } from "../../policies/reports.ts";

/** Sets the session cookie; a session waiting for the second factor gets a cookie of the same short life. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secureCookies: boolean,
  stage: "full" | "second_factor",
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    maxAge: stage === "full" ? SESSION_HOURS * 3600 : SECOND_STEP_MINUTES * 60,
  });
}

/**
 * Calls of the sign-in endpoint per address and minute, failed or not: a flood guard in front of the stored limits on
 * failures (auth/sign-in-limits.ts), which are what stops guessing.
 */
export const LOGIN_CALLS_PER_MINUTE = 300;

export const authRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/login",
      {
        schema: { body: loginBody, response: { 200: signedInResponse } },
        config: {
          rateLimit: { max: LOGIN_CALLS_PER_MINUTE, timeWindow: "1 minute" },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const now = ctx.clock();
        const blocked = await signInBlocked(ctx.db, username, request.ip, now);
        if (blocked) {
          reply.header("retry-after", String(blocked.retryAfterS));
          throw new AppError(429, "too_many_requests", "Too many failed sign-ins. Try again later.");
        }
        const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
        const ok = user
          ? await verifyPassword(user.passwordHash, password)
          : await verifyPassword(await decoyHash(), password);
        if (!user || !ok) {
          await ctx.db.transaction(async (tx) => {
            await recordSignInFailure(tx, username, request.ip, now);
            // Audited under the account when it exists; an unknown name only as its digest, under no organisation.
            await appendAudit(tx, [
              {
                actorUserId: null,
                organisationId: user?.organisationId ?? NO_ORGANISATION,
                action: "sign_in_failed",
                entity: "user",
                entityId: user?.id ?? `unknown:${accountKey(username).slice(0, 16)}`,
                after: { address: request.ip },
              },
            ]);
          });
          throw new AppError(401, "invalid_credentials", "Wrong username or password.");
        }
        // With a second factor the password opens only the second step (a session of minutes); the code opens the rest.
        const secondStep = user.totpEnabledAt !== null;
        const token = await openSession(ctx.db, user.id, now, secondStep ? "second_factor" : "full");
        await appendAudit(ctx.db, [
          {
            actorUserId: user.id,
            organisationId: user.organisationId,
            action: "sign_in",
            entity: "user",
            entityId: user.id,
            ...(secondStep ? { after: { step: "password", next: "second_factor" } } : {}),
          },
        ]);
        setSessionCookie(reply, token, ctx.secureCookies, secondStep ? "second_factor" : "full");
        const sessionUser = await findSessionUser(ctx.db, token, now);
        return { user: sessionUser! };
      },
    );

    app.post("/logout", async (request, reply) => {
      const user = currentUser(request);
      const token = request.cookies[SESSION_COOKIE];
      if (token) await closeSession(ctx.db, token);
      await appendAudit(ctx.db, [
        {
          actorUserId: user.id,
          organisationId: user.organisation.id,
          action: "sign_out",
          entity: "user",
          entityId: user.id,
        },
      ]);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    });

    app.post("/password", { schema: { body: passwordChangeBody } }, async (request, reply) => {
      const user = currentUser(request);
      const now = ctx.clock();
      const token = request.cookies[SESSION_COOKIE]!;
      if (await signInBlocked(ctx.db, user.username, request.ip, now)) {
        throw new AppError(429, "too_many_requests", "Too many failed attempts. Try again later.");
      }
      const [account] = await ctx.db.select().from(users).where(eq(users.id, user.id));
      if (!(await verifyPassword(account!.passwordHash, request.body.currentPassword))) {
        // A wrong current password counts like a failed sign-in: a stolen session cannot guess it.
        await recordSignInFailure(ctx.db, user.username, request.ip, now);
        throw validationFailed([
          { path: "currentPassword", message: "not your current password", code: "wrong_password" },
        ]);
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      await ctx.db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
        await closeOtherSessions(tx, user.id, token);
        await appendAudit(tx, [
          {
            actorUserId: user.id,
            organisationId: user.organisation.id,
            action: "update",
            entity: "user",
            entityId: user.id,
            after: { passwordChanged: true, otherSessionsEnded: true },
          },
        ]);
      });
      return reply.status(204).send();
    });

    app.get("/me", { schema: { response: { 200: signedInResponse } } }, async (request) => {
      const user = currentUser(request);
      return { user: { ...user, abilities: reportAbilities(user), permissions: permissionsOf(user) } };
    });
  };

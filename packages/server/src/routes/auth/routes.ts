import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { currentUser } from "../../auth/guard.ts";
import { decoyHash, verifyPassword } from "../../auth/password.ts";
import {
  closeSession,
  findSessionUser,
  openSession,
  SESSION_COOKIE,
  SESSION_HOURS,
} from "../../auth/sessions.ts";
import { users } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { loginBody, userResponse } from "./schema.ts";

/** Sign-in attempts allowed per username and address in the window before 429. */
export const LOGIN_ATTEMPTS_PER_WINDOW = 10;
const LOGIN_WINDOW = "5 minutes";

export const authRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/login",
      {
        schema: { body: loginBody, response: { 200: z.object({ user: userResponse }) } },
        config: {
          rateLimit: {
            max: LOGIN_ATTEMPTS_PER_WINDOW,
            timeWindow: LOGIN_WINDOW,
            keyGenerator: (request) =>
              `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? "").toLowerCase()}`,
          },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
        const ok = user
          ? await verifyPassword(user.passwordHash, password)
          : await verifyPassword(await decoyHash(), password);
        if (!user || !ok) throw new AppError(401, "invalid_credentials", "Wrong username or password.");
        const now = ctx.clock();
        const token = await openSession(ctx.db, user.id, now);
        await appendAudit(ctx.db, [
          {
            actorUserId: user.id,
            organisationId: user.organisationId,
            action: "sign_in",
            entity: "user",
            entityId: user.id,
          },
        ]);
        reply.setCookie(SESSION_COOKIE, token, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          secure: ctx.secureCookies,
          maxAge: SESSION_HOURS * 3600,
        });
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

    app.get("/me", { schema: { response: { 200: z.object({ user: userResponse }) } } }, async (request) => ({
      user: currentUser(request),
    }));
  };

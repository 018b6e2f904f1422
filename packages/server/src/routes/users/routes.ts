import {
  accountListResponse,
  accountResponse,
  userCreateBody,
  userParams,
  userPatchBody,
} from "@mamori/contract/users";
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createUser } from "../../accounts/create-user.ts";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { hashPassword } from "../../auth/password.ts";
import { accountKey } from "../../auth/sign-in-limits.ts";
import type { Executor } from "../../db/database.ts";
import { auditLog, sessions, users } from "../../db/schema/index.ts";
import { AppError, conflict } from "../../errors.ts";
import { classifyDatabaseError } from "../../http/database-errors.ts";
import { clearSecondFactor } from "../second-factor/routes.ts";

const usernameTaken = () =>
  conflict("That username is taken.", [{ path: "username", message: "already taken", code: "taken" }]);

const present = (u: typeof users.$inferSelect) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  secondFactorEnabled: u.totpEnabledAt !== null,
});
/** What the audit log keeps of an account: never the password hash nor the second factor's secret. */
const auditable = (u: typeof users.$inferSelect) => ({ ...present(u), organisationId: u.organisationId });

/**
 * Refused account creations because the username was taken, per administrator: each is audited, and after
 * `USERNAME_CONFLICT_LIMIT.perAdmin` of them within the window the administrator's creations are refused with 429 until
 * the oldest is out of it. Usernames are unique across Mamori, so "taken" may mean taken in another organisation: this
 * keeps an administrator from walking the list of names (the address limit alone does not, an admin has many addresses).
 */
export const USERNAME_CONFLICT_LIMIT = { perAdmin: 10, windowMinutes: 60 } as const;
const CONFLICT_ENTITY = "username_conflict";

async function usernameConflictsOf(db: Executor, adminId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - USERNAME_CONFLICT_LIMIT.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entity, CONFLICT_ENTITY), eq(auditLog.entityId, adminId), gt(auditLog.at, since)));
  return row?.n ?? 0;
}

/** Audits a refused creation (the name only as a digest) and answers 409 "taken", the same wherever the name is. */
async function refuseTakenUsername(
  db: Executor,
  admin: { id: string },
  facilityId: string,
  username: string,
  now: Date,
): Promise<never> {
  await appendAudit(db, [
    {
      actorUserId: admin.id,
      organisationId: facilityId,
      action: "create_refused",
      entity: CONFLICT_ENTITY,
      entityId: admin.id,
      at: now,
      after: { reason: "username_taken", usernameDigest: accountKey(username).slice(0, 16) },
    },
  ]);
  throw usernameTaken();
}

/** The facility administrator's accounts screen: list, create, rename, change role, reset a password. */
export const userRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/", { schema: { response: { 200: accountListResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "manageUsers");
      const rows = await ctx.db
        .select()
        .from(users)
        .where(eq(users.organisationId, facilityId))
        .orderBy(asc(users.username));
      return { users: rows.map(present) };
    });

    // Usernames are unique across Mamori, so a taken name may belong to another organisation: the answer says only
    // "taken", and the calls are limited so the list of names cannot be walked.
    app.post(
      "/",
      {
        schema: { body: userCreateBody, response: { 201: accountResponse } },
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
      },
      async (request, reply) => {
        const { user: admin, facilityId } = authorizeFacility(request, "manageUsers");
        const now = ctx.clock();
        if ((await usernameConflictsOf(ctx.db, admin.id, now)) >= USERNAME_CONFLICT_LIMIT.perAdmin) {
          reply.header("retry-after", String(USERNAME_CONFLICT_LIMIT.windowMinutes * 60));
          throw new AppError(
            429,
            "too_many_requests",
            "Too many usernames that were taken. Try again later or choose names with your facility's prefix.",
          );
        }
        const [taken] = await ctx.db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.username, request.body.username));
        if (taken) return refuseTakenUsername(ctx.db, admin, facilityId, request.body.username, now);
        const created = await ctx.db
          .transaction(async (tx) => {
            const id = await createUser(tx, { organisationId: facilityId, ...request.body });
            const [row] = await tx.select().from(users).where(eq(users.id, id));
            await appendAudit(tx, [
              {
                actorUserId: admin.id,
                organisationId: facilityId,
                action: "create",
                entity: "user",
                entityId: id,
                after: auditable(row!),
              },
            ]);
            return row!;
          })
          .catch((error: unknown) => {
            // Two creations with one username at the same time: the unique key decides, the loser hears why.
            if (classifyDatabaseError(error) === "conflict")
              return refuseTakenUsername(ctx.db, admin, facilityId, request.body.username, now);
            throw error;
          });
        return reply.status(201).send({ user: present(created) });
      },
    );

    app.patch(
      "/:id",
      {
        schema: {
          params: userParams,
          body: userPatchBody,
          response: { 200: accountResponse },
        },
      },
      async (request) => {
        const { user: admin, facilityId } = authorizeFacility(request, "manageUsers");
        const { password, ...rest } = request.body;
        const updated = await ctx.db.transaction(async (tx) => {
          const [before] = await tx
            .select()
            .from(users)
            .where(and(eq(users.id, request.params.id), eq(users.organisationId, facilityId)));
          const current = assertFound(before, "User");
          if (current.role === "admin" && rest.role && rest.role !== "admin") {
            // The facility must keep an administrator, or nobody could manage its accounts again. The admins' rows are
            // locked so that two admins demoting each other at once cannot both succeed.
            const admins = await tx
              .select({ id: users.id })
              .from(users)
              .where(and(eq(users.organisationId, facilityId), eq(users.role, "admin")))
              .for("update");
            if (admins.length <= 1)
              throw conflict("The facility needs at least one administrator.", [
                {
                  path: "role",
                  message: "the last administrator keeps the role",
                  code: "last_administrator",
                },
              ]);
          }
          const [after] = await tx
            .update(users)
            .set({ ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) })
            .where(eq(users.id, current.id))
            .returning();
          // A new password or role ends the sessions opened under the old one.
          if (password || rest.role) await tx.delete(sessions).where(eq(sessions.userId, current.id));
          await appendAudit(tx, [
            {
              actorUserId: admin.id,
              organisationId: facilityId,
              action: "update",
              entity: "user",
              entityId: current.id,
              before: auditable(current),
              after: { ...auditable(after!), passwordChanged: Boolean(password) },
            },
          ]);
          return after!;
        });
        return { user: present(updated) };
      },
    );

    // A user who lost the phone and the recovery codes: the administrator removes the second factor; the user's
    // sessions end, and at the next sign-in a user whose role requires it is led to set it up again.
    app.post(
      "/:id/second-factor/reset",
      { schema: { params: userParams, response: { 200: accountResponse } } },
      async (request) => {
        const { user: admin, facilityId } = authorizeFacility(request, "manageUsers");
        const updated = await ctx.db.transaction(async (tx) => {
          const [before] = await tx
            .select()
            .from(users)
            .where(and(eq(users.id, request.params.id), eq(users.organisationId, facilityId)));
          const current = assertFound(before, "User");
          await clearSecondFactor(tx, current.id);
          await tx.delete(sessions).where(eq(sessions.userId, current.id));
          await appendAudit(tx, [
            {
              actorUserId: admin.id,
              organisationId: facilityId,
              action: "update",
              entity: "user",
              entityId: current.id,
              before: { secondFactorEnabled: current.totpEnabledAt !== null },
              after: { secondFactor: "reset", sessionsEnded: true },
            },
          ]);
          const [after] = await tx.select().from(users).where(eq(users.id, current.id));
          return after!;
        });
        return { user: present(updated) };
      },
    );
  };

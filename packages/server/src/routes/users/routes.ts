import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser } from "../../accounts/create-user.ts";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { hashPassword } from "../../auth/password.ts";
import { sessions, users } from "../../db/schema/index.ts";
import { conflict } from "../../errors.ts";
import { classifyDatabaseError } from "../../http/database-errors.ts";
import { userCreateBody, userParams, userPatchBody, userResponse } from "./schema.ts";

const usernameTaken = () =>
  conflict("That username is taken.", [{ path: "username", message: "already taken", code: "taken" }]);

const present = (u: typeof users.$inferSelect) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
});
/** What the audit log keeps of an account: never the password hash. */
const auditable = (u: typeof users.$inferSelect) => ({ ...present(u), organisationId: u.organisationId });

/** The facility administrator's accounts screen: list, create, rename, change role, reset a password. */
export const userRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/",
      { schema: { response: { 200: z.object({ users: z.array(userResponse) }) } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "manageUsers");
        const rows = await ctx.db
          .select()
          .from(users)
          .where(eq(users.organisationId, facilityId))
          .orderBy(asc(users.username));
        return { users: rows.map(present) };
      },
    );

    // Usernames are unique across Mamori, so a taken name may belong to another organisation: the answer says only
    // "taken", and the calls are limited so the list of names cannot be walked.
    app.post(
      "/",
      {
        schema: { body: userCreateBody, response: { 201: z.object({ user: userResponse }) } },
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
      },
      async (request, reply) => {
        const { user: admin, facilityId } = authorizeFacility(request, "manageUsers");
        const [taken] = await ctx.db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.username, request.body.username));
        if (taken) throw usernameTaken();
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
            if (classifyDatabaseError(error) === "conflict") throw usernameTaken();
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
          response: { 200: z.object({ user: userResponse }) },
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
  };

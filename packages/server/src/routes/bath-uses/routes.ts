import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { bathUses, people } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import { bathDayBody, bathQuery, bathRemoveQuery, bathRemoveResponse, bathResponse } from "./schema.ts";

/**
 * Communal bath use per day, which the Legionella hint reads (manual p.23: bath hygiene; §5 legionellosis). A day's
 * list grows by POST and loses a person by DELETE (a tick made by mistake), each change audited.
 */
export const bathUseRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/", { schema: { querystring: bathQuery, response: { 200: bathResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "readFacility");
      const rows = await ctx.db
        .select({ personId: bathUses.personId, date: bathUses.date })
        .from(bathUses)
        .where(
          and(
            eq(bathUses.facilityId, facilityId),
            gte(bathUses.date, request.query.from),
            lte(bathUses.date, request.query.to),
          ),
        )
        .orderBy(asc(bathUses.date));
      return { bathUses: rows };
    });

    app.post(
      "/",
      {
        schema: {
          body: bathDayBody,
          response: { 200: z.object({ saved: z.number(), duplicates: z.number() }) },
        },
      },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "recordBathUse");
        const { date, personIds } = request.body;
        const unique = [...new Set(personIds)];
        if (unique.length === 0) return { saved: 0, duplicates: 0 };
        const known = await ctx.db
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.facilityId, facilityId), inArray(people.id, unique)));
        const knownIds = new Set(known.map((p) => p.id));
        const errors = personIds.flatMap((id, i) =>
          knownIds.has(id) ? [] : [{ path: `personIds[${i}]`, message: "unknown person" }],
        );
        if (errors.length > 0) throw validationFailed(errors);
        return ctx.db.transaction(async (tx) => {
          const inserted = await tx
            .insert(bathUses)
            .values(unique.map((personId) => ({ facilityId, personId, date, recordedBy: user.id })))
            .onConflictDoNothing()
            .returning();
          await appendAudit(
            tx,
            inserted.map((row) => ({
              actorUserId: user.id,
              organisationId: facilityId,
              action: "create" as const,
              entity: "bath_use",
              entityId: `${row.personId}/${row.date}`,
              after: row,
            })),
          );
          return { saved: inserted.length, duplicates: personIds.length - inserted.length };
        });
      },
    );

    app.delete(
      "/",
      { schema: { querystring: bathRemoveQuery, response: { 200: bathRemoveResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "recordBathUse");
        const { date, personId } = request.query;
        return ctx.db.transaction(async (tx) => {
          const removed = await tx
            .delete(bathUses)
            .where(
              and(
                eq(bathUses.facilityId, facilityId),
                eq(bathUses.personId, personId),
                eq(bathUses.date, date),
              ),
            )
            .returning();
          await appendAudit(
            tx,
            removed.map((row) => ({
              actorUserId: user.id,
              organisationId: facilityId,
              action: "delete" as const,
              entity: "bath_use",
              entityId: `${row.personId}/${row.date}`,
              before: row,
            })),
          );
          return { removed: removed.length };
        });
      },
    );
  };

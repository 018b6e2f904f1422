import {
  bathDayBody,
  bathDayResponse,
  bathQuery,
  bathRemoveQuery,
  bathRemoveResponse,
  bathResponse,
} from "@mamori/contract/bath-uses";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { facilityWrite } from "../../audit/write-path.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { bathUses } from "../../db/schema/index.ts";

/**
 * Communal bath use per day, which the Legionella hint reads (manual p.23: bath hygiene; §5 legionellosis). A day's
 * list grows by POST and loses a person by DELETE (a tick made by mistake), each change audited.
 */
export const bathUseRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/", { schema: { querystring: bathQuery, response: { 200: bathResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "readCareRecords");
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

    app.post("/", { schema: { body: bathDayBody, response: { 200: bathDayResponse } } }, (request) =>
      facilityWrite(ctx, request, { permission: "recordBathUse", entity: "bath_use" }, async (w) => {
        const { date, personIds } = request.body;
        const unique = [...new Set(personIds)];
        if (unique.length === 0) return { saved: 0, duplicates: 0 };
        await w.ownPeople(personIds.map((id, i) => ({ path: `personIds[${i}]`, id })));
        const inserted = await w.tx
          .insert(bathUses)
          .values(
            unique.map((personId) => ({ facilityId: w.facilityId, personId, date, recordedBy: w.user.id })),
          )
          .onConflictDoNothing()
          .returning();
        await w.audit(
          inserted.map((row) => ({
            action: "create",
            entityId: `${row.personId}/${row.date}`,
            after: row,
          })),
        );
        return { saved: inserted.length, duplicates: personIds.length - inserted.length };
      }),
    );

    app.delete(
      "/",
      { schema: { querystring: bathRemoveQuery, response: { 200: bathRemoveResponse } } },
      (request) =>
        facilityWrite(ctx, request, { permission: "recordBathUse", entity: "bath_use" }, async (w) => {
          const { date, personId } = request.query;
          const removed = await w.tx
            .delete(bathUses)
            .where(
              and(
                eq(bathUses.facilityId, w.facilityId),
                eq(bathUses.personId, personId),
                eq(bathUses.date, date),
              ),
            )
            .returning();
          await w.audit(
            removed.map((row) => ({
              action: "delete",
              entityId: `${row.personId}/${row.date}`,
              before: row,
            })),
          );
          return { removed: removed.length };
        }),
    );
  };

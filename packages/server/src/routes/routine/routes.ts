import {
  acknowledgementResponse,
  asOfQuery,
  equipmentBody,
  equipmentListResponse,
  equipmentPatchBody,
  equipmentResponse,
  facilityParams,
  inspectionQuery,
  obligationsResponse,
  recordBody,
  recordDeletedResponse,
  recordIdParams,
  recordListResponse,
  recordPatchBody,
  recordResponse,
  recordsQuery,
  recordTypeParams,
  restrictionsResponse,
  settingsBody,
  settingsResponse,
} from "@mamori/contract/routine";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { appendAudit } from "../../audit/audit.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { obligationSettings, organisations, people, routineEquipment } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import { facilityObligations, facilityWorkRestrictions } from "./facility-obligations.ts";
import { inspectionWorkbook } from "./inspection-workbook.ts";
import {
  acknowledgeRecord,
  createRoutineRecord,
  deleteRoutineRecord,
  facilityToday,
  listRoutineRecords,
  loadSettings,
  updateRoutineRecord,
} from "./routine-store.ts";

const presentEquipment = (e: typeof routineEquipment.$inferSelect) => ({
  id: e.id,
  kind: e.kind,
  name: e.name,
  seasonFrom: e.seasonFrom,
  seasonTo: e.seasonTo,
  active: e.active,
});

/**
 * The infection-control routine between outbreaks (manual §3): committee meetings, guideline versions, trainings,
 * staff health, vaccinations and hygiene logs through one write path per record type, the equipment logged, and the
 * facility's settings of the schedule.
 */
export const routineRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/records",
      {
        schema: {
          querystring: recordsQuery,
          response: { 200: recordListResponse },
        },
      },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        return { records: await listRoutineRecords(ctx.db, facilityId, request.query) };
      },
    );

    app.post(
      "/records/:type",
      {
        schema: {
          params: recordTypeParams,
          body: recordBody,
          response: { 200: recordResponse, 201: recordResponse },
        },
      },
      async (request, reply) => {
        const actor = authorizeFacility(request, "readCareRecords");
        const { record, created } = await createRoutineRecord(
          ctx.db,
          actor,
          request.params.type,
          request.body,
          ctx.clock(),
        );
        return reply.status(created ? 201 : 200).send(record);
      },
    );

    app.patch(
      "/records/:id",
      { schema: { params: recordIdParams, body: recordPatchBody, response: { 200: recordResponse } } },
      async (request) => {
        const actor = authorizeFacility(request, "readCareRecords");
        return updateRoutineRecord(ctx.db, actor, request.params.id, request.body, ctx.clock());
      },
    );

    app.delete(
      "/records/:id",
      { schema: { params: recordIdParams, response: { 200: recordDeletedResponse } } },
      async (request) => {
        const actor = authorizeFacility(request, "manageRoutine");
        await deleteRoutineRecord(ctx.db, actor, request.params.id, ctx.clock());
        return { deleted: true as const };
      },
    );

    app.post(
      "/records/:id/acknowledgements",
      { schema: { params: recordIdParams, response: { 200: acknowledgementResponse } } },
      async (request) => {
        const actor = authorizeFacility(request, "readCareRecords");
        return acknowledgeRecord(ctx.db, actor, request.params.id);
      },
    );

    app.get("/equipment", { schema: { response: { 200: equipmentListResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "readCareRecords");
      const rows = await ctx.db
        .select()
        .from(routineEquipment)
        .where(eq(routineEquipment.facilityId, facilityId))
        .orderBy(asc(routineEquipment.kind), asc(routineEquipment.name));
      return { equipment: rows.map(presentEquipment) };
    });

    app.post(
      "/equipment",
      { schema: { body: equipmentBody, response: { 201: equipmentResponse } } },
      async (request, reply) => {
        const { user, facilityId } = authorizeFacility(request, "manageRoutine");
        const row = await ctx.db.transaction(async (tx) => {
          const [created] = await tx
            .insert(routineEquipment)
            .values({ ...request.body, facilityId })
            .returning();
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: facilityId,
              action: "create",
              entity: "routine_equipment",
              entityId: created!.id,
              after: created,
            },
          ]);
          return created!;
        });
        return reply.status(201).send(presentEquipment(row));
      },
    );

    app.patch(
      "/equipment/:id",
      { schema: { params: recordIdParams, body: equipmentPatchBody, response: { 200: equipmentResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "manageRoutine");
        return ctx.db.transaction(async (tx) => {
          const where = and(
            eq(routineEquipment.id, request.params.id),
            eq(routineEquipment.facilityId, facilityId),
          );
          const [before] = await tx.select().from(routineEquipment).where(where);
          if (!before) throw notFound("Equipment");
          const [after] = await tx.update(routineEquipment).set(request.body).where(where).returning();
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: facilityId,
              action: "update",
              entity: "routine_equipment",
              entityId: before.id,
              before,
              after,
            },
          ]);
          return presentEquipment(after!);
        });
      },
    );

    app.get("/settings", { schema: { response: { 200: settingsResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "readCareRecords");
      return { settings: await loadSettings(ctx.db, facilityId) };
    });

    app.put(
      "/settings",
      { schema: { body: settingsBody, response: { 200: settingsResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "manageRoutine");
        return ctx.db.transaction(async (tx) => {
          const before = await loadSettings(tx, facilityId);
          await tx
            .insert(obligationSettings)
            .values({ facilityId, ...request.body })
            .onConflictDoUpdate({
              target: obligationSettings.facilityId,
              set: { ...request.body, updatedAt: new Date() },
            });
          await appendAudit(tx, [
            {
              actorUserId: user.id,
              organisationId: facilityId,
              action: "update",
              entity: "obligation_settings",
              entityId: facilityId,
              before,
              after: request.body,
            },
          ]);
          return { settings: request.body };
        });
      },
    );

    app.get("/inspection.xlsx", { schema: { querystring: inspectionQuery } }, async (request, reply) => {
      const { facilityId } = authorizeFacility(request, "readObligations");
      const { type, from, to } = request.query;
      const [facility] = await ctx.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, facilityId));
      const records = await listRoutineRecords(ctx.db, facilityId, { types: [type], from, to });
      const persons = await ctx.db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(eq(people.facilityId, facilityId));
      const equipment = await ctx.db
        .select({ id: routineEquipment.id, name: routineEquipment.name })
        .from(routineEquipment)
        .where(eq(routineEquipment.facilityId, facilityId));
      const buffer = await inspectionWorkbook({
        facilityName: facility?.name ?? "",
        type,
        from,
        to,
        records,
        personNames: new Map(persons.map((p) => [p.id, p.name])),
        equipmentNames: new Map(equipment.map((e) => [e.id, e.name])),
      });
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="mamori-${type}-${from}-${to}.xlsx"`)
        .send(buffer);
    });
  };

/** What is due in a facility's routine, and which staff are not yet fit for which work, on a local day. */
export const obligationRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/:facilityId/obligations",
      { schema: { params: facilityParams, querystring: asOfQuery, response: { 200: obligationsResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readObligations");
        if (request.params.facilityId !== facilityId) throw notFound("Facility");
        const asOf = request.query.asOf ?? (await facilityToday(ctx.db, facilityId, ctx.clock()));
        const { items } = await facilityObligations(ctx.db, facilityId, asOf);
        return { asOf, items };
      },
    );

    app.get(
      "/:facilityId/work-restrictions",
      { schema: { params: facilityParams, querystring: asOfQuery, response: { 200: restrictionsResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        if (request.params.facilityId !== facilityId) throw notFound("Facility");
        const asOf = request.query.asOf ?? (await facilityToday(ctx.db, facilityId, ctx.clock()));
        return facilityWorkRestrictions(ctx.db, facilityId, asOf);
      },
    );
  };

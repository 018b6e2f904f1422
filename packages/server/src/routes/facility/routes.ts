import {
  facilityPatchBody,
  facilityResponse,
  overseersResponse,
  roomBody,
  roomResponse,
  unitBody,
  unitParams,
  unitResponse,
} from "@mamori/contract/facility";
import { asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { facilityWrite } from "../../audit/write-path.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { organisations, rooms, units } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import { loadFacility } from "./facility.ts";

const FACILITY_WRITE = { permission: "manageFacility", entity: "facility" } as const;

export const facilityRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/", { schema: { response: { 200: facilityResponse } } }, async (request) => {
      const { facilityId } = authorizeFacility(request, "readFacility");
      return { facility: await loadFacility(ctx.db, facilityId) };
    });

    app.patch(
      "/",
      { schema: { body: facilityPatchBody, response: { 200: facilityResponse } } },
      async (request) => {
        const { type, ...changes } = request.body;
        const facilityId = await facilityWrite(ctx, request, FACILITY_WRITE, async ({ tx, ...w }) => {
          const facilityId = w.facilityId;
          for (const [field, kind] of [
            ["healthCentreId", "health_centre"],
            ["municipalityId", "municipality"],
          ] as const) {
            const id = changes[field];
            if (!id) continue;
            const [overseer] = await tx
              .select({ kind: organisations.kind })
              .from(organisations)
              .where(eq(organisations.id, id));
            if (overseer?.kind !== kind)
              throw validationFailed([{ path: field, message: `unknown ${kind.replace("_", " ")}` }]);
          }
          const [before] = await tx.select().from(organisations).where(eq(organisations.id, facilityId));
          const [after] = await tx
            .update(organisations)
            .set({ ...changes, ...(type ? { facilityType: type } : {}) })
            .where(eq(organisations.id, facilityId))
            .returning();
          await w.audit([{ action: "update", entityId: facilityId, before, after }]);
          return facilityId;
        });
        return { facility: await loadFacility(ctx.db, facilityId) };
      },
    );

    app.get("/overseers", { schema: { response: { 200: overseersResponse } } }, async (request) => {
      authorizeFacility(request, "manageFacility");
      const rows = await ctx.db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
        .from(organisations)
        .orderBy(asc(organisations.name));
      const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name }));
      return { healthCentres: of("health_centre"), municipalities: of("municipality") };
    });

    app.post(
      "/units",
      { schema: { body: unitBody, response: { 201: unitResponse } } },
      async (request, reply) => {
        const unit = await facilityWrite(
          ctx,
          request,
          { permission: "manageUnits", entity: "unit" },
          async (w) => {
            const [created] = await w.tx
              .insert(units)
              .values({ facilityId: w.facilityId, ...request.body })
              .returning();
            await w.audit([{ action: "create", entityId: created!.id, after: created }]);
            return created!;
          },
        );
        return reply
          .status(201)
          .send({ unit: { id: unit.id, name: unit.name, floor: unit.floor, rooms: [] } });
      },
    );

    app.post(
      "/units/:unitId/rooms",
      { schema: { params: unitParams, body: roomBody, response: { 201: roomResponse } } },
      async (request, reply) => {
        const room = await facilityWrite(
          ctx,
          request,
          { permission: "manageUnits", entity: "room" },
          async (w) => {
            await w.ownUnit(request.params.unitId);
            const [created] = await w.tx
              .insert(rooms)
              .values({ facilityId: w.facilityId, unitId: request.params.unitId, name: request.body.name })
              .returning();
            await w.audit([{ action: "create", entityId: created!.id, after: created }]);
            return created!;
          },
        );
        return reply.status(201).send({ room: { id: room.id, name: room.name } });
      },
    );
  };

import {
  correctedObservationResponse,
  correctionBody,
  historyResponse,
  listQuery,
  observationListResponse,
  observationParams,
  recordBody,
  recordResponse,
  withdrawBody,
  withdrawResponse,
} from "@mamori/contract/observations";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { observations, people, users } from "../../db/schema/index.ts";
import { dayBounds } from "../../time/facility-day.ts";
import { facilityTimeZone } from "../facility/facility.ts";
import { correctObservation, observationHistory } from "./correct-observation.ts";
import { presentObservation } from "./presenter.ts";
import { createRoundWriter } from "./round-writer.ts";
import { withdrawObservations } from "./withdraw-observations.ts";

export const observationRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    const roundWriter = createRoundWriter(ctx.db);
    app.post("/", { schema: { body: recordBody, response: { 200: recordResponse } } }, async (request) => {
      const { user, facilityId } = authorizeFacility(request, "recordObservations");
      return roundWriter.record(facilityId, { user, inputs: request.body.observations, now: ctx.clock() });
    });

    app.post(
      "/withdraw",
      { schema: { body: withdrawBody, response: { 200: withdrawResponse } } },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "recordObservations");
        return withdrawObservations(ctx.db, user, facilityId, request.body.ids, ctx.clock());
      },
    );

    app.get(
      "/",
      {
        schema: {
          querystring: listQuery,
          response: { 200: observationListResponse },
        },
      },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        const { personId, from, to } = request.query;
        const timeZone = await facilityTimeZone(ctx.db, facilityId);
        const [person] = await ctx.db
          .select({ baselineTempC: people.baselineTempC })
          .from(people)
          .where(and(eq(people.id, personId), eq(people.facilityId, facilityId)));
        const { baselineTempC } = assertFound(person, "Person");
        const rows = await ctx.db
          .select({ observation: observations, recordedByName: users.displayName })
          .from(observations)
          .innerJoin(users, eq(users.id, observations.recordedBy))
          .where(
            and(
              eq(observations.personId, personId),
              gte(observations.at, dayBounds(from, timeZone).start),
              lt(observations.at, dayBounds(to, timeZone).end),
            ),
          )
          .orderBy(asc(observations.at));
        return {
          observations: rows.map((r) =>
            presentObservation(r.observation, { timeZone, baselineTempC, recordedByName: r.recordedByName }),
          ),
        };
      },
    );

    app.put(
      "/:id",
      {
        schema: {
          params: observationParams,
          body: correctionBody,
          response: { 200: correctedObservationResponse },
        },
      },
      async (request) => {
        const { user, facilityId } = authorizeFacility(request, "recordObservations");
        const row = await correctObservation(ctx.db, user, facilityId, request.params.id, request.body);
        const timeZone = await facilityTimeZone(ctx.db, facilityId);
        const [person] = await ctx.db
          .select({ baselineTempC: people.baselineTempC })
          .from(people)
          .where(and(eq(people.facilityId, facilityId), eq(people.id, row.personId)));
        return {
          observation: presentObservation(row, {
            timeZone,
            baselineTempC: person?.baselineTempC ?? null,
            recordedByName: user.displayName,
          }),
        };
      },
    );

    app.get(
      "/:id/history",
      { schema: { params: observationParams, response: { 200: historyResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        return { revisions: await observationHistory(ctx.db, facilityId, request.params.id) };
      },
    );
  };

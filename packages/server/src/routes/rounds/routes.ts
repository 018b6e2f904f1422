import { roundQuery, roundResponse } from "@mamori/contract/observations";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { assertFound, authorizeFacility } from "../../auth/guard.ts";
import { observations, people, units, users } from "../../db/schema/index.ts";
import { dayBounds } from "../../time/facility-day.ts";
import { facilityTimeZone } from "../facility/facility.ts";
import { presentObservation } from "../observations/presenter.ts";
import { listPeople } from "../people/people.ts";

/** One unit's active people with their observations of one day: the daily round screen and the 健康調査日報. */
export const roundRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/",
      { schema: { querystring: roundQuery, response: { 200: roundResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        const { unitId, date } = request.query;
        const [unit] = await ctx.db
          .select()
          .from(units)
          .where(and(eq(units.id, unitId), eq(units.facilityId, facilityId)));
        const u = assertFound(unit, "Unit");
        const timeZone = await facilityTimeZone(ctx.db, facilityId);
        const members = await listPeople(
          ctx.db,
          facilityId,
          and(eq(people.unitId, unitId), eq(people.active, true)),
        );
        const { start, end } = dayBounds(date, timeZone);
        const rows = members.length
          ? await ctx.db
              .select({ observation: observations, recordedByName: users.displayName })
              .from(observations)
              .innerJoin(users, eq(users.id, observations.recordedBy))
              .where(
                and(
                  inArray(
                    observations.personId,
                    members.map((m) => m.id),
                  ),
                  gte(observations.at, start),
                  lt(observations.at, end),
                ),
              )
              .orderBy(asc(observations.at))
          : [];
        return {
          date,
          unit: { id: u.id, name: u.name, floor: u.floor },
          people: members.map((m) => ({
            id: m.id,
            name: m.name,
            kind: m.kind,
            room: m.room,
            baselineTempC: m.baselineTempC,
            observations: rows
              .filter((r) => r.observation.personId === m.id)
              .map((r) =>
                presentObservation(r.observation, {
                  timeZone,
                  baselineTempC: m.baselineTempC,
                  recordedByName: r.recordedByName,
                }),
              ),
          })),
        };
      },
    );
  };

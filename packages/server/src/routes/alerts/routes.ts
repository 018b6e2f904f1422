import { saneInstant } from "@mamori/domain/input";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { notFound } from "../../errors.ts";
import { facilityAlerts } from "./facility-alerts.ts";

const alertsParams = z.object({ facilityId: z.uuid() });
const alertsQuery = z.object({
  asOf: saneInstant.optional(),
  lookback: z.coerce.number().int().min(1).max(31).default(7),
});
const alertsResponse = z.object({
  asOf: z.string(),
  profile: z.string(),
  days: z.array(z.string()),
  alerts: z.array(
    z.object({
      code: z.string(),
      subject: z.record(z.string(), z.string()),
      day: z.string(),
      profile: z.string(),
      evidence: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** The facility's alerts from its stored records: person hints and the facility rules, each with its evidence. */
export const alertRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/:facilityId/alerts",
      { schema: { params: alertsParams, querystring: alertsQuery, response: { 200: alertsResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        if (request.params.facilityId !== facilityId) throw notFound("Facility");
        const asOf = request.query.asOf ? new Date(request.query.asOf) : ctx.clock();
        return facilityAlerts(ctx.db, facilityId, asOf, request.query.lookback);
      },
    );
  };

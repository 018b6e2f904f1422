import { alertsQuery, alertsResponse } from "@mamori/contract/surveillance";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { notFound } from "../../errors.ts";
import { facilityAlerts } from "./facility-alerts.ts";

const alertsParams = z.object({ facilityId: z.uuid() });
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

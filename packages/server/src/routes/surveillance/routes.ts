import {
  epidemicCurveQuery,
  epidemicCurveResponse,
  facilityParams,
  lineListQuery,
  lineListResponse,
} from "@mamori/contract/surveillance";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { notFound } from "../../errors.ts";
import { facilityEpidemicCurve } from "./curve.ts";
import { facilityLineList } from "./line-list.ts";

/**
 * The facility's outbreak picture: who is ill now (the line list of 付録4③) and the epidemic curve, from the stored
 * records through the domain functions `buildLineList` and `epidemicCurve`.
 */
export const surveillanceRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/:facilityId/line-list",
      { schema: { params: facilityParams, querystring: lineListQuery, response: { 200: lineListResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        if (request.params.facilityId !== facilityId) throw notFound("Facility");
        const asOf = request.query.asOf ? new Date(request.query.asOf) : ctx.clock();
        return facilityLineList(ctx.db, facilityId, asOf, request.query.days);
      },
    );

    app.get(
      "/:facilityId/epidemic-curve",
      {
        schema: {
          params: facilityParams,
          querystring: epidemicCurveQuery,
          response: { 200: epidemicCurveResponse },
        },
      },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        if (request.params.facilityId !== facilityId) throw notFound("Facility");
        const asOf = request.query.asOf ? new Date(request.query.asOf) : ctx.clock();
        return facilityEpidemicCurve(ctx.db, facilityId, asOf, request.query.days);
      },
    );
  };

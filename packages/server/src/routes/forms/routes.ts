import {
  formsParams,
  physicianReportQuery,
  physicianReportResponse,
  weeklyQuery,
  weeklyResponse,
} from "@mamori/contract/forms";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { authorizeFacility } from "../../auth/guard.ts";
import { notFound } from "../../errors.ts";
import { facilityPhysicianReport, facilityWeeklyTrend } from "./forms.ts";

/**
 * The manual's outbreak forms from the facility's stored rounds and cases: 付録4② 施設全体での傾向把握 and 付録4③
 * 医師への報告用紙 (contracts/forms.md), counted by the same domain functions as `mamori forms`. Read-only.
 */
export const formRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/:facilityId/forms/weekly",
      { schema: { params: formsParams, querystring: weeklyQuery, response: { 200: weeklyResponse } } },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        if (request.params.facilityId !== facilityId) throw notFound("Facility");
        const asOf = request.query.asOf ? new Date(request.query.asOf) : ctx.clock();
        return facilityWeeklyTrend(ctx.db, facilityId, request.query.weekStart, asOf);
      },
    );

    app.get(
      "/:facilityId/forms/physician-report",
      {
        schema: {
          params: formsParams,
          querystring: physicianReportQuery,
          response: { 200: physicianReportResponse },
        },
      },
      async (request) => {
        const { facilityId } = authorizeFacility(request, "readCareRecords");
        if (request.params.facilityId !== facilityId) throw notFound("Facility");
        const asOf = request.query.asOf ? new Date(request.query.asOf) : ctx.clock();
        return facilityPhysicianReport(ctx.db, facilityId, request.query.from, request.query.days, asOf);
      },
    );
  };

import { templateQuery, templateResponse } from "@mamori/contract/report-templates";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { currentUser } from "../../auth/guard.ts";
import { forbidden, validationFailed } from "../../errors.ts";
import { officeOf } from "../../policies/reports.ts";
import {
  checkTemplate,
  MAX_TEMPLATE_BYTES,
  removeTemplate,
  saveTemplate,
  templateInfo,
} from "./templates.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A little over the largest template, so that one byte too many is a 400 naming the field, not a bare 413. */
const BODY_LIMIT = MAX_TEMPLATE_BYTES + 64 * 1024;

/**
 * A municipality's own report form (manual p.48: 各市町村指定の報告書用紙書式): its municipal officers upload an .xlsx
 * whose cells are addressed by defined names; its facilities' reports are then saved as Excel in that form.
 */
export const reportTemplateRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    // The form arrives as it is; this parser holds for these routes only.
    app.addContentTypeParser(
      XLSX_TYPE,
      { parseAs: "buffer", bodyLimit: BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const municipalOfficer = (request: Parameters<typeof currentUser>[0]) => {
      const actor = currentUser(request);
      if (officeOf(actor)?.kind !== "municipality") throw forbidden();
      return actor;
    };

    app.get("/", { schema: { response: { 200: templateResponse } } }, async (request) => {
      const actor = municipalOfficer(request);
      return templateInfo(ctx.db, actor.organisation.id);
    });

    app.put(
      "/",
      { bodyLimit: BODY_LIMIT, schema: { querystring: templateQuery, response: { 200: templateResponse } } },
      async (request) => {
        const actor = municipalOfficer(request);
        if (!Buffer.isBuffer(request.body))
          throw validationFailed([
            { path: "body", message: "an .xlsx workbook as the body", code: "not_xlsx" },
          ]);
        const bytes = request.body;
        const names = await checkTemplate(bytes);
        await ctx.db.transaction((tx) =>
          saveTemplate(tx, actor, { fileName: request.query.fileName, bytes, names }, ctx.clock()),
        );
        return templateInfo(ctx.db, actor.organisation.id);
      },
    );

    app.delete("/", { schema: { response: { 200: templateResponse } } }, async (request) => {
      const actor = municipalOfficer(request);
      await ctx.db.transaction((tx) => removeTemplate(tx, actor, ctx.clock()));
      return templateInfo(ctx.db, actor.organisation.id);
    });
  };

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { currentUser } from "../../auth/guard.ts";
import { forbidden } from "../../errors.ts";
import { officeOf } from "../../policies/reports.ts";
import { templateBody, templateResponse } from "./schema.ts";
import {
  checkTemplate,
  MAX_TEMPLATE_BYTES,
  removeTemplate,
  saveTemplate,
  templateInfo,
} from "./templates.ts";

/** Room for the base64 of the largest template (4/3 of its size) and the JSON around it. */
const BODY_LIMIT = Math.ceil((MAX_TEMPLATE_BYTES * 4) / 3) + 64 * 1024;

/**
 * A municipality's own report form (manual p.48: 各市町村指定の報告書用紙書式): its municipal officers upload an .xlsx
 * whose cells are addressed by defined names; its facilities' reports are then saved as Excel in that form.
 */
export const reportTemplateRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
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
      { bodyLimit: BODY_LIMIT, schema: { body: templateBody, response: { 200: templateResponse } } },
      async (request) => {
        const actor = municipalOfficer(request);
        const bytes = Buffer.from(request.body.contentBase64, "base64");
        const names = await checkTemplate(bytes);
        await ctx.db.transaction((tx) =>
          saveTemplate(tx, actor, { fileName: request.body.fileName, bytes, names }, ctx.clock()),
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

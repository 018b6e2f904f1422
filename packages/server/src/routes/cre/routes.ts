import {
  availabilityBody,
  availabilityResponse,
  caseDetailResponse,
  caseListResponse,
  caseParams,
  consultationBody,
  consultationResultResponse,
  creCaseCreateBody,
  creCasePatchBody,
  importQuery,
  importResponse,
  langQuery,
} from "@mamori/contract/cre";
import { findBreakpointTable } from "@mamori/domain/cre";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { validationFailed } from "../../errors.ts";
import { setAvailability } from "./availability.ts";
import { caseDetail } from "./case-detail.ts";
import { listCases } from "./case-list.ts";
import { availabilityOf, presentConsultation } from "./case-store.ts";
import { createCase } from "./create-case.ts";
import { parseOrThrow, rejectInvalid } from "./field-errors.ts";
import { authorizeHospital } from "./hospital.ts";
import { saveImport } from "./import-cases.ts";
import { parseIsolateCsv } from "./import-isolates.ts";
import { recordConsultation } from "./record-consultation.ts";
import { updateCase } from "./update-case.ts";

/**
 * CRE stewardship of a hospital (docs/api.md, "CRE"): the laboratory reports isolates (one by one or from a CSV
 * export), the physician records the infection, 表7 severity and the cefiderocol order, the AST records consultations
 * and approves or declines the order. Every read derives S/I/R, CRE status, work-up, notification and advice from the
 * stored raw values through `@mamori/domain/cre`.
 */
export const creRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) => done(null, body));

    /** The whole case with its evaluation, in the language asked for. */
    const detail = (actor: { hospitalId: string; timeZone: string }, id: string, lang: "ja" | "en") =>
      caseDetail(ctx.db, actor, id, lang, ctx.clock());

    app.get(
      "/cases",
      {
        attachValidation: true,
        schema: { querystring: langQuery, response: { 200: caseListResponse } },
      },
      async (request) => {
        rejectInvalid(request, { querystring: langQuery });
        const actor = await authorizeHospital(ctx.db, request, "readCreCases");
        return { cases: await listCases(ctx.db, actor, ctx.clock(), request.query.lang) };
      },
    );

    app.get(
      "/cases/:id",
      {
        attachValidation: true,
        schema: { params: caseParams, querystring: langQuery, response: { 200: caseDetailResponse } },
      },
      async (request) => {
        rejectInvalid(request, { params: caseParams, querystring: langQuery });
        const actor = await authorizeHospital(ctx.db, request, "readCreCases");
        return detail(actor, request.params.id, request.query.lang);
      },
    );

    app.post(
      "/cases",
      {
        attachValidation: true,
        schema: {
          body: creCaseCreateBody,
          querystring: langQuery,
          response: { 200: caseDetailResponse, 201: caseDetailResponse },
        },
      },
      async (request, reply) => {
        rejectInvalid(request, { body: creCaseCreateBody, querystring: langQuery });
        const actor = await authorizeHospital(ctx.db, request, "enterCreIsolates");
        const { created } = await ctx.db.transaction((tx) =>
          createCase(tx, actor, request.body, ctx.clock()),
        );
        return reply
          .status(created ? 201 : 200)
          .send(await detail(actor, request.body.id, request.query.lang));
      },
    );

    app.patch(
      "/cases/:id",
      {
        attachValidation: true,
        schema: {
          params: caseParams,
          body: creCasePatchBody,
          querystring: langQuery,
          response: { 200: caseDetailResponse },
        },
      },
      async (request) => {
        rejectInvalid(request, { params: caseParams, body: creCasePatchBody, querystring: langQuery });
        const actor = await authorizeHospital(ctx.db, request, "readCreCases");
        await ctx.db.transaction((tx) => updateCase(tx, actor, request.params.id, request.body, ctx.clock()));
        return detail(actor, request.params.id, request.query.lang);
      },
    );

    app.post(
      "/cases/:id/consultation",
      {
        attachValidation: true,
        schema: {
          params: caseParams,
          body: consultationBody,
          response: { 200: consultationResultResponse, 201: consultationResultResponse },
        },
      },
      async (request, reply) => {
        rejectInvalid(request, { params: caseParams, body: consultationBody });
        const actor = await authorizeHospital(ctx.db, request, "readCreCases");
        const { consultation, created } = await ctx.db.transaction((tx) =>
          recordConsultation(tx, actor, request.params.id, request.body, ctx.clock()),
        );
        return reply.status(created ? 201 : 200).send({ consultation: presentConsultation(consultation) });
      },
    );

    app.post(
      "/cases/import",
      {
        attachValidation: true,
        schema: { querystring: importQuery, body: z.string(), response: { 200: importResponse } },
      },
      async (request) => {
        rejectInvalid(request, { querystring: importQuery, body: z.string({ error: "expected CSV text" }) });
        const actor = await authorizeHospital(ctx.db, request, "enterCreIsolates");
        const { importId, standard, edition } = request.query;
        if (!findBreakpointTable(standard, edition)) {
          throw validationFailed([
            { path: "query.edition", message: `no ${standard} breakpoint table "${edition}"` },
          ]);
        }
        const parsed = parseIsolateCsv(request.body, { body: standard, edition });
        if (parsed.errors.length > 0) throw validationFailed(parsed.errors);
        const saved = await ctx.db.transaction((tx) =>
          saveImport(tx, actor, importId, parsed.isolates, ctx.clock()),
        );
        return { ...saved, ignoredColumns: parsed.ignoredColumns };
      },
    );

    app.get("/availability", { schema: { response: { 200: availabilityResponse } } }, async (request) => {
      const actor = await authorizeHospital(ctx.db, request, "readCreAvailability");
      const availability = await availabilityOf(ctx.db, actor.hospitalId);
      return { ...availability, updatedAt: availability.updatedAt?.toISOString() ?? null };
    });

    app.put(
      "/availability",
      { attachValidation: true, schema: { body: availabilityBody, response: { 200: availabilityResponse } } },
      async (request) => {
        const { drugs } = parseOrThrow(availabilityBody, request.body);
        const actor = await authorizeHospital(ctx.db, request, "manageCreAvailability");
        const saved = await ctx.db.transaction((tx) => setAvailability(tx, actor, drugs, ctx.clock()));
        return { ...saved, updatedAt: saved.updatedAt.toISOString() };
      },
    );
  };

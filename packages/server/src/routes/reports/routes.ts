import { can } from "@mamori/contract/permissions";
import {
  decisionBody,
  decisionResponse,
  followUpBody,
  messageResponse,
  noteBody,
  noteResponse,
  replyBody,
  reportCreateBody,
  reportEditsBody,
  reportListResponse,
  reportParams,
  reportQuery,
  reportResponse,
  stateBody,
  submitBody,
} from "@mamori/contract/reports";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RouteContext } from "../../app.ts";
import { currentUser } from "../../auth/guard.ts";
import { forbidden } from "../../errors.ts";
import { currentOffices } from "../../policies/office-links.ts";
import { templateOf } from "../report-templates/templates.ts";
import { authorizeReport, type ReportRef } from "./report-store.ts";
import {
  changeState,
  createFollowUp,
  createReport,
  editReport,
  listFacilityReports,
  markRead,
  postMessage,
  presentReport,
  recordDecision,
  submitReport,
} from "./reports.ts";
import { reportWorkbook } from "./workbook.ts";

/**
 * Reports to the offices (docs/contracts/reports.md; manual p.48 and 付録1① items 4–7): the director drafts from the
 * records, edits and submits once to the health centre and the municipality; the offices reply and instruct; follow-up
 * and final reports attach to the first. Every call asks `reportPolicy`. The calls on one report take the facility
 * whose report it is (`?facility=`), which an office needs for an id two facilities sending to it share.
 */
export const reportRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    const present = async (actor: ReturnType<typeof currentUser>, ref: ReportRef) => {
      const loaded = await authorizeReport(ctx.db, actor, ref, "read");
      return presentReport(ctx.db, actor, loaded);
    };
    const refOf = (request: { params: { id: string }; query: { facility?: string | undefined } }) => ({
      id: request.params.id,
      facilityId: request.query.facility,
    });

    app.get("/", { schema: { response: { 200: reportListResponse } } }, async (request) => {
      const actor = currentUser(request);
      if (actor.organisation.kind !== "facility" || !can(actor.role, "readFacility")) throw forbidden();
      return listFacilityReports(ctx.db, actor.organisation.id);
    });

    app.post(
      "/",
      { schema: { body: reportCreateBody, response: { 200: reportResponse, 201: reportResponse } } },
      async (request, reply) => {
        const actor = currentUser(request);
        const { created } = await createReport(ctx.db, actor, request.body, ctx.clock());
        return reply.status(created ? 201 : 200).send(await present(actor, { id: request.body.id }));
      },
    );

    app.post(
      "/decisions",
      { schema: { body: decisionBody, response: { 200: decisionResponse, 201: decisionResponse } } },
      async (request, reply) => {
        const actor = currentUser(request);
        const { created } = await recordDecision(ctx.db, actor, request.body, ctx.clock());
        return reply.status(created ? 201 : 200).send({ id: request.body.id });
      },
    );

    app.get(
      "/:id",
      { schema: { params: reportParams, querystring: reportQuery, response: { 200: reportResponse } } },
      async (request) => {
        const actor = currentUser(request);
        const loaded = await authorizeReport(ctx.db, actor, refOf(request), "read");
        await markRead(ctx.db, actor, loaded);
        return present(actor, { id: loaded.row.id, facilityId: loaded.row.facilityId });
      },
    );

    app.patch(
      "/:id",
      {
        schema: {
          params: reportParams,
          querystring: reportQuery,
          body: reportEditsBody,
          response: { 200: reportResponse },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        await editReport(ctx.db, actor, refOf(request), request.body, ctx.clock());
        return present(actor, refOf(request));
      },
    );

    app.post(
      "/:id/submit",
      {
        schema: {
          params: reportParams,
          querystring: reportQuery,
          body: submitBody,
          response: { 200: reportResponse },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        await submitReport(ctx.db, actor, refOf(request), request.body.version, ctx.clock());
        return present(actor, refOf(request));
      },
    );

    app.post(
      "/:id/follow-ups",
      {
        schema: {
          params: reportParams,
          querystring: reportQuery,
          body: followUpBody,
          response: { 200: reportResponse, 201: reportResponse },
        },
      },
      async (request, reply) => {
        const actor = currentUser(request);
        const { id, facilityId, created } = await createFollowUp(
          ctx.db,
          actor,
          refOf(request),
          request.body,
          ctx.clock(),
        );
        return reply.status(created ? 201 : 200).send(await present(actor, { id, facilityId }));
      },
    );

    app.post(
      "/:id/replies",
      {
        schema: {
          params: reportParams,
          querystring: reportQuery,
          body: replyBody,
          response: { 200: messageResponse, 201: messageResponse },
        },
      },
      async (request, reply) => {
        const actor = currentUser(request);
        const { row, created } = await postMessage(ctx.db, actor, refOf(request), request.body, ctx.clock());
        const { report } = await present(actor, { id: request.params.id, facilityId: row.facilityId });
        const message = report.replies.find((m) => m.id === request.body.id)!;
        return reply.status(created ? 201 : 200).send({ reply: message });
      },
    );

    app.post(
      "/:id/notes",
      {
        schema: {
          params: reportParams,
          querystring: reportQuery,
          body: noteBody,
          response: { 200: noteResponse, 201: noteResponse },
        },
      },
      async (request, reply) => {
        const actor = currentUser(request);
        const { row, created } = await postMessage(
          ctx.db,
          actor,
          refOf(request),
          { ...request.body, kind: "note" },
          ctx.clock(),
        );
        const { report } = await present(actor, { id: request.params.id, facilityId: row.facilityId });
        const note = (report.notes ?? []).find((m) => m.id === request.body.id)!;
        return reply.status(created ? 201 : 200).send({ note });
      },
    );

    app.post(
      "/:id/state",
      {
        schema: {
          params: reportParams,
          querystring: reportQuery,
          body: stateBody,
          response: { 200: reportResponse },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        await changeState(ctx.db, actor, refOf(request), request.body.state, ctx.clock());
        return present(actor, refOf(request));
      },
    );

    app.get(
      "/:id/workbook",
      { schema: { params: reportParams, querystring: reportQuery } },
      async (request, reply) => {
        const actor = currentUser(request);
        const { report } = await present(actor, refOf(request));
        // The form of the municipality it went to; a draft's, that of the facility's municipality today.
        const municipality =
          report.recipients.find((r) => r.kind === "municipality")?.organisationId ??
          (await currentOffices(ctx.db, report.facilityId)).find((o) => o.kind === "municipality")?.officeId;
        const buffer = await reportWorkbook(report, await templateOf(ctx.db, municipality));
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="report-${report.id.slice(0, 8)}.xlsx"`)
          .send(buffer);
      },
    );
  };

import { can } from "@mamori/contract/permissions";
import {
  caseParams,
  correctionBody,
  draftBody,
  exportQuery,
  historyResponse,
  idParams,
  labMoveBody,
  labQueueResponse,
  openBody,
  overviewResponse,
  paperEntryBody,
  paperEntryParams,
  paperFormBody,
  paperFormCreatedResponse,
  paperFormListResponse,
  paperFormResponse,
  resolveBody,
  type SurveyResponseView,
  type SurveyTask,
  submitBody,
  surveyResponseView,
  tasksResponse,
} from "@mamori/contract/survey";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { RouteContext } from "../../app.ts";
import { assertFound } from "../../auth/guard.ts";
import type { StoredQuestionnaireResponse } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";
import { findCase } from "../cre/case-store.ts";
import { parseOrThrow } from "../cre/field-errors.ts";
import { authorizeHospital, type HospitalActor } from "../cre/hospital.ts";
import {
  CRE_SURVEY_URL,
  CRE_SURVEY_VERSION,
  LAB_SECTION_LINK_IDS,
  responseWith,
  withPrefilledMarks,
} from "./cre-survey-items.ts";
import {
  createPaperForm,
  listPaperForms,
  paperFormDetail,
  resolvePaperForm,
  savePaperEntry,
} from "./paper-entry.ts";
import { answersByLinkId, asFhirResponse } from "./questionnaire-response.ts";
import {
  authorizeSecretariat,
  deidentifiedResponses,
  exportTable,
  surveyOverview,
  toBundle,
  toCsv,
  toXlsx,
} from "./secretariat.ts";
import {
  caseContext,
  findResponse,
  historyOf,
  listTasks,
  moveLabSection,
  openResponse,
  type SurveyResponseRow,
  saveDraft,
  stillPrefilled,
  submitVersion,
} from "./survey-responses.ts";

/**
 * The national cefiderocol survey (MHLW 事務連絡 2024-01-25 記3, 参考2; docs/api.md "Survey"): the physician's tasks
 * and answers with Mamori's pre-fill, the laboratory part handed to a technologist and back, submission and
 * corrections with history; the secretariat's de-identified overview and exports, and paper forms keyed in twice.
 */
export const surveyRoutes =
  (ctx: RouteContext): FastifyPluginAsyncZod =>
  async (app) => {
    const hospitalActor = async (request: Parameters<typeof authorizeHospital>[1]) => {
      const actor = await authorizeHospital(ctx.db, request, "readCreCases");
      if (!can(actor.user.role, "answerSurvey") && !can(actor.user.role, "answerSurveyLab")) {
        throw new AppError(403, "forbidden", "Your role does not answer the survey.");
      }
      return actor;
    };

    /** Each answer of these routes is declared by the contract; the serializer sends what it names. */
    const answers = <S extends z.ZodType>(schema: S) => ({
      schema: { response: { 200: schema, 201: schema } },
    });
    const view = answers(surveyResponseView);
    const paper = answers(paperFormResponse);

    const present = async (actor: HospitalActor, row: SurveyResponseRow): Promise<SurveyResponseView> => {
      const caseRow = row.caseId ? await findCase(ctx.db, actor.hospitalId, row.caseId) : undefined;
      return {
        id: row.id,
        caseId: row.caseId,
        patientLabel: caseRow?.patientLabel ?? null,
        questionnaire: { url: row.questionnaireUrl, version: row.questionnaireVersion },
        status: row.status,
        labStatus: row.labStatus,
        labSection: [...LAB_SECTION_LINK_IDS],
        version: row.version,
        response: asFhirResponse(withPrefilledMarks(row.response, stillPrefilled(row))),
        prefilled: stillPrefilled(row),
        launchContext: caseRow ? await caseContext(ctx.db, actor.hospitalId, caseRow) : null,
        updatedAt: row.updatedAt.toISOString(),
        submittedAt: row.submittedAt?.toISOString() ?? null,
      };
    };

    app.get("/tasks", answers(tasksResponse), async (request) => {
      const actor = await authorizeHospital(ctx.db, request, "answerSurvey");
      const tasks = await listTasks(ctx.db, actor.hospitalId);
      return {
        tasks: tasks.map(
          (t): SurveyTask => ({
            caseId: t.caseId,
            patientLabel: t.patientLabel,
            organism: t.organism.organism,
            orderedAt: t.orderedAt?.toISOString() ?? null,
            responseId: t.responseId,
            status: t.status ?? "not_started",
            labStatus: t.labStatus,
            version: t.version,
            updatedAt: t.updatedAt?.toISOString() ?? null,
          }),
        ),
      };
    });

    app.get("/lab-queue", answers(labQueueResponse), async (request) => {
      const actor = await authorizeHospital(ctx.db, request, "answerSurveyLab");
      const tasks = await listTasks(ctx.db, actor.hospitalId);
      return {
        responses: tasks
          .filter((t) => t.labStatus === "with_lab" && t.status === "draft")
          .map((t) => ({
            responseId: t.responseId!,
            caseId: t.caseId,
            patientLabel: t.patientLabel,
            organism: t.organism.organism,
            updatedAt: t.updatedAt?.toISOString() ?? null,
          })),
      };
    });

    app.post("/cases/:caseId/response", view, async (request, reply) => {
      const { caseId } = parseOrThrow(caseParams, request.params, ["params"]);
      const { id } = parseOrThrow(openBody, request.body);
      const actor = await authorizeHospital(ctx.db, request, "answerSurvey");
      const { row, created } = await ctx.db.transaction((tx) =>
        openResponse(tx, actor, caseId, id, ctx.clock()),
      );
      return reply.status(created ? 201 : 200).send(await present(actor, row));
    });

    app.get("/responses/:id", view, async (request) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const actor = await hospitalActor(request);
      const row = assertFound(await findResponse(ctx.db, actor.hospitalId, id), "Survey response");
      return present(actor, row);
    });

    app.put("/responses/:id/draft", view, async (request) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const { response } = parseOrThrow(draftBody, request.body);
      const actor = await hospitalActor(request);
      const row = await ctx.db.transaction((tx) =>
        saveDraft(tx, actor, id, response as StoredQuestionnaireResponse, ctx.clock()),
      );
      return present(actor, row);
    });

    app.post("/responses/:id/lab", view, async (request) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const { to } = parseOrThrow(labMoveBody, request.body);
      const actor = await hospitalActor(request);
      const row = await ctx.db.transaction((tx) => moveLabSection(tx, actor, id, to, ctx.clock()));
      return present(actor, row);
    });

    app.post("/responses/:id/submit", view, async (request, reply) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const { submissionId } = parseOrThrow(submitBody, request.body);
      const actor = await authorizeHospital(ctx.db, request, "answerSurvey");
      const { row, created } = await ctx.db.transaction(async (tx) => {
        const current = assertFound(await findResponse(tx, actor.hospitalId, id, true), "Survey response");
        return submitVersion(
          tx,
          { userId: actor.user.id, organisationId: actor.hospitalId },
          current,
          { submissionId },
          ctx.clock(),
        );
      });
      return reply.status(created ? 201 : 200).send(await present(actor, row));
    });

    app.post("/responses/:id/corrections", view, async (request, reply) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const body = parseOrThrow(correctionBody, request.body);
      const actor = await authorizeHospital(ctx.db, request, "answerSurvey");
      const { row, created } = await ctx.db.transaction(async (tx) => {
        const current = assertFound(await findResponse(tx, actor.hospitalId, id, true), "Survey response");
        if (current.status !== "submitted") {
          throw new AppError(
            409,
            "conflict",
            "Only a submitted response is corrected; save the draft instead.",
          );
        }
        return submitVersion(
          tx,
          { userId: actor.user.id, organisationId: actor.hospitalId },
          current,
          {
            submissionId: body.submissionId,
            response: body.response as StoredQuestionnaireResponse,
            reason: body.reason,
          },
          ctx.clock(),
        );
      });
      return reply.status(created ? 201 : 200).send(await present(actor, row));
    });

    app.get("/responses/:id/history", answers(historyResponse), async (request) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const actor = await hospitalActor(request);
      const found = assertFound(await findResponse(ctx.db, actor.hospitalId, id), "Survey response");
      const versions = await historyOf(ctx.db, found);
      return {
        versions: versions.map((v) => ({
          ...v,
          submittedAt: v.submittedAt.toISOString(),
          response: asFhirResponse(v.response),
        })),
      };
    });

    app.get("/secretariat/overview", answers(overviewResponse), async (request) => {
      authorizeSecretariat(request, "readSurveyAggregates");
      return surveyOverview(ctx.db);
    });

    app.get("/secretariat/export", async (request, reply) => {
      const { format } = parseOrThrow(exportQuery, request.query, ["query"]);
      authorizeSecretariat(request, "readSurveyAggregates");
      const items = await deidentifiedResponses(ctx.db);
      const stamp = ctx.clock().toISOString().slice(0, 10);
      if (format === "fhir") {
        return reply
          .header("content-type", "application/fhir+json; charset=utf-8")
          .send(toBundle(items, ctx.clock()));
      }
      const table = exportTable(items);
      if (format === "csv") {
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="cre-survey-${stamp}.csv"`)
          .send(toCsv(table));
      }
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="cre-survey-${stamp}.xlsx"`)
        .send(await toXlsx(table));
    });

    app.get("/paper", answers(paperFormListResponse), async (request) => {
      const user = authorizeSecretariat(request, "keySurveyPaper");
      return { forms: await listPaperForms(ctx.db, user.organisation.id) };
    });

    app.post("/paper", answers(paperFormCreatedResponse), async (request, reply) => {
      const body = parseOrThrow(paperFormBody, request.body);
      const user = authorizeSecretariat(request, "keySurveyPaper");
      const { row, created } = await ctx.db.transaction((tx) => createPaperForm(tx, user, body, ctx.clock()));
      return reply
        .status(created ? 201 : 200)
        .send({ id: row.id, label: row.label, prefecture: row.prefecture });
    });

    const presentPaper = async (id: string, user: { id: string; organisation: { id: string } }) => {
      const userId = user.id;
      const d = await paperFormDetail(ctx.db, user.organisation.id, id);
      return {
        id: d.form.id,
        label: d.form.label,
        prefecture: d.form.prefecture,
        responseId: d.form.responseId,
        entries: d.entries.map((e) => ({
          enteredBy: e.enteredBy,
          mine: e.enteredById === userId,
          enteredAt: e.enteredAt.toISOString(),
          // The table's check keeps an entry number 1 or 2.
          entryNo: e.entryNo as 1 | 2,
          response: asFhirResponse(e.response),
        })),
        differences: d.differences,
      };
    };

    app.get("/paper/:id", paper, async (request) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const user = authorizeSecretariat(request, "keySurveyPaper");
      return presentPaper(id, user);
    });

    app.put("/paper/:id/entries/:entryNo", paper, async (request) => {
      const { id, entryNo } = parseOrThrow(paperEntryParams, request.params, ["params"]);
      const { response } = parseOrThrow(paperEntryBody, request.body);
      const user = authorizeSecretariat(request, "keySurveyPaper");
      const entry = responseWith(
        {
          resourceType: "QuestionnaireResponse",
          questionnaire: `${CRE_SURVEY_URL}|${CRE_SURVEY_VERSION}`,
          status: "in-progress",
          item: [],
        },
        answersByLinkId(response as StoredQuestionnaireResponse),
      );
      await ctx.db.transaction((tx) => savePaperEntry(tx, user, id, entryNo, entry, ctx.clock()));
      return presentPaper(id, user);
    });

    app.post("/paper/:id/resolve", paper, async (request, reply) => {
      const { id } = parseOrThrow(idParams, request.params, ["params"]);
      const body = parseOrThrow(resolveBody, request.body);
      const user = authorizeSecretariat(request, "keySurveyPaper");
      const { created } = await ctx.db.transaction((tx) => resolvePaperForm(tx, user, id, body, ctx.clock()));
      return reply.status(created ? 201 : 200).send(await presentPaper(id, user));
    });
  };

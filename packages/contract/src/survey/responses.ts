import type { QuestionnaireResponse } from "@mamori/domain/questionnaire";
import { z } from "zod";

// The answers of the survey calls (docs/api.md, "Cefiderocol survey"). A response's answers are a FHIR R4
// QuestionnaireResponse as stored: the contract's type is the domain's, and the schema checks only its frame.

const fhirResponse = z.custom<QuestionnaireResponse>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === "QuestionnaireResponse",
);

const task = z.object({
  caseId: z.string(),
  patientLabel: z.string(),
  organism: z.string(),
  orderedAt: z.string().nullable(),
  responseId: z.string().nullable(),
  status: z.enum(["not_started", "draft", "submitted"]),
  labStatus: z.enum(["none", "with_lab", "returned"]).nullable(),
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export type SurveyTask = z.infer<typeof task>;
/** `GET /api/survey/tasks`: every CRE case with a cefiderocol order and the state of its response. */
export const tasksResponse = z.object({ tasks: z.array(task) });

const labQueueEntry = z.object({
  responseId: z.string(),
  caseId: z.string(),
  patientLabel: z.string(),
  organism: z.string(),
  updatedAt: z.string().nullable(),
});
export type SurveyLabQueueEntry = z.infer<typeof labQueueEntry>;
/** `GET /api/survey/lab-queue`: the drafts whose laboratory part is with the laboratory. */
export const labQueueResponse = z.object({ responses: z.array(labQueueEntry) });

/** A response as the hospital sees it: its answers with Mamori's pre-fill marks, the case's launch context. */
export const surveyResponseView = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  patientLabel: z.string().nullable(),
  questionnaire: z.object({ url: z.string(), version: z.string() }),
  status: z.enum(["draft", "submitted"]),
  labStatus: z.enum(["none", "with_lab", "returned"]),
  /** The linkIds of the laboratory's part. */
  labSection: z.array(z.string()),
  version: z.number(),
  response: fhirResponse,
  /** The pre-filled linkIds whose answers still stand as Mamori filled them. */
  prefilled: z.array(z.string()),
  launchContext: z.record(z.string(), z.unknown()).nullable(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type SurveyResponseView = z.infer<typeof surveyResponseView>;

const version = z.object({
  version: z.number(),
  reason: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  response: fhirResponse,
});
/** One submitted version of a response (the first submission, then each correction with its reason). */
export type SurveyResponseVersion = z.infer<typeof version>;
export const historyResponse = z.object({ versions: z.array(version) });

const cell = z.object({
  value: z.string(),
  count: z.number().nullable(),
  proportion: z.number().nullable(),
  suppressed: z.boolean(),
});
export type OverviewCell = z.infer<typeof cell>;
const dimension = z.object({ denominator: z.number(), cells: z.array(cell) });
/** `GET /api/survey/secretariat/overview`: counts and shares by dimension, small cells hidden. */
export const overviewResponse = z.object({
  total: z.number(),
  creTotal: z.number(),
  minCell: z.number(),
  dimensions: z.object({
    isCre: dimension,
    prefecture: dimension,
    mechanism: dimension,
    infectionSite: dimension,
    verdict: dimension,
    carbapenemaseTested: dimension,
    consulted: dimension,
  }),
});
export type SurveyOverview = z.infer<typeof overviewResponse>;
export type OverviewDimension = keyof SurveyOverview["dimensions"];

const entryNo = z.union([z.literal(1), z.literal(2)]);

/** A paper form with both clerks' entries (who keyed each) and the items on which they differ. */
export const paperFormResponse = z.object({
  id: z.string(),
  label: z.string(),
  prefecture: z.string().nullable(),
  responseId: z.string().nullable(),
  entries: z.array(
    z.object({
      entryNo,
      enteredBy: z.string(),
      mine: z.boolean(),
      enteredAt: z.string(),
      response: fhirResponse,
    }),
  ),
  differences: z
    .array(z.object({ linkId: z.string(), first: z.string().nullable(), second: z.string().nullable() }))
    .nullable(),
});
export type PaperForm = z.infer<typeof paperFormResponse>;

const paperFormSummary = paperFormResponse
  .pick({ id: true, label: true, prefecture: true, responseId: true })
  .extend({ entries: z.array(z.number()), createdAt: z.string() });
/** A paper form in the secretariat's list: which entries are made, and the response once settled. */
export type PaperFormSummary = z.infer<typeof paperFormSummary>;
export const paperFormListResponse = z.object({ forms: z.array(paperFormSummary) });

/** `POST /api/survey/paper`: the form registered. */
export const paperFormCreatedResponse = paperFormResponse.pick({ id: true, label: true, prefecture: true });
export type PaperFormCreated = z.infer<typeof paperFormCreatedResponse>;

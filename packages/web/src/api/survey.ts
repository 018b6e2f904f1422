import type { QuestionnaireResponse, QuestionnaireResponseAnswer } from "@mamori/domain/questionnaire";
import type { Requester } from "./cre.ts";

// Shapes of the survey calls of docs/api.md ("Cefiderocol survey").

export interface SurveyTask {
  caseId: string;
  patientLabel: string;
  organism: string;
  orderedAt: string | null;
  responseId: string | null;
  status: "not_started" | "draft" | "submitted";
  labStatus: "none" | "with_lab" | "returned" | null;
  version: number | null;
  updatedAt: string | null;
}

export interface SurveyResponseView {
  id: string;
  caseId: string | null;
  patientLabel: string | null;
  questionnaire: { url: string; version: string };
  status: "draft" | "submitted";
  labStatus: "none" | "with_lab" | "returned";
  labSection: string[];
  version: number;
  response: QuestionnaireResponse;
  prefilled: string[];
  launchContext: Record<string, unknown> | null;
  updatedAt: string;
  submittedAt: string | null;
}

export interface OverviewCell {
  value: string;
  count: number | null;
  proportion: number | null;
  suppressed: boolean;
}
export type OverviewDimension =
  | "isCre"
  | "prefecture"
  | "mechanism"
  | "infectionSite"
  | "verdict"
  | "carbapenemaseTested"
  | "consulted";
export interface SurveyOverview {
  total: number;
  creTotal: number;
  minCell: number;
  dimensions: Record<OverviewDimension, { denominator: number; cells: OverviewCell[] }>;
}

export interface PaperForm {
  id: string;
  label: string;
  prefecture: string | null;
  responseId: string | null;
  entries: {
    entryNo: 1 | 2;
    enteredBy: string;
    mine: boolean;
    enteredAt: string;
    response: QuestionnaireResponse;
  }[];
  differences: { linkId: string; first: string | null; second: string | null }[] | null;
}

/** One submitted version of a response (the first submission, then each correction with its reason). */
export interface SurveyResponseVersion {
  version: number;
  reason: string | null;
  submittedAt: string;
  submittedBy: string;
  response: QuestionnaireResponse;
}

/** How a differing item of a paper form is settled: entry 1's reading, entry 2's, or the answer read again on the paper. */
export type PaperChoice = 1 | 2 | { answer: QuestionnaireResponseAnswer[] };

/** A paper form in the secretariat's list: which entries are made, and the response once settled. */
export type PaperFormSummary = Omit<PaperForm, "entries" | "differences"> & {
  entries: number[];
  createdAt: string;
};

export function createSurveyApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    tasks: async () => (await request<{ tasks: SurveyTask[] }>("GET", "/api/survey/tasks")).tasks,
    labQueue: async () =>
      (
        await request<{
          responses: { responseId: string; caseId: string; patientLabel: string; organism: string }[];
        }>("GET", "/api/survey/lab-queue")
      ).responses,
    /** Opens the survey of a case (the draft is made with Mamori's answers the first time; the id is made here). */
    open: (caseId: string, responseId: string) =>
      request<SurveyResponseView>("POST", `/api/survey/cases/${id(caseId)}/response`, {
        body: { id: responseId },
      }),
    response: (responseId: string) =>
      request<SurveyResponseView>("GET", `/api/survey/responses/${id(responseId)}`),
    saveDraft: (responseId: string, response: QuestionnaireResponse) =>
      request<SurveyResponseView>("PUT", `/api/survey/responses/${id(responseId)}/draft`, {
        body: { response },
      }),
    moveLab: (responseId: string, to: "lab" | "physician") =>
      request<SurveyResponseView>("POST", `/api/survey/responses/${id(responseId)}/lab`, { body: { to } }),
    submit: (responseId: string, submissionId: string) =>
      request<SurveyResponseView>("POST", `/api/survey/responses/${id(responseId)}/submit`, {
        body: { submissionId },
      }),
    /** A correction of a submitted response: the next version, with why (the history keeps every version). */
    correct: (
      responseId: string,
      body: { submissionId: string; response: QuestionnaireResponse; reason: string },
    ) => request<SurveyResponseView>("POST", `/api/survey/responses/${id(responseId)}/corrections`, { body }),
    history: async (responseId: string) =>
      (
        await request<{ versions: SurveyResponseVersion[] }>(
          "GET",
          `/api/survey/responses/${id(responseId)}/history`,
        )
      ).versions,
    overview: () => request<SurveyOverview>("GET", "/api/survey/secretariat/overview"),
    paperForms: async () => (await request<{ forms: PaperFormSummary[] }>("GET", "/api/survey/paper")).forms,
    createPaperForm: (body: { id: string; label: string; prefecture: string | null }) =>
      request<{ id: string }>("POST", "/api/survey/paper", { body }),
    paperForm: (formId: string) => request<PaperForm>("GET", `/api/survey/paper/${id(formId)}`),
    savePaperEntry: (formId: string, entryNo: 1 | 2, response: QuestionnaireResponse) =>
      request<PaperForm>("PUT", `/api/survey/paper/${id(formId)}/entries/${entryNo}`, { body: { response } }),
    resolvePaperForm: (
      formId: string,
      body: {
        submissionId: string;
        responseId: string;
        choices: Record<string, PaperChoice>;
      },
    ) => request<PaperForm>("POST", `/api/survey/paper/${id(formId)}/resolve`, { body }),
  };
}

import type {
  correctionBody,
  historyResponse,
  labQueueResponse,
  PaperForm,
  PaperFormCreated,
  PaperResolution,
  paperFormBody,
  paperFormListResponse,
  SurveyOverview,
  SurveyResponseView,
  tasksResponse,
} from "@mamori/contract/survey";
import type { QuestionnaireResponse } from "@mamori/domain/questionnaire";
import type { z } from "zod";
import type { Requester } from "./cre.ts";

// The survey calls of docs/api.md ("Cefiderocol survey"); their answers are the contract's (@mamori/contract/survey).

export type {
  OverviewCell,
  OverviewDimension,
  PaperChoice,
  PaperForm,
  PaperFormSummary,
  SurveyOverview,
  SurveyResponseVersion,
  SurveyResponseView,
  SurveyTask,
} from "@mamori/contract/survey";

export function createSurveyApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    tasks: async () => (await request<z.infer<typeof tasksResponse>>("GET", "/api/survey/tasks")).tasks,
    labQueue: async () =>
      (await request<z.infer<typeof labQueueResponse>>("GET", "/api/survey/lab-queue")).responses,
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
    correct: (responseId: string, body: z.input<typeof correctionBody>) =>
      request<SurveyResponseView>("POST", `/api/survey/responses/${id(responseId)}/corrections`, { body }),
    history: async (responseId: string) =>
      (
        await request<z.infer<typeof historyResponse>>(
          "GET",
          `/api/survey/responses/${id(responseId)}/history`,
        )
      ).versions,
    overview: () => request<SurveyOverview>("GET", "/api/survey/secretariat/overview"),
    paperForms: async () =>
      (await request<z.infer<typeof paperFormListResponse>>("GET", "/api/survey/paper")).forms,
    createPaperForm: (body: z.input<typeof paperFormBody>) =>
      request<PaperFormCreated>("POST", "/api/survey/paper", { body }),
    paperForm: (formId: string) => request<PaperForm>("GET", `/api/survey/paper/${id(formId)}`),
    savePaperEntry: (formId: string, entryNo: 1 | 2, response: QuestionnaireResponse) =>
      request<PaperForm>("PUT", `/api/survey/paper/${id(formId)}/entries/${entryNo}`, { body: { response } }),
    resolvePaperForm: (formId: string, body: PaperResolution) =>
      request<PaperForm>("POST", `/api/survey/paper/${id(formId)}/resolve`, { body }),
  };
}

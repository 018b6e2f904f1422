import type {
  ConsultationRequest,
  CreAvailability,
  CreCaseCreateInput,
  CreCaseDetail,
  CreImportResult,
  CreLang,
  CrePatch,
  caseListResponse,
  consultationResultResponse,
} from "@mamori/contract/cre";
import type { CreDrugKey } from "@mamori/domain/cre";
import type { z } from "zod";

// The CRE calls of docs/api.md ("CRE stewardship"); their answers are the contract's (@mamori/contract/cre).

export type {
  CreAvailability,
  CreCaseDetail,
  CreCaseRecord,
  CreCaseState,
  CreConsultation,
  CreEvaluation,
  CreImportResult,
  CreInfection,
  CreLang,
  CreNotification,
  CrePatch,
  CreSeverity,
  DrugRef,
  Labelled,
  OrderStatus,
} from "@mamori/contract/cre";

/** The request function of the one API client (src/api/client.ts). */
export type Requester = <T>(
  method: string,
  path: string,
  options?: { body?: unknown; csv?: string; xlsx?: ArrayBuffer },
) => Promise<T>;

/** The CRE calls of the typed client, built on its request function (errors, 401 handling and all). */
export function createCreApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return {
    cases: async (lang: CreLang) =>
      (await request<z.infer<typeof caseListResponse>>("GET", `/api/cre/cases?${q({ lang })}`)).cases,
    case: (caseId: string, lang: CreLang) =>
      request<CreCaseDetail>("GET", `/api/cre/cases/${id(caseId)}?${q({ lang })}`),
    /** Reports an isolate; the id is made on the device so a resend never adds a second case. */
    createCase: (body: CreCaseCreateInput, lang: CreLang) =>
      request<CreCaseDetail>("POST", `/api/cre/cases?${q({ lang })}`, { body }),
    updateCase: (caseId: string, patch: CrePatch, lang: CreLang) =>
      request<CreCaseDetail>("PATCH", `/api/cre/cases/${id(caseId)}?${q({ lang })}`, { body: patch }),
    recordConsultation: async (caseId: string, body: ConsultationRequest) =>
      (
        await request<z.infer<typeof consultationResultResponse>>(
          "POST",
          `/api/cre/cases/${id(caseId)}/consultation`,
          { body },
        )
      ).consultation,
    /** Sends a laboratory export; a 400 lists every bad cell (`rows[3].MEPM`) and nothing is saved. */
    importIsolates: (
      csv: string,
      params: { importId: string; standard: "CLSI" | "EUCAST"; edition: string },
    ) => request<CreImportResult>("POST", `/api/cre/cases/import?${q(params)}`, { csv }),
    availability: () => request<CreAvailability>("GET", "/api/cre/availability"),
    setAvailability: (drugs: CreDrugKey[]) =>
      request<CreAvailability>("PUT", "/api/cre/availability", { body: { drugs } }),
  };
}

export type CreApi = ReturnType<typeof createCreApi>;

import type { PhysicianReportForm, WeeklyTrendForm } from "@mamori/contract/forms";
import type { Requester } from "./cre.ts";

// The outbreak-form calls of docs/api.md ("Outbreak forms"); their answers are typed by @mamori/contract.

export type {
  FormFacility,
  PhysicianReportForm,
  PhysicianReportLine,
  PhysicianReportTallyRow,
  WeeklyTrendForm,
} from "@mamori/contract/forms";

/** The form calls of the typed client, built on its request function. */
export function createFormsApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return {
    weekly: (facilityId: string, weekStart: string) =>
      request<WeeklyTrendForm>("GET", `/api/facilities/${id(facilityId)}/forms/weekly?${q({ weekStart })}`),
    physicianReport: (facilityId: string, from: string, days: number) =>
      request<PhysicianReportForm>(
        "GET",
        `/api/facilities/${id(facilityId)}/forms/physician-report?${q({ from, days: String(days) })}`,
      ),
  };
}

export type FormsApi = ReturnType<typeof createFormsApi>;

import type { FormColumn, ReportSection } from "@mamori/domain/forms";
import type { Requester } from "./cre.ts";

// Shapes of the outbreak-form calls of docs/api.md ("Outbreak forms"): the server counts with the domain functions of
// `mamori forms` (contracts/forms.md) and adds names for the facility's staff.

export interface FormFacility {
  name: string;
  timeZone: string;
}

/** 付録4② 施設全体での傾向把握. */
export interface WeeklyTrendForm {
  facility: FormFacility;
  asOf: string;
  weekStart: string;
  days: string[];
  residents: number;
  rows: { column: FormColumn; counts: number[]; total: number }[];
}

export interface PhysicianReportLine {
  personId: string;
  name: string;
  section: ReportSection;
  unitId: string | null;
  unitName: string | null;
  room: string | null;
  marks: string[];
  consultationDate: string | null;
  remarks: string;
}

export interface PhysicianReportTallyRow {
  row: string;
  kind: "unit" | "co_located" | "staff";
  unitName: string | null;
  counts: number[];
  total: number;
}

/** 付録4③ 医師への報告用紙. */
export interface PhysicianReportForm {
  facility: FormFacility;
  asOf: string;
  days: string[];
  lines: PhysicianReportLine[];
  tally: PhysicianReportTallyRow[];
}

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

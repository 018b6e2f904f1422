import type { ObligationCode, ObligationSource } from "@mamori/domain/obligations";
import type { Requester } from "./cre.ts";

// Shapes of the infection-control routine calls of docs/api.md ("Infection-control routine"): the server computes each
// obligation's state with @mamori/domain/obligations, the same function as `mamori obligations`.

export type ObligationStatus = "ok" | "due_soon" | "overdue";

export interface ObligationState {
  code: ObligationCode;
  subject: Record<string, string | number>;
  subjectName: string | null;
  status: ObligationStatus;
  due?: string | null;
  held?: number;
  required?: number;
  last?: string | null;
  action: string;
  missing?: string[];
  late?: boolean;
  reading?: { chlorineMgL: number; outOfRange: boolean };
  rule: string;
  source: ObligationSource;
}

export type RoutineRecordType =
  | "committee_meeting"
  | "guideline_version"
  | "training"
  | "staff_hire"
  | "staff_immunity"
  | "staff_health_check"
  | "vaccination"
  | "occupational_exposure"
  | "humidifier_log"
  | "bath_check"
  | "legionella_test"
  | "kitchen_check"
  | "cleaning_round"
  | "waste_handover";

export interface RoutineRecord {
  id: string;
  type: RoutineRecordType;
  date: string;
  personId: string | null;
  equipmentId: string | null;
  data: Record<string, unknown>;
  flagged: boolean;
  attendeeIds: string[];
  acknowledgements: { userId: string; at: string }[];
  recordedAt: string;
}

export interface NewRoutineRecord {
  id: string;
  date: string;
  personId?: string;
  equipmentId?: string;
  data?: Record<string, unknown>;
  attendeeIds?: string[];
}

export type EquipmentKind =
  | "humidifier_household"
  | "humidifier_builtin"
  | "bath_circulating"
  | "bath_non_circulating";
export interface Equipment {
  id: string;
  kind: EquipmentKind;
  name: string;
  seasonFrom: string | null;
  seasonTo: string | null;
  active: boolean;
}

/** The facility's settings of the schedule and of staff returning to work (GET/PUT /api/routine/settings). */
export interface RoutineSettings {
  committeeEveryMonths: number;
  newHireTrainingDays: number;
  regularTrainingsPerYear: number;
  fiscalYearStartMonth: number;
  guidelineReviewMonths: number;
  healthCheckEveryMonths: number;
  fluVaccineDueMonth: number;
  circulatingBathWaterChangeDays: number;
  retentionYears: number;
  influenzaDaysAfterOnset: number;
  influenzaDaysAfterFever: number;
  giSymptomFreeDays: number;
}

export type EquipmentInput = {
  kind: EquipmentKind;
  name: string;
  seasonFrom: string | null;
  seasonTo: string | null;
  active: boolean;
};

export interface WorkRestriction {
  staffId: string;
  name: string;
  job: string | null;
  reason: "gi_symptoms" | "influenza";
  offDuties: string[];
  lastSymptomOn?: string;
  onsetOn?: string;
  feverResolvedOn?: string | null;
  returnOn: string | null;
}

/** The routine calls of the typed client, on its request function. */
export function createRoutineApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return {
    obligations: (facilityId: string, asOf?: string) =>
      request<{ asOf: string; items: ObligationState[] }>(
        "GET",
        `/api/facilities/${id(facilityId)}/obligations${asOf ? `?${q({ asOf })}` : ""}`,
      ),
    workRestrictions: (facilityId: string) =>
      request<{ asOf: string; restrictions: WorkRestriction[] }>(
        "GET",
        `/api/facilities/${id(facilityId)}/work-restrictions`,
      ),
    records: async (types: RoutineRecordType[], from: string, to: string) =>
      (
        await request<{ records: RoutineRecord[] }>(
          "GET",
          `/api/routine/records?${q({ types: types.join(","), from, to })}`,
        )
      ).records,
    /** Saves a record; the id is made on the device so a resend never adds a second one. */
    create: (type: RoutineRecordType, record: NewRoutineRecord) =>
      request<RoutineRecord>("POST", `/api/routine/records/${type}`, { body: record }),
    /** Changes a record's data (closing an exposure's follow-up); the server checks it like a new one. */
    update: (recordId: string, patch: { data: Record<string, unknown>; attendeeIds?: string[] }) =>
      request<RoutineRecord>("PATCH", `/api/routine/records/${id(recordId)}`, { body: patch }),
    /** Deletes a record; the server refuses (409 `retention`) while it is within the retention period. */
    remove: (recordId: string) =>
      request<{ deleted: true }>("DELETE", `/api/routine/records/${id(recordId)}`),
    settings: async () =>
      (await request<{ settings: RoutineSettings }>("GET", "/api/routine/settings")).settings,
    saveSettings: async (settings: RoutineSettings) =>
      (await request<{ settings: RoutineSettings }>("PUT", "/api/routine/settings", { body: settings }))
        .settings,
    addEquipment: (equipment: EquipmentInput) =>
      request<Equipment>("POST", "/api/routine/equipment", { body: equipment }),
    updateEquipment: (equipmentId: string, patch: Partial<Omit<EquipmentInput, "kind">>) =>
      request<Equipment>("PATCH", `/api/routine/equipment/${id(equipmentId)}`, { body: patch }),
    acknowledge: (recordId: string) =>
      request<{ acknowledged: boolean }>("POST", `/api/routine/records/${id(recordId)}/acknowledgements`),
    equipment: async () =>
      (await request<{ equipment: Equipment[] }>("GET", "/api/routine/equipment")).equipment,
    /** Where the inspection workbook of a record type over a period is downloaded. */
    inspectionWorkbookUrl: (type: RoutineRecordType, from: string, to: string) =>
      `/api/routine/inspection.xlsx?${q({ type, from, to })}`,
  };
}

export type RoutineApi = ReturnType<typeof createRoutineApi>;

import type {
  acknowledgementResponse,
  Equipment,
  EquipmentInput,
  EquipmentPatch,
  equipmentListResponse,
  NewRoutineRecord,
  obligationsResponse,
  RoutineRecord,
  RoutineRecordPatch,
  RecordType as RoutineRecordType,
  RoutineSettings,
  recordDeletedResponse,
  recordListResponse,
  restrictionsResponse,
  settingsResponse,
} from "@mamori/contract/routine";
import type { z } from "zod";
import type { Requester } from "./cre.ts";

// The infection-control routine calls of docs/api.md ("Infection-control routine"): the server computes each
// obligation's state with @mamori/domain/obligations, the same function as `mamori obligations`; the shapes are those
// of @mamori/contract.

export type {
  Equipment,
  EquipmentInput,
  EquipmentKind,
  NewRoutineRecord,
  ObligationState,
  ObligationStatus,
  RecordType as RoutineRecordType,
  RoutineRecord,
  RoutineSettings,
  WorkRestriction,
} from "@mamori/contract/routine";

/** The routine calls of the typed client, on its request function. */
export function createRoutineApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return {
    obligations: (facilityId: string, asOf?: string) =>
      request<z.infer<typeof obligationsResponse>>(
        "GET",
        `/api/facilities/${id(facilityId)}/obligations${asOf ? `?${q({ asOf })}` : ""}`,
      ),
    workRestrictions: (facilityId: string) =>
      request<z.infer<typeof restrictionsResponse>>(
        "GET",
        `/api/facilities/${id(facilityId)}/work-restrictions`,
      ),
    records: async (types: RoutineRecordType[], from: string, to: string) =>
      (
        await request<z.infer<typeof recordListResponse>>(
          "GET",
          `/api/routine/records?${q({ types: types.join(","), from, to })}`,
        )
      ).records,
    /** Saves a record; the id is made on the device so a resend never adds a second one. */
    create: (type: RoutineRecordType, record: NewRoutineRecord) =>
      request<RoutineRecord>("POST", `/api/routine/records/${type}`, { body: record }),
    /** Changes a record's data (closing an exposure's follow-up); the server checks it like a new one. */
    update: (recordId: string, patch: RoutineRecordPatch) =>
      request<RoutineRecord>("PATCH", `/api/routine/records/${id(recordId)}`, { body: patch }),
    /** Deletes a record; the server refuses (409 `retention`) while it is within the retention period. */
    remove: (recordId: string) =>
      request<z.infer<typeof recordDeletedResponse>>("DELETE", `/api/routine/records/${id(recordId)}`),
    settings: async () =>
      (await request<z.infer<typeof settingsResponse>>("GET", "/api/routine/settings")).settings,
    saveSettings: async (settings: RoutineSettings) =>
      (await request<z.infer<typeof settingsResponse>>("PUT", "/api/routine/settings", { body: settings }))
        .settings,
    addEquipment: (equipment: EquipmentInput) =>
      request<Equipment>("POST", "/api/routine/equipment", { body: equipment }),
    updateEquipment: (equipmentId: string, patch: EquipmentPatch) =>
      request<Equipment>("PATCH", `/api/routine/equipment/${id(equipmentId)}`, { body: patch }),
    acknowledge: (recordId: string) =>
      request<z.infer<typeof acknowledgementResponse>>(
        "POST",
        `/api/routine/records/${id(recordId)}/acknowledgements`,
      ),
    equipment: async () =>
      (await request<z.infer<typeof equipmentListResponse>>("GET", "/api/routine/equipment")).equipment,
    /** Where the inspection workbook of a record type over a period is downloaded. */
    inspectionWorkbookUrl: (type: RoutineRecordType, from: string, to: string) =>
      `/api/routine/inspection.xlsx?${q({ type, from, to })}`,
  };
}

export type RoutineApi = ReturnType<typeof createRoutineApi>;

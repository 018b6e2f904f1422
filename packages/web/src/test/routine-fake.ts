import type { RoutineApi } from "../api/routine.ts";

/** Routine calls that fail unless a test gives them. */
export function fakeRoutineApi(calls: Partial<RoutineApi> = {}): RoutineApi {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call routine.${name}`));
  return {
    obligations: unexpected("obligations"),
    workRestrictions: unexpected("workRestrictions"),
    records: unexpected("records"),
    create: unexpected("create"),
    acknowledge: unexpected("acknowledge"),
    equipment: unexpected("equipment"),
    update: unexpected("update"),
    remove: unexpected("remove"),
    settings: unexpected("settings"),
    saveSettings: unexpected("saveSettings"),
    addEquipment: unexpected("addEquipment"),
    updateEquipment: unexpected("updateEquipment"),
    inspectionWorkbookUrl: (type, from, to) =>
      `/api/routine/inspection.xlsx?type=${type}&from=${from}&to=${to}`,
    ...calls,
  };
}

import type { Role } from "../../api/types.ts";

// Who may use the records screens; the server decides again on every call (auth/roles.ts: recordCases, recordBathUse,
// manageFacility).

const CASE_RECORDERS: readonly Role[] = ["nurse", "ic_lead", "director", "physician"];
const BATH_RECORDERS: readonly Role[] = ["care_worker", "nurse", "ic_lead", "director"];
const PROFILE_CHOOSERS: readonly Role[] = ["director", "admin"];

/** May record cases (disease, status, outcomes) and antibiotic courses. */
export const canRecordCases = (role: Role): boolean => CASE_RECORDERS.includes(role);
/** May keep the communal bath sheet. */
export const canRecordBath = (role: Role): boolean => BATH_RECORDERS.includes(role);
/** Has some records screen to use. */
export const canUseRecords = (role: Role): boolean => canRecordCases(role) || canRecordBath(role);
/** May choose the facility's rule profile (reporting criteria). */
export const canChooseProfile = (role: Role): boolean => PROFILE_CHOOSERS.includes(role);

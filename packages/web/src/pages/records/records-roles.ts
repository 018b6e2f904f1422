import { may, type PermissionHolder } from "../../lib/permissions.ts";

// Who may use the records screens (care facilities), from the permissions of @mamori/contract.

/** May record cases (disease, status, outcomes) and antibiotic courses. */
export const canRecordCases = (user: PermissionHolder): boolean => may(user, "recordCases");
/** May keep the communal bath sheet. */
export const canRecordBath = (user: PermissionHolder): boolean => may(user, "recordBathUse");
/** Has some records screen to use. */
export const canUseRecords = (user: PermissionHolder): boolean => canRecordCases(user) || canRecordBath(user);
/** May choose the facility's rule profile (reporting criteria). */
export const canChooseProfile = (user: PermissionHolder): boolean => may(user, "manageFacility");

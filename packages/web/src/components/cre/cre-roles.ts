import type { Role } from "../../api/types.ts";

// Who may do what on the CRE screens; the server decides again on every call (docs/api.md, "CRE stewardship").

const READERS: readonly Role[] = ["physician", "lab_technologist", "ast_member"];

/** May see the hospital's CRE cases. */
export const canReadCre = (role: Role): boolean => READERS.includes(role);
/** Enters and imports isolates and their laboratory tests. */
export const canEnterIsolates = (role: Role): boolean => role === "lab_technologist";
/** Records infection, 表7 severity, dates and the cefiderocol order. */
export const canRecordClinical = (role: Role): boolean => role === "physician";
/** Records a consultation. */
export const canConsult = (role: Role): boolean => role === "physician" || role === "ast_member";
/** Approves or declines a cefiderocol order. */
export const canDecide = (role: Role): boolean => role === "ast_member";
/** Changes the hospital's drug availability. */
export const canManageAvailability = (role: Role): boolean => role === "ast_member" || role === "admin";
/** Roles that work only on CRE stewardship: their home page is the CRE list. */
export const isCreOnlyRole = (role: Role): boolean => role === "lab_technologist" || role === "ast_member";

import { may, type PermissionHolder } from "../../lib/permissions.ts";

// What the CRE screens show (hospitals), from the permissions of @mamori/contract.

/** May see the hospital's CRE cases. */
export const canReadCre = (user: PermissionHolder): boolean => may(user, "readCreCases");
/** Enters and imports isolates and their laboratory tests. */
export const canEnterIsolates = (user: PermissionHolder): boolean => may(user, "enterCreIsolates");
/** Records infection, 表7 severity, dates and the cefiderocol order. */
export const canRecordClinical = (user: PermissionHolder): boolean => may(user, "recordCreClinical");
/** Records a consultation. */
export const canConsult = (user: PermissionHolder): boolean => may(user, "recordCreConsultation");
/** Approves or declines a cefiderocol order. */
export const canDecide = (user: PermissionHolder): boolean => may(user, "decideCefiderocol");
/** Changes the hospital's drug availability. */
export const canManageAvailability = (user: PermissionHolder): boolean => may(user, "manageCreAvailability");
/**
 * Works on CRE stewardship and keeps no daily round (a hospital's laboratory, AST and physicians): the CRE case list
 * is their home.
 */
export const hasCreHome = (user: PermissionHolder): boolean =>
  may(user, "readCreCases") && !may(user, "recordObservations");

import { may, type PermissionHolder } from "./permissions.ts";

// What the routine screens show (care facilities), from the permissions of @mamori/contract.

/** May see what is due in the routine and print its records. */
export const canSeeObligations = (user: PermissionHolder): boolean => may(user, "readObligations");
/** May record humidifier rounds, bath checks, kitchen checks, cleaning and waste hand-overs. */
export const canRecordHygiene = (user: PermissionHolder): boolean => may(user, "recordHygiene");
/** May record staff health (hiring, immunity, health checks, exposures) and vaccinations. */
export const canRecordHealth = (user: PermissionHolder): boolean => may(user, "recordHealthRecords");
/** May record committee meetings and trainings. */
export const canManageRoutine = (user: PermissionHolder): boolean => may(user, "manageRoutine");
/** Sees the routine's link in the header. */
export const canUseRoutine = (user: PermissionHolder): boolean =>
  canSeeObligations(user) || canRecordHygiene(user);

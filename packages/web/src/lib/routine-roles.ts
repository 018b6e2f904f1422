import type { Role } from "../api/types.ts";

// Mirrors the server's permissions (packages/server/src/auth/roles.ts) for what the routine screens show.
const OBLIGATION_READERS: readonly Role[] = ["nurse", "ic_lead", "director", "admin"];
const HYGIENE_RECORDERS: readonly Role[] = ["care_worker", "nurse", "ic_lead", "director"];
const HEALTH_RECORDERS: readonly Role[] = ["nurse", "ic_lead", "director"];
const ROUTINE_MANAGERS: readonly Role[] = ["ic_lead", "director", "admin"];

/** May see what is due in the routine and print its records. */
export const canSeeObligations = (role: Role): boolean => OBLIGATION_READERS.includes(role);
/** May record humidifier rounds, bath checks, kitchen checks, cleaning and waste hand-overs. */
export const canRecordHygiene = (role: Role): boolean => HYGIENE_RECORDERS.includes(role);
/** May record staff health (hiring, immunity, health checks, exposures) and vaccinations. */
export const canRecordHealth = (role: Role): boolean => HEALTH_RECORDERS.includes(role);
/** May record committee meetings and trainings. */
export const canManageRoutine = (role: Role): boolean => ROUTINE_MANAGERS.includes(role);
/** Sees the routine's link in the header. */
export const canUseRoutine = (role: Role): boolean => canSeeObligations(role) || canRecordHygiene(role);

import { may, type PermissionHolder } from "./permissions.ts";

// What the facility screens show, from the permissions of @mamori/contract (sent by /api/auth/me).

export { isOverseer } from "./permissions.ts";
/** May see the facility and its reports (lab technologists and AST members work on hospital records). */
export const canReadFacility = (user: PermissionHolder): boolean => may(user, "readFacility");
/** May see a care facility's people, rounds and records (not a hospital's staff). */
export const canReadCareRecords = (user: PermissionHolder): boolean => may(user, "readCareRecords");
/** May record and correct observations of the daily round (care facilities). */
export const canRecord = (user: PermissionHolder): boolean => may(user, "recordObservations");
/** May add and edit people and import residents. */
export const canEditPeople = (user: PermissionHolder): boolean => may(user, "managePeople");
/** May add units (floors) and rooms. */
export const canEditUnits = (user: PermissionHolder): boolean => may(user, "manageUnits");
/** May change the facility's name, type, time zone, health centre and municipality (others see them). */
export const canManageFacility = (user: PermissionHolder): boolean => may(user, "manageFacility");
/** May list the facility's accounts, create them, change roles and reset passwords. */
export const canManageUsers = (user: PermissionHolder): boolean => may(user, "manageUsers");

/** The first setup page the user may use: the people of a care facility, else the accounts or the facility itself. */
export function setupHome(user: PermissionHolder): string | null {
  if (canEditPeople(user)) return "/setup/people";
  if (canManageUsers(user)) return "/setup/accounts";
  if (canManageFacility(user)) return "/setup/facility";
  return null;
}

import { may, type PermissionHolder } from "./permissions.ts";

// What the facility screens show, from the permissions of @mamori/contract (sent by /api/auth/me).

export { isOverseer } from "./permissions.ts";
/** May see the facility, its people and its rounds (lab technologists and AST members work on hospital records). */
export const canReadFacility = (user: PermissionHolder): boolean => may(user, "readFacility");
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

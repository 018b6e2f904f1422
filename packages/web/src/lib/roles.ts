import type { Role } from "../api/types.ts";

// Who may do what on screen; the server decides again on every call (docs/api.md, "who" columns).

const OVERSEERS: readonly Role[] = ["health_centre_officer", "municipal_officer", "secretariat"];
const FACILITY_READERS: readonly Role[] = [
  "care_worker",
  "nurse",
  "ic_lead",
  "director",
  "physician",
  "admin",
];
const RECORDERS: readonly Role[] = ["care_worker", "nurse", "ic_lead", "director", "physician"];
const PEOPLE_EDITORS: readonly Role[] = ["nurse", "ic_lead", "director", "admin"];
const UNIT_EDITORS: readonly Role[] = ["ic_lead", "director", "admin"];
const FACILITY_MANAGERS: readonly Role[] = ["director", "admin"];
const USER_MANAGERS: readonly Role[] = ["admin"];

/** Health-centre, municipal and secretariat users see only what facilities submit to them. */
export const isOverseer = (role: Role): boolean => OVERSEERS.includes(role);
/** May see the facility, its people and its rounds (lab technologists and AST members work on hospital records). */
export const canReadFacility = (role: Role): boolean => FACILITY_READERS.includes(role);
/** May record and correct observations of the daily round. */
export const canRecord = (role: Role): boolean => RECORDERS.includes(role);
/** May add and edit people and import residents. */
export const canEditPeople = (role: Role): boolean => PEOPLE_EDITORS.includes(role);
/** May add units (floors) and rooms. */
export const canEditUnits = (role: Role): boolean => UNIT_EDITORS.includes(role);
/** May change the facility's name, type, time zone, health centre and municipality (others see them). */
export const canManageFacility = (role: Role): boolean => FACILITY_MANAGERS.includes(role);
/** May list the facility's accounts, create them, change roles and reset passwords. */
export const canManageUsers = (role: Role): boolean => USER_MANAGERS.includes(role);

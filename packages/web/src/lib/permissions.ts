import type { Permission } from "@mamori/contract/permissions";
import type { User } from "../api/types.ts";

/** The part of the signed-in user that says what they may do (sent by `/api/auth/me`). */
export type PermissionHolder = Pick<User, "permissions">;

/** Whether the server lists `permission` for the user; the server decides again on every call. */
export const may = (user: PermissionHolder, permission: Permission): boolean =>
  user.permissions?.includes(permission) ?? false;

/** The organisation kinds that oversee facilities and see only what facilities submit to them. */
type Overseen = Pick<User, "organisation">;

/** Health-centre, municipal and secretariat users see only what facilities submit to them. */
export const isOverseer = (user: Overseen): boolean => user.organisation.kind !== "facility";
/** Officers of a health centre or a municipality: their home is the inbox of reports. */
export const isOfficer = (user: Overseen): boolean =>
  user.organisation.kind === "health_centre" || user.organisation.kind === "municipality";

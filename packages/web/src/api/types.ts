import type { UserResponse } from "@mamori/contract/auth";
import type { FieldError as ContractFieldError, FieldErrorCode } from "@mamori/contract/errors";
import type { Role } from "@mamori/contract/permissions";

// The API's shapes come from @mamori/contract; this module only re-exports them for the screens.

export { ROLES, type Role } from "@mamori/contract/permissions";

/** The signed-in user as `/api/auth/me` answers it, with the role and what they may do (`permissions`). */
export type User = Omit<UserResponse, "role" | "secondFactor" | "stage"> & {
  role: Role;
  /** Whether the user has a second factor (an authenticator app), and whether their role and organisation require one. */
  secondFactor?: UserResponse["secondFactor"];
  /** How far sign-in has come; the server always sends it; left out, sign-in is complete. */
  stage?: UserResponse["stage"];
};
export type Organisation = User["organisation"];

export type { Facility, Room, Unit } from "@mamori/contract/facility";
export type {
  NewObservation,
  Observation,
  ObservationCorrection,
  Revision,
  Round,
  RoundPerson,
  SaveResult,
} from "@mamori/contract/observations";
export type { Person, PersonInput, PersonPatch } from "@mamori/contract/people";

/**
 * A field at fault (@mamori/contract/errors): the server always sends a `code` the screens translate, with its
 * `params`; checks made on the device before sending may leave it out.
 */
export type FieldError = Omit<ContractFieldError, "code"> & { code?: FieldErrorCode };

import type { UserResponse } from "@mamori/contract/auth";
import type { FieldError as ContractFieldError, FieldErrorCode } from "@mamori/contract/errors";
import type { Role } from "@mamori/contract/permissions";
import type { PersonKind, StaffJob, SymptomCode, TemperatureClass } from "@mamori/domain/surveillance";

// Shapes of the Mamori HTTP API, as written in docs/api.md; the signed-in user comes from @mamori/contract.

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

export interface Room {
  id: string;
  name: string;
}

export interface Unit {
  id: string;
  name: string;
  /** Free text as the facility writes it, e.g. "1F". */
  floor: string;
  rooms: Room[];
}

export interface Facility {
  id: string;
  name: string;
  type: string;
  timeZone: string;
  ruleProfile: string;
  /** 都道府県 (where the survey secretariat counts the facility's responses). */
  prefecture?: string | null;
  healthCentre: { id: string; name: string } | null;
  municipality: { id: string; name: string } | null;
  units: Unit[];
}

export interface Person {
  id: string;
  name: string;
  nameKana: string | null;
  kind: PersonKind;
  job: StaffJob | null;
  unit: string | null;
  unitId: string | null;
  room: string | null;
  roomId: string | null;
  baselineTempC: number | null;
  /** Optional (YYYY-MM-DD); the server refuses records about the person dated before it. */
  birthDate?: string | null;
  active: boolean;
}

export interface PersonInput {
  name: string;
  nameKana?: string | null;
  kind: PersonKind;
  job?: StaffJob | null;
  unitId?: string | null;
  roomId?: string | null;
  baselineTempC?: number | null;
  birthDate?: string | null;
}

export type PersonPatch = Partial<PersonInput> & { active?: boolean };

export interface Observation {
  id: string;
  personId: string;
  at: string;
  day: string;
  tempC: number | null;
  symptoms: SymptomCode[];
  note: string | null;
  temperatureClass: TemperatureClass | null;
  version: number;
  recordedBy: string | null;
}

/** One entry of `POST /api/observations`; the id is made on the device so a resend never duplicates. */
export interface NewObservation {
  id: string;
  personId: string;
  at: string;
  tempC?: number;
  symptoms: SymptomCode[];
  note?: string;
}

export interface ObservationCorrection {
  tempC?: number | null;
  symptoms: SymptomCode[];
  note?: string | null;
  reason?: string;
}

export interface Revision {
  version: number;
  changedAt: string;
  changedBy: string | null;
  tempC: number | null;
  symptoms: SymptomCode[];
  note: string | null;
  reason: string | null;
}

export interface RoundPerson {
  id: string;
  name: string;
  kind: PersonKind;
  room: string | null;
  baselineTempC: number | null;
  observations: Observation[];
}

export interface Round {
  date: string;
  unit: { id: string; name: string; floor: string };
  people: RoundPerson[];
}

export interface SaveResult {
  saved: number;
  duplicates: number;
}

/**
 * A field at fault (@mamori/contract/errors): the server always sends a `code` the screens translate, with its
 * `params`; checks made on the device before sending may leave it out.
 */
export type FieldError = Omit<ContractFieldError, "code"> & { code?: FieldErrorCode };

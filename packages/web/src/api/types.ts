import type { PersonKind, StaffJob, SymptomCode, TemperatureClass } from "@mamori/domain/surveillance";

// Shapes of the Mamori HTTP API, as written in docs/api.md.

export const ROLES = [
  "care_worker",
  "nurse",
  "ic_lead",
  "director",
  "physician",
  "lab_technologist",
  "ast_member",
  "health_centre_officer",
  "municipal_officer",
  "secretariat",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export interface Organisation {
  id: string;
  name: string;
  kind: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisation: Organisation;
  /** Whether the user has a second factor (an authenticator app), and whether their role and organisation require one. */
  secondFactor?: { enabled: boolean; required: boolean };
  /**
   * How far sign-in has come: `complete`; `second_factor` (the app's code is next); `enrolment` (the user must set up a
   * second factor before anything else). The server always sends both; left out, sign-in is complete.
   */
  stage?: "complete" | "second_factor" | "enrolment";
  /** What the user may do with reports, the inbox, the region view and report forms, as the server decides it. */
  abilities?: Partial<
    Record<
      "draftReports" | "readReports" | "inbox" | "overview" | "region" | "shareCounts" | "reportTemplate",
      boolean
    >
  >;
}

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

export interface FieldError {
  path: string;
  message: string;
  /** A stable code the screens translate (`wrong_password`, `too_long` …), where the server gives one. */
  code?: string;
  /** The code's parameters (`{max: 20000}`, `{names: […]}`), where the server gives them. */
  params?: Record<string, unknown>;
}

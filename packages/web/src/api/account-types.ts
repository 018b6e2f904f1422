import type { Role } from "./types.ts";

// Shapes of the facility settings and accounts calls (packages/server/src/routes/facility/schema.ts and
// packages/server/src/routes/users/schema.ts; docs/api.md).

/** The kinds of facility the server knows; a hospital also gets the CRE stewardship pages. */
export const FACILITY_TYPES = ["elderly_care", "childcare", "disability", "hospital"] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** `PATCH /api/facility`: any of these; the health centre and municipality by the ids of `GET /api/facility/overseers`. */
export interface FacilityPatch {
  name?: string;
  type?: FacilityType;
  timeZone?: string;
  ruleProfile?: string;
  healthCentreId?: string;
  municipalityId?: string;
  /** 都道府県, or null to clear. */
  prefecture?: string | null;
}

export interface Overseer {
  id: string;
  name: string;
}

/** `GET /api/facility/overseers`: the health centres and municipalities a facility may report to. */
export interface Overseers {
  healthCentres: Overseer[];
  municipalities: Overseer[];
}

/**
 * Roles a facility's administrator may give (FACILITY_ROLES of the server): health-centre, municipal and secretariat
 * accounts belong to their own organisations.
 */
export const FACILITY_ROLES = [
  "care_worker",
  "nurse",
  "ic_lead",
  "director",
  "physician",
  "lab_technologist",
  "ast_member",
  "admin",
] as const satisfies readonly Role[];
export type FacilityRole = (typeof FACILITY_ROLES)[number];

/** An account of the facility as `GET /api/users` lists it; never its password. */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Whether the account signs in with a second factor. */
  secondFactorEnabled?: boolean;
}

/** `POST /api/users`: username 3–60 of a–z 0–9 . _ - (starting with a letter or digit), password 10–200 characters. */
export interface AccountInput {
  username: string;
  displayName: string;
  role: FacilityRole;
  password: string;
}

/** `PATCH /api/users/:id`: a new role or password ends that user's open sessions. */
export type AccountPatch = Partial<Omit<AccountInput, "username">>;

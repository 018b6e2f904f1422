/**
 * Roles and what each may do, by the kind of organisation the user belongs to. Facility roles act on their own
 * facility's records; overseer roles see only what facilities submit to them (nothing of a facility's people or rounds).
 * The one table both sides read: the server's guards and policies, and the web for what it shows (`permissionsOf`, sent
 * by `/api/auth/me` as `permissions`).
 */
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

export const ORGANISATION_KINDS = ["facility", "health_centre", "municipality", "secretariat"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const FACILITY_TYPES = ["elderly_care", "childcare", "disability", "hospital"] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/**
 * Where a permission applies: any `facility`; a `care_facility` (a facility that is not a hospital: the care home's
 * daily round, records, outbreaks and hygiene routine); a `hospital` (CRE stewardship and the cefiderocol survey); the
 * survey `secretariat`.
 */
export type Place = "facility" | "care_facility" | "hospital" | "secretariat";

export const PERMISSIONS = {
  /** See the facility: its settings, units and overseers, and the reports it sent. */
  readFacility: {
    roles: ["care_worker", "nurse", "ic_lead", "director", "physician", "admin"],
    where: "facility",
  },
  /**
   * See a care facility's people and what is recorded of them: the daily rounds, alerts and surveillance, cases,
   * antibiotic courses, bath uses, outbreak episodes, the outbreak forms and the hygiene routine. Not a hospital's: its
   * staff work on CRE stewardship.
   */
  readCareRecords: {
    roles: ["care_worker", "nurse", "ic_lead", "director", "physician", "admin"],
    where: "care_facility",
  },
  /** Record and correct observations in the daily round. */
  recordObservations: {
    roles: ["care_worker", "nurse", "ic_lead", "director", "physician"],
    where: "care_facility",
  },
  /** Record cases (suspected or confirmed disease, outcomes) and antibiotic courses. */
  recordCases: { roles: ["nurse", "ic_lead", "director", "physician"], where: "care_facility" },
  /** Open outbreak episodes, link their cases and record the measures taken. */
  recordEpisodes: { roles: ["nurse", "ic_lead", "director", "physician"], where: "care_facility" },
  /** Close an outbreak episode with the committee's decision, and reopen it (manual p.56: the committee decides). */
  closeEpisodes: { roles: ["ic_lead", "director"], where: "care_facility" },
  /** Record who used the communal bath. */
  recordBathUse: { roles: ["care_worker", "nurse", "ic_lead", "director"], where: "care_facility" },
  /** Add and edit people, units and rooms; import residents. */
  managePeople: { roles: ["nurse", "ic_lead", "director", "admin"], where: "care_facility" },
  manageUnits: { roles: ["ic_lead", "director", "admin"], where: "care_facility" },
  manageFacility: { roles: ["director", "admin"], where: "facility" },
  /** Create accounts for the facility's staff and reset their passwords. */
  manageUsers: { roles: ["admin"], where: "facility" },
  /** CRE stewardship (hospitals): see the CRE cases with their evaluation and advice. */
  readCreCases: { roles: ["physician", "lab_technologist", "ast_member"], where: "hospital" },
  /** Enter and import isolates and their laboratory tests. */
  enterCreIsolates: { roles: ["lab_technologist"], where: "hospital" },
  /** Record the infection, severity (表7), diagnosis and notification dates, and the cefiderocol order. */
  recordCreClinical: { roles: ["physician"], where: "hospital" },
  /** Record a consultation with the AST or an infectious-disease physician. */
  recordCreConsultation: { roles: ["physician", "ast_member"], where: "hospital" },
  /** Approve or decline a cefiderocol order. */
  decideCefiderocol: { roles: ["ast_member"], where: "hospital" },
  /** Record the routine hygiene logs: humidifier rounds, bath checks, kitchen checks, cleaning rounds, waste hand-overs. */
  recordHygiene: { roles: ["care_worker", "nurse", "ic_lead", "director"], where: "care_facility" },
  /** Record staff health (hiring, immunity, health checks, vaccinations, exposures) and residents' vaccinations. */
  recordHealthRecords: { roles: ["nurse", "ic_lead", "director"], where: "care_facility" },
  /** Committee meetings, guideline versions, trainings, equipment and the routine's settings; see what is due. */
  manageRoutine: { roles: ["ic_lead", "director", "admin"], where: "care_facility" },
  /** See what is due in the routine and its evidence. */
  readObligations: { roles: ["nurse", "ic_lead", "director", "admin"], where: "care_facility" },
  readCreAvailability: { roles: ["physician", "lab_technologist", "ast_member", "admin"], where: "hospital" },
  /** The hospital's drug availability used by the CRE advice. */
  manageCreAvailability: { roles: ["ast_member", "admin"], where: "hospital" },
  /** Answer the national cefiderocol survey for the hospital's CRE cases (MHLW 事務連絡 2024-01-25 記3). */
  answerSurvey: { roles: ["physician"], where: "hospital" },
  /** Answer the survey's laboratory items (参考2 別添, 設問18～21) handed over by the physician. */
  answerSurveyLab: { roles: ["lab_technologist"], where: "hospital" },
  /** The survey secretariat: de-identified counts and exports across every response. */
  readSurveyAggregates: { roles: ["secretariat"], where: "secretariat" },
  /** The survey secretariat: key in paper responses with double entry. */
  keySurveyPaper: { roles: ["secretariat"], where: "secretariat" },
} as const satisfies Record<string, { roles: readonly Role[]; where: Place }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/** Whether the role may do `permission`, wherever it applies (the guards check the organisation's kind besides). */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/** The signed-in user as far as permissions go: the role and the organisation's kind and facility type. */
export type PermissionSubject = {
  role: Role;
  organisation: { kind: string; facilityType?: string | null };
};

/** Whether the organisation is a place where permissions of `where` apply. */
export function appliesAt(where: Place, organisation: PermissionSubject["organisation"]): boolean {
  if (where === "secretariat") return organisation.kind === "secretariat";
  if (organisation.kind !== "facility") return false;
  if (where === "hospital") return organisation.facilityType === "hospital";
  if (where === "care_facility") return organisation.facilityType !== "hospital";
  return true;
}

/** Whether the user may do `permission`: their role is listed and their organisation is of the right kind. */
export function allows(subject: PermissionSubject, permission: Permission): boolean {
  return can(subject.role, permission) && appliesAt(PERMISSIONS[permission].where, subject.organisation);
}

/** Everything the user may do, in the table's order: what `/api/auth/me` sends as `permissions`. */
export function permissionsOf(subject: PermissionSubject): Permission[] {
  return PERMISSION_NAMES.filter((permission) => allows(subject, permission));
}

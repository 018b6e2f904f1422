/**
 * Roles and what each may do. Facility roles act on their own facility's records; overseer roles see only what
 * facilities submit to them (nothing of a facility's people or rounds).
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

export const PERMISSIONS = {
  /** See the facility, its people and its rounds. */
  readFacility: ["care_worker", "nurse", "ic_lead", "director", "physician", "admin"],
  /** Record and correct observations in the daily round. */
  recordObservations: ["care_worker", "nurse", "ic_lead", "director", "physician"],
  /** Record cases (suspected or confirmed disease, outcomes) and antibiotic courses. */
  recordCases: ["nurse", "ic_lead", "director", "physician"],
  /** Open outbreak episodes, link their cases and record the measures taken. */
  recordEpisodes: ["nurse", "ic_lead", "director", "physician"],
  /** Close an outbreak episode with the committee's decision, and reopen it (manual p.56: the committee decides). */
  closeEpisodes: ["ic_lead", "director"],
  /** Record who used the communal bath. */
  recordBathUse: ["care_worker", "nurse", "ic_lead", "director"],
  /** Add and edit people, units and rooms; import residents. */
  managePeople: ["nurse", "ic_lead", "director", "admin"],
  manageUnits: ["ic_lead", "director", "admin"],
  manageFacility: ["director", "admin"],
  /** Create accounts for the facility's staff and reset their passwords. */
  manageUsers: ["admin"],
  /** CRE stewardship (hospitals): see the CRE cases with their evaluation and advice. */
  readCreCases: ["physician", "lab_technologist", "ast_member"],
  /** Enter and import isolates and their laboratory tests. */
  enterCreIsolates: ["lab_technologist"],
  /** Record the infection, severity (表7), diagnosis and notification dates, and the cefiderocol order. */
  recordCreClinical: ["physician"],
  /** Record a consultation with the AST or an infectious-disease physician. */
  recordCreConsultation: ["physician", "ast_member"],
  /** Approve or decline a cefiderocol order. */
  decideCefiderocol: ["ast_member"],
  /** Record the routine hygiene logs: humidifier rounds, bath checks, kitchen checks, cleaning rounds, waste hand-overs. */
  recordHygiene: ["care_worker", "nurse", "ic_lead", "director"],
  /** Record staff health (hiring, immunity, health checks, vaccinations, exposures) and residents' vaccinations. */
  recordHealthRecords: ["nurse", "ic_lead", "director"],
  /** Committee meetings, guideline versions, trainings, equipment and the routine's settings; see what is due. */
  manageRoutine: ["ic_lead", "director", "admin"],
  /** See what is due in the routine and its evidence. */
  readObligations: ["nurse", "ic_lead", "director", "admin"],
  readCreAvailability: ["physician", "lab_technologist", "ast_member", "admin"],
  /** The hospital's drug availability used by the CRE advice. */
  manageCreAvailability: ["ast_member", "admin"],
  /** Answer the national cefiderocol survey for the hospital's CRE cases (MHLW 事務連絡 2024-01-25 記3). */
  answerSurvey: ["physician"],
  /** Answer the survey's laboratory items (参考2 別添, 設問18～21) handed over by the physician. */
  answerSurveyLab: ["lab_technologist"],
  /** The survey secretariat: de-identified counts and exports across every response. */
  readSurveyAggregates: ["secretariat"],
  /** The survey secretariat: key in paper responses with double entry. */
  keySurveyPaper: ["secretariat"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

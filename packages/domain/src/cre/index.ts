/**
 * CRE stewardship rules (cre-stewardship.md): MIC intervals and breakpoint tables, Enterobacterales membership, the
 * notification criteria, CPE screening and carbapenemase work-up, severity (表7), treatment advice, the cefiderocol
 * check and the national survey — pure functions over a validated case.
 */
export {
  type AdviseOptions,
  adviseCre,
  type CreAdvice,
  type CreEvaluation,
  evaluateCre,
  renderAdvice,
} from "./advise.ts";
export {
  BREAKPOINT_TABLES,
  CLSI_M100_ED35,
  EUCAST_V15,
  editionsOf,
  findBreakpointTable,
} from "./breakpoints/tables.ts";
export type { BreakpointRow, BreakpointScope, BreakpointTable, StandardBody } from "./breakpoints/types.ts";
export {
  type CarbapenemaseInput,
  classifyMechanism,
  type EcimResult,
  findImmunochromatographyKit,
  interpretEcim,
  interpretMcim,
  type McimResult,
  type MechanismAssessment,
  type MechanismNote,
} from "./carbapenemase.ts";
export { ECIM_MBL_INCREASE_MM, IMMUNOCHROMATOGRAPHY_KITS, MCIM_CUTOFFS } from "./carbapenemase-data.ts";
export {
  CEFIDEROCOL_REASON_CODES,
  type CefiderocolCheck,
  type CefiderocolReason,
  type CefiderocolReasonCode,
  checkCefiderocol,
} from "./cefiderocol.ts";
export * from "./codes.ts";
export {
  aloneAllowedAtSite,
  type CombinationCandidate,
  type CombinationPair,
  type EligibleDrug,
  type SiteCombinations,
  siteCombinations,
} from "./combinations.ts";
export { type CreCheck, type CreClassification, classifyCre } from "./cre-criteria.ts";
export {
  CRE_DRUG_KEYS,
  CRE_DRUGS,
  type CreDrug,
  type CreDrugClass,
  type CreDrugKey,
  creDrugList,
  defaultCreAvailability,
  isCreDrugKey,
} from "./drugs.ts";
export { comparisonText, creEvidenceText, screenReasonText } from "./evidence-text.ts";
export {
  type Bilingual,
  CRE_MESSAGES,
  type CreMessageKind,
  creDrugName,
  creText,
  DOSE_BASIS,
  doseText,
  type Lang,
} from "./messages.ts";
export {
  formatMic,
  MIC_MAX_MG_L,
  MIC_MIN_MG_L,
  type MicInterval,
  type MicQualifier,
  micAbove,
  micAtLeast,
  micAtMost,
  micProblem,
  onDilutionScale,
  parseMic,
} from "./mic.ts";
export {
  assessNotification,
  type NotificationAssessment,
  type NotificationReason,
  notificationDueDate,
} from "./notification.ts";
export {
  DEFAULT_NOTIFICATION_CRITERIA_ID,
  NOTIFICATION_CRITERIA,
  type NotificationCriteriaVersion,
  notificationCriteria,
} from "./notification-criteria.ts";
export {
  ORGAN_TABLE_GUIDE_3RD,
  ORGAN_TABLE_ROWS,
  ORGAN_TABLE_SITES,
  type OrganMark,
  type OrganTable,
  type OrganTableRow,
  type OrganTableSite,
  organMark,
  organRowOf,
} from "./organ-table.ts";
export {
  isEnterobacterales,
  nearestOrganismNames,
  organismPickerList,
  type ResolvedOrganism,
  resolveOrganism,
  type UnknownOrganism,
} from "./organisms.ts";
export { ENTEROBACTERALES_GENERA, ORGANISM_PICKER, type OrganismEntry } from "./organisms-data.ts";
export {
  availabilityListSchema,
  availabilityObjectSchema,
  type CreCase,
  type CreCaseInput,
  type CreIsolate,
  type CreIsolateInput,
  carbapenemaseSchema,
  creCaseSchema,
  creIsolateSchema,
  formatFirstIssue,
  infectionSchema,
  micStringSchema,
  organismNameSchema,
  parseAvailability,
  severityInputSchema,
  standardSchema,
  ZONE_MAX_MM,
  ZONE_MIN_MM,
} from "./schema.ts";
export { CPE_SCREEN, type CpeScreen, screenCpe } from "./screening.ts";
export {
  assessSeverity,
  type SeverityAssessment,
  type SeverityDomains,
  severityDomainsFromChecklist,
} from "./severity.ts";
export {
  SEVERITY_TABLE_7,
  type SeverityChecklistItem,
  type SeverityDomainDefinition,
} from "./severity-data.ts";
export * from "./source-text.ts";
export { type SurveyLabPrefill, surveyLabPrefill, surveyRequired } from "./survey.ts";
export {
  interpretSusceptibility,
  isActive,
  type SirCategory,
  type SusceptibilityResult,
} from "./susceptibility.ts";
export { adviseTreatment, type TreatmentContext, treatmentPhase } from "./treatment.ts";
export * from "./treatment-types.ts";
export { type Tri, triAnd, triNot, triOr } from "./tri.ts";

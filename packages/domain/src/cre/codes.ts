/** Code lists shared by the case schema, the rules and the display texts (`contracts/cre-advise.md`). */

export const INFECTION_SITES = [
  "urinary",
  "lung",
  "intra_abdominal",
  "bloodstream",
  "skin_soft_tissue",
  "other",
] as const;
export type InfectionSite = (typeof INFECTION_SITES)[number];

export const URINARY_TYPES = ["cystitis", "upper_uti"] as const;
export type UrinaryType = (typeof URINARY_TYPES)[number];

/** Carbapenemase families named by immunochromatography kits and PCR panels (cre-reference.md §3.5). */
export const CARBAPENEMASE_ENZYMES = ["KPC", "OXA48", "VIM", "IMP", "NDM"] as const;
export type CarbapenemaseEnzyme = (typeof CARBAPENEMASE_ENZYMES)[number];

/** Metallo-β-lactamases among them (cre-reference.md §3.6). */
export const MBL_ENZYMES: readonly CarbapenemaseEnzyme[] = ["IMP", "NDM", "VIM"];

export const CARBA_NP_RESULTS = ["positive", "negative", "invalid"] as const;
export type CarbaNpResult = (typeof CARBA_NP_RESULTS)[number];

export const MECHANISM_CATEGORIES = [
  "MBL",
  "KPC",
  "OXA48",
  "CPE_SERINE_UNTYPED",
  "CPE_UNTYPED",
  "NON_CP",
  "UNRESOLVED",
  "NOT_TESTED",
] as const;
export type MechanismCategory = (typeof MECHANISM_CATEGORIES)[number];

/** Tests of the guide's laboratory path (図1 as told in 微生物学的診断). */
export const CARBAPENEMASE_TESTS = ["mCIM", "eCIM", "carbaNP", "immunochromatography", "pcr"] as const;
export type CarbapenemaseTest = (typeof CARBAPENEMASE_TESTS)[number];

export const SEVERITY_DOMAINS = [
  "hemodynamicallyStable",
  "noImmunodeficiencyOrStable",
  "sourceControlled",
] as const;
export type SeverityDomain = (typeof SEVERITY_DOMAINS)[number];

export const SEVERITY_CATEGORIES = ["severe", "non_severe", "not_applicable"] as const;
export type SeverityCategory = (typeof SEVERITY_CATEGORIES)[number];

export const CRE_CRITERIA = [
  "meropenem_mic_ge_2",
  "meropenem_zone_le_22",
  "imipenem_and_cefmetazole",
] as const;
export type CreCriterion = (typeof CRE_CRITERIA)[number];

export const OPTION_ROLES = ["monotherapy", "combination", "step_down"] as const;
export type OptionRole = (typeof OPTION_ROLES)[number];

export const CEFIDEROCOL_VERDICTS = [
  "appropriate",
  "pending_consultation",
  "questionable",
  "inappropriate",
  "not_ordered",
] as const;
export type CefiderocolVerdict = (typeof CEFIDEROCOL_VERDICTS)[number];

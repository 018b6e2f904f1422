import type { OptionRole } from "./codes.ts";
import type { CreDrugKey } from "./drugs.ts";
import type { OrganMark } from "./organ-table.ts";

/** Why an option is offered; each code has a rationale text (messages.ts) and a source passage. */
export const OPTION_CODES = [
  "NON_BETA_LACTAM_MONOTHERAPY",
  "NON_BETA_LACTAM_STEP_DOWN",
  "LEGACY_MONOTHERAPY",
  "LEGACY_STEP_DOWN",
  "MEROPENEM_EXTENDED_INFUSION",
  "MBL_CEFIDEROCOL",
  "MBL_CEFTAZIDIME_AVIBACTAM_AZTREONAM",
  "SERINE_CPE_NEW_BETA_LACTAM",
  "LEGACY_COMBINATION",
  "SINGLE_ELIGIBLE_DRUG",
  "NON_CP_LAST_RESORT",
] as const;
export type OptionCode = (typeof OPTION_CODES)[number];

export const CAUTION_CODES = [
  "NOT_ENTEROBACTERALES",
  "NOT_CRE",
  "CRE_UNDECIDED",
  "MECHANISM_PENDING",
  "STEALTH_CPE",
  "UNDECIDED_SUSCEPTIBILITY",
  "SUSCEPTIBILITY_NOT_CONFIRMED",
  "NOT_AVAILABLE",
  "EXCLUDED_AT_SITE",
  "TRIANGLE_NOT_ALONE",
  "NO_AMINOGLYCOSIDE_WITH_COLISTIN",
  "TIGECYCLINE_DOUBLE_DOSE_MONOTHERAPY",
  "MEROPENEM_PARTNER_UNDECIDED",
  "SITE_NOT_IN_ORGAN_TABLE",
  "COMBINATION_NOT_POSSIBLE",
  "STEP_DOWN_WHEN_STABLE",
  "FOREIGN_DOSES",
  "CEFIDEROCOL_RESERVED_FOR_MBL",
  "IMIPENEM_RELEBACTAM_NOT_FOR_OXA48",
  "CEFTAZIDIME_AVIBACTAM_AZTREONAM_TOGETHER",
  "OUTSIDE_JAPANESE_GUIDE",
  "CONSULT_BEFORE_CEFIDEROCOL",
  "CEFIDEROCOL_OUTSIDE_NOTICE",
  "BRACKETED_BREAKPOINT",
  "NO_OPTION",
] as const;
export type CautionCode = (typeof CAUTION_CODES)[number];

/** Dose texts of 表6 and the labels, keyed by drug or by a drug's regimen variant. */
export const DOSE_KEYS = [
  "levofloxacin",
  "ciprofloxacin",
  "trimethoprim_sulfamethoxazole",
  "amikacin",
  "gentamicin",
  "tobramycin",
  "colistin",
  "tigecycline",
  "tigecycline_monotherapy",
  "fosfomycin",
  "meropenem_cystitis",
  "meropenem_extended_infusion",
  "meropenem_partner",
  "imipenem_relebactam",
  "ceftazidime_avibactam",
  "aztreonam_with_ceftazidime_avibactam",
  "cefiderocol",
] as const;
export type DoseKey = (typeof DOSE_KEYS)[number];

export type TreatmentOption = {
  code: OptionCode;
  drugs: CreDrugKey[];
  role: OptionRole;
  preferred: boolean;
  doses: DoseKey[];
  /** Organ-table marks of the drugs at the site, for combinations and legacy drugs. */
  marks: OrganMark[] | null;
  source: string;
};

export type Caution = { code: CautionCode; drugs: CreDrugKey[]; source: string };

export type TreatmentPhase = "low_acuity" | "acute_severe" | "step_down";

export type TreatmentAdvice = { phase: TreatmentPhase; options: TreatmentOption[]; cautions: Caution[] };

import type { CarbapenemaseEnzyme } from "./codes.ts";

/**
 * Cut-offs of the phenotypic carbapenemase tests, CLSI M100 (Table 3C), as restated in cre-reference.md §3.2–3.3
 * (S10, S11; pinpoint-colony rules [R] from M100). Zones in mm around a 10 µg meropenem disk.
 */
export const MCIM_CUTOFFS = {
  /** 6–15 mm: carbapenemase positive. */
  positiveMaxMm: 15,
  /** 16–18 mm: indeterminate, or positive with pinpoint colonies in the zone. */
  indeterminateMaxMm: 18,
  /** ≥ 19 mm clear: negative; ≥ 19 mm with pinpoint colonies: indeterminate. */
  negativeMinMm: 19,
} as const;

/** eCIM: the eCIM zone at least this many mm larger than the mCIM zone means MBL (≤ 4 mm larger: not MBL). */
export const ECIM_MBL_INCREASE_MM = 5;

/** Immunochromatography kits and the enzyme families they detect (cre-reference.md §3.5). */
export type ImmunochromatographyKit = {
  id: string;
  /** Spellings laboratories use, compared without case, spaces or punctuation. */
  aliases: string[];
  targets: CarbapenemaseEnzyme[];
  source: string;
};

export const IMMUNOCHROMATOGRAPHY_KITS: readonly ImmunochromatographyKit[] = [
  {
    id: "NG-Test CARBA 5",
    aliases: ["NG-Test CARBA 5", "NG Test Carba5", "CARBA 5", "CARBA5"],
    targets: ["KPC", "OXA48", "VIM", "IMP", "NDM"],
    source: "NG Biotech; cre-reference.md §3.5 (S9) [S]",
  },
  {
    id: "RESIST-5 O.O.K.N.V.",
    aliases: ["RESIST-5 O.O.K.N.V.", "RESIST-5 OOKNV", "OOKNV", "RESIST-5"],
    targets: ["OXA48", "KPC", "NDM", "VIM"],
    source: "Coris BioConcept; cre-reference.md §3.5 [R] (no IMP)",
  },
];

/** PCR panels are taken to cover the five families of the case file (KPC, OXA-48-like, VIM, IMP, NDM). */
export const PCR_TARGETS: readonly CarbapenemaseEnzyme[] = ["KPC", "OXA48", "VIM", "IMP", "NDM"];

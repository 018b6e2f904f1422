import {
  ECIM_MBL_INCREASE_MM,
  IMMUNOCHROMATOGRAPHY_KITS,
  type ImmunochromatographyKit,
  MCIM_CUTOFFS,
} from "./carbapenemase-data.ts";
import {
  CARBAPENEMASE_ENZYMES,
  type CarbaNpResult,
  type CarbapenemaseEnzyme,
  type CarbapenemaseTest,
  MBL_ENZYMES,
  type MechanismCategory,
} from "./codes.ts";
import type { Tri } from "./tri.ts";

export type McimResult = "positive" | "negative" | "indeterminate";
export type EcimResult = "mbl_positive" | "mbl_negative" | "not_interpreted";

/**
 * Reads a modified carbapenem inactivation method (mCIM) zone: 6–15 mm positive; 16–18 mm positive with pinpoint
 * colonies inside the zone, otherwise indeterminate; ≥ 19 mm clear negative; ≥ 19 mm with pinpoint colonies
 * indeterminate.
 *
 * Source: CLSI M100 Table 3C (mCIM), restated in cre-reference.md §3.2 (S11; pinpoint rules [R]). Units: mm.
 * @example interpretMcim({ zoneMm: 17, pinpointColonies: true }) // "positive"
 */
export function interpretMcim(mcim: { zoneMm: number; pinpointColonies: boolean }): McimResult {
  if (mcim.zoneMm <= MCIM_CUTOFFS.positiveMaxMm) return "positive";
  if (mcim.zoneMm <= MCIM_CUTOFFS.indeterminateMaxMm)
    return mcim.pinpointColonies ? "positive" : "indeterminate";
  return mcim.pinpointColonies ? "indeterminate" : "negative";
}

/**
 * Reads the EDTA-modified CIM (eCIM) against its mCIM: only when the mCIM is positive and the organism is an
 * Enterobacterales; eCIM zone ≥ 5 mm larger than the mCIM zone → MBL positive, ≤ 4 mm larger → MBL negative (serine
 * carbapenemase presumed). Pinpoint colonies are ignored when reading the eCIM.
 *
 * Source: CLSI M100 Table 3C (eCIM); Sfeir MM et al. J Clin Microbiol 2019;57:e01757-18; cre-reference.md §3.3
 * (eCIM is CLSI-endorsed for Enterobacterales only, S12). Units: mm.
 * @example interpretEcim("positive", 6, 11, true) // "mbl_positive" (+5 mm)
 */
export function interpretEcim(
  mcim: McimResult,
  mcimZoneMm: number,
  ecimZoneMm: number,
  enterobacterales: boolean,
): EcimResult {
  if (mcim !== "positive" || !enterobacterales) return "not_interpreted";
  return ecimZoneMm - mcimZoneMm >= ECIM_MBL_INCREASE_MM ? "mbl_positive" : "mbl_negative";
}

function squash(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Finds an immunochromatography kit by the name the laboratory wrote, or undefined for a kit Mamori does not know
 * (whose negative result then rules nothing out).
 *
 * Source: cre-reference.md §3.5. @example findImmunochromatographyKit("ng-test carba5")?.targets.includes("IMP") // true
 */
export function findImmunochromatographyKit(name: string): ImmunochromatographyKit | undefined {
  const key = squash(name);
  return IMMUNOCHROMATOGRAPHY_KITS.find((kit) => kit.aliases.some((a) => squash(a) === key));
}

export type CarbapenemaseInput = {
  mCIM?: { zoneMm: number; pinpointColonies: boolean };
  eCIM?: { zoneMm: number };
  carbaNP?: CarbaNpResult;
  immunochromatography?: { kit: string; detected: CarbapenemaseEnzyme[] };
  pcr?: { genes: CarbapenemaseEnzyme[] };
};

/** Remarks a screen or report shows beside the mechanism. */
export type MechanismNote =
  | "DISCORDANT_CONFIRMATION"
  | "ENZYME_WITHOUT_PHENOTYPE"
  | "ECIM_NOT_FOR_NON_ENTEROBACTERALES"
  | "ECIM_WITHOUT_POSITIVE_MCIM"
  | "KIT_WITHOUT_IMP"
  | "KIT_UNKNOWN"
  | "CARBA_NP_MISSES_OXA48"
  | "ENZYME_TESTS_NEGATIVE_ONLY"
  | "JAPAN_IMP_PREVALENT";

export type MechanismAssessment = {
  category: MechanismCategory;
  /** Enzyme families named by immunochromatography or PCR, in the order KPC, OXA48, VIM, IMP, NDM. */
  enzymes: CarbapenemaseEnzyme[];
  /** Next tests of the guide's laboratory path; any one of them moves the work-up on. Empty when none is needed. */
  nextTests: CarbapenemaseTest[];
  mcim: McimResult | null;
  ecim: EcimResult | null;
  carbaNP: CarbaNpResult | null;
  notes: MechanismNote[];
  source: string;
};

/**
 * Puts the carbapenemase tests of an isolate into the mechanism categories of the treatment rules and names the next
 * test of the laboratory path (図1): screen-positive → mCIM or Carba NP → (if positive) mCIM + eCIM for MBL, or
 * immunochromatography / PCR for the enzyme type.
 *
 * - IMP, NDM or VIM named, or mCIM+ with eCIM+ → `MBL`; KPC → `KPC`; OXA-48-like → `OXA48` (an MBL enzyme wins when
 *   an isolate carries two).
 * - mCIM+ and eCIM− without an enzyme → `CPE_SERINE_UNTYPED`; mCIM+ or Carba NP+ otherwise → `CPE_UNTYPED`.
 * - a negative confirmation test and no positive one → `NON_CP`; only indeterminate mCIM / invalid Carba NP →
 *   `UNRESOLVED`; no confirmation test → `NOT_TESTED` (next: mCIM or Carba NP when the work-up is indicated).
 *
 * `workUpIndicated` is the CPE screen (or CRE status): when false and nothing was tested, no test is proposed.
 *
 * Source: guide 微生物学的診断 (guide pp.15–20) and 図1; cre-reference.md §3.1 and §3.6 (mapping table).
 * @example classifyMechanism({ immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] } }, true, true)
 *   .category // "MBL"
 */
export function classifyMechanism(
  input: CarbapenemaseInput,
  enterobacterales: boolean,
  workUpIndicated: Tri,
): MechanismAssessment {
  const notes: MechanismNote[] = [];
  const detected = new Set<CarbapenemaseEnzyme>([
    ...(input.immunochromatography?.detected ?? []),
    ...(input.pcr?.genes ?? []),
  ]);
  const enzymes = CARBAPENEMASE_ENZYMES.filter((e) => detected.has(e));
  const mcim = input.mCIM ? interpretMcim(input.mCIM) : null;
  let ecim: EcimResult | null = null;
  if (input.eCIM && input.mCIM && mcim) {
    ecim = interpretEcim(mcim, input.mCIM.zoneMm, input.eCIM.zoneMm, enterobacterales);
    if (!enterobacterales) notes.push("ECIM_NOT_FOR_NON_ENTEROBACTERALES");
    else if (mcim !== "positive") notes.push("ECIM_WITHOUT_POSITIVE_MCIM");
  }
  const carbaNP = input.carbaNP ?? null;
  const phenoPositive = mcim === "positive" || carbaNP === "positive";
  const phenoNegative = mcim === "negative" || carbaNP === "negative";
  const phenoUnresolved = mcim === "indeterminate" || carbaNP === "invalid";
  if (phenoPositive && phenoNegative) notes.push("DISCORDANT_CONFIRMATION");
  if (carbaNP === "negative" && mcim === null) notes.push("CARBA_NP_MISSES_OXA48");

  const ic = input.immunochromatography;
  const kit = ic ? findImmunochromatographyKit(ic.kit) : undefined;
  if (ic && !kit) notes.push("KIT_UNKNOWN");
  if (kit && !kit.targets.includes("IMP") && enzymes.length === 0 && !input.pcr)
    notes.push("KIT_WITHOUT_IMP");
  const typingDone = Boolean(input.pcr) || kit?.targets.includes("IMP") === true;
  // An enzyme-typing test that covers IMP settles the type; one without IMP (or an unknown kit) does not.
  const typingLeft: CarbapenemaseTest[] = typingDone ? [] : ["immunochromatography", "pcr"];
  const source = "guide 微生物学的診断, 図1; cre-reference.md §3.6";
  const result = (category: MechanismCategory, nextTests: CarbapenemaseTest[]): MechanismAssessment => ({
    category,
    enzymes,
    nextTests,
    mcim,
    ecim,
    carbaNP,
    notes,
    source,
  });

  if (enzymes.length > 0) {
    if (!phenoPositive && (phenoNegative || phenoUnresolved)) notes.push("ENZYME_WITHOUT_PHENOTYPE");
    if (enzymes.some((e) => MBL_ENZYMES.includes(e))) return result("MBL", []);
    if (enzymes.includes("KPC")) return result("KPC", []);
    return result("OXA48", []);
  }
  if (phenoPositive) {
    if (ecim === "mbl_positive") return result("MBL", []);
    if (ecim === "mbl_negative") return result("CPE_SERINE_UNTYPED", typingLeft);
    notes.push("JAPAN_IMP_PREVALENT");
    const ecimPossible = enterobacterales && mcim === "positive" ? (["eCIM"] as CarbapenemaseTest[]) : [];
    const viaMcim = enterobacterales && mcim === null ? (["mCIM", "eCIM"] as CarbapenemaseTest[]) : [];
    return result("CPE_UNTYPED", [...ecimPossible, ...viaMcim, ...typingLeft]);
  }
  if (phenoNegative) return result("NON_CP", []);
  if (phenoUnresolved) {
    const retry: CarbapenemaseTest[] = ["mCIM", "carbaNP"];
    return result("UNRESOLVED", [...retry, ...typingLeft]);
  }
  if (ic || input.pcr) notes.push("ENZYME_TESTS_NEGATIVE_ONLY");
  return result("NOT_TESTED", workUpIndicated === false ? [] : ["mCIM", "carbaNP"]);
}

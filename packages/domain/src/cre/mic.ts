import type { Tri } from "./tri.ts";

/** The qualifier in front of a reported MIC, normalised to ASCII. */
export type MicQualifier = "=" | "<=" | "<" | ">=" | ">";

/**
 * A reported MIC as the set of values it may stand for, in mg/L (= µg/mL). `low`/`high` are the bounds after reading the
 * qualifier on the two-fold dilution scale (">8" is ≥16, "<2" is ≤1); `raw` keeps what the laboratory reported.
 */
export type MicInterval = {
  raw: string;
  qualifier: MicQualifier;
  /** The number as written, read on the dilution scale (0.12 → 0.125). */
  valueMgL: number;
  low: number;
  lowInclusive: boolean;
  high: number;
  highInclusive: boolean;
};

/** The smallest and largest MIC accepted, in mg/L: the widest range of any broth-microdilution panel in use. */
export const MIC_MIN_MG_L = 0.001;
export const MIC_MAX_MG_L = 1024;

const QUALIFIERS: ReadonlyArray<[string, MicQualifier]> = [
  ["<=", "<="],
  [">=", ">="],
  ["≤", "<="],
  ["≦", "<="],
  ["≥", ">="],
  ["≧", ">="],
  ["<", "<"],
  [">", ">"],
  ["=", "="],
];

const NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Reads a value on the two-fold dilution scale: a number within 5 % of a power of two is that power, so the labels
 * laboratories print for the low dilutions (0.12, 0.06, 0.03, 0.015) are 0.125, 0.0625, 0.03125, 0.015625. Other
 * numbers (gradient-strip half steps such as 0.19, 0.75, 1.5, 3) are kept as written.
 *
 * Source: CLSI M07 (two-fold dilution series based on 1 mg/L); the truncated labels are those of CLSI M100 tables.
 * Units: mg/L. @example onDilutionScale(0.12) // 0.125; onDilutionScale(3) // 3
 */
export function onDilutionScale(valueMgL: number): number {
  const power = 2 ** Math.round(Math.log2(valueMgL));
  return Math.abs(valueMgL - power) / power < 0.05 ? power : valueMgL;
}

function isDilutionStep(valueMgL: number): boolean {
  return onDilutionScale(valueMgL) === 2 ** Math.round(Math.log2(valueMgL));
}

/**
 * Why a string is not an MIC, for validation messages; `null` when it is one.
 *
 * Source: contracts/cre-advise.md (MIC strings). Units: mg/L. @example micProblem("R") // "\"R\" is not an MIC (…)"
 */
export function micProblem(raw: string): string | null {
  const result = parseMicInternal(raw);
  return typeof result === "string" ? result : null;
}

function parseMicInternal(raw: string): MicInterval | string {
  // Full-width digits and signs come from Japanese laboratory systems; NFKC folds them to ASCII.
  const text = raw.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return "empty MIC";
  if (text.includes("/")) {
    return `"${raw}" is a ratio; give the first component only (e.g. "${text.split("/")[0]}")`;
  }
  let qualifier: MicQualifier = "=";
  let rest = text;
  for (const [sign, q] of QUALIFIERS) {
    if (text.startsWith(sign)) {
      qualifier = q;
      rest = text.slice(sign.length);
      break;
    }
  }
  if (!NUMBER.test(rest)) return `"${raw}" is not an MIC (a number in mg/L, optionally behind ≤ < ≥ >)`;
  const written = Number(rest);
  if (!(written >= MIC_MIN_MG_L && written <= MIC_MAX_MG_L)) {
    return `"${raw}" is outside ${MIC_MIN_MG_L}–${MIC_MAX_MG_L} mg/L`;
  }
  const value = onDilutionScale(written);
  const step = isDilutionStep(written);
  const base = { raw, qualifier, valueMgL: value };
  switch (qualifier) {
    case "=":
      return { ...base, low: value, lowInclusive: true, high: value, highInclusive: true };
    case "<=":
      return { ...base, low: 0, lowInclusive: false, high: value, highInclusive: true };
    case "<":
      return step
        ? { ...base, low: 0, lowInclusive: false, high: value / 2, highInclusive: true }
        : { ...base, low: 0, lowInclusive: false, high: value, highInclusive: false };
    case ">=":
      return {
        ...base,
        low: value,
        lowInclusive: true,
        high: Number.POSITIVE_INFINITY,
        highInclusive: false,
      };
    case ">":
      return step
        ? {
            ...base,
            low: value * 2,
            lowInclusive: true,
            high: Number.POSITIVE_INFINITY,
            highInclusive: false,
          }
        : { ...base, low: value, lowInclusive: false, high: Number.POSITIVE_INFINITY, highInclusive: false };
  }
}

/**
 * Parses a reported MIC into the interval of values it may stand for.
 *
 * Accepts a number, or a number behind `≤ < ≥ >` (ASCII `<=`, `>=`, Japanese `≦ ≧` and full-width digits too), in mg/L.
 * On the two-fold scale a strict qualifier moves one step: ">8" means ≥16 and "<0.25" means ≤0.125. Ratios such as
 * CLSI's "2/38" are refused: the contract gives combinations by their first component (`contracts/cre-advise.md`).
 *
 * Source: `cre-stewardship.md` §2 ("≤2" may be 1; ">8" is ≥16); CLSI M07 dilution scale. Units: mg/L.
 * @example parseMic(">8") // { qualifier: ">", low: 16, lowInclusive: true, high: Infinity, … }
 * @throws Error when the string is not an MIC (use {@link micProblem} to test without throwing).
 */
export function parseMic(raw: string): MicInterval {
  const result = parseMicInternal(raw);
  if (typeof result === "string") throw new Error(result);
  return result;
}

/**
 * Whether every value of the MIC is at most `thresholdMgL`: true, false (every value is above), or indeterminate.
 *
 * Source: `cre-stewardship.md` §2 (a rule the interval does not decide answers indeterminate). Units: mg/L.
 * @example micAtMost(parseMic("≤2"), 1) // "indeterminate"; micAtMost(parseMic("≤1"), 1) // true
 */
export function micAtMost(mic: MicInterval, thresholdMgL: number): Tri {
  const t = onDilutionScale(thresholdMgL);
  if (mic.high <= t) return true;
  if (mic.low > t || (mic.low === t && !mic.lowInclusive)) return false;
  return "indeterminate";
}

/**
 * Whether every value of the MIC is at least `thresholdMgL`: true, false (every value is below), or indeterminate.
 *
 * Source: `cre-reference.md` §1.2 (MEPM MIC ≥ 2, IPM MIC ≥ 2, CMZ MIC ≥ 64 are "at least" rules). Units: mg/L.
 * @example micAtLeast(parseMic(">8"), 2) // true; micAtLeast(parseMic("≤2"), 2) // "indeterminate"
 */
export function micAtLeast(mic: MicInterval, thresholdMgL: number): Tri {
  const t = onDilutionScale(thresholdMgL);
  if (mic.low >= t) return true;
  if (mic.high < t || (mic.high === t && !mic.highInclusive)) return false;
  return "indeterminate";
}

/**
 * Whether every value of the MIC is strictly above `thresholdMgL` (EUCAST's "R > breakpoint" form).
 *
 * Source: EUCAST Breakpoint tables v15.0 (R > value). Units: mg/L.
 * @example micAbove(parseMic("4"), 2) // true; micAbove(parseMic("≤4"), 2) // "indeterminate"
 */
export function micAbove(mic: MicInterval, thresholdMgL: number): Tri {
  const atMost = micAtMost(mic, thresholdMgL);
  return atMost === "indeterminate" ? atMost : !atMost;
}

/**
 * The MIC as written, with a Unicode qualifier: for evidence text.
 *
 * Source: contracts/cre-advise.md (evidence strings). @example formatMic(parseMic("<=2")) // "≤2"
 */
export function formatMic(mic: MicInterval): string {
  const signs: Record<MicQualifier, string> = { "=": "", "<=": "≤", "<": "<", ">=": "≥", ">": ">" };
  const number = mic.raw.normalize("NFKC").replace(/^[^\d.]+/, "");
  return `${signs[mic.qualifier]}${number}`;
}

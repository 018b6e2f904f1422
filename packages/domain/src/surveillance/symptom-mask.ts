import { SYMPTOM_CODES, type SymptomCode } from "./symptoms.ts";

/**
 * Symptom sets as bit masks.
 *
 * A day's record of one person is a set of symptoms; the engine holds it as one 32-bit integer (bit i = `SYMPTOM_CODES[i]`)
 * so that "any GI symptom on this day" is a single `&`. Bit 22 marks a low-grade fever (微熱, manual p.33–34), which is
 * not a symptom of the vocabulary but is reported as a hint.
 */
export const SYMPTOM_BIT: Readonly<Record<SymptomCode, number>> = Object.fromEntries(
  SYMPTOM_CODES.map((code, index) => [code, 1 << index]),
) as Record<SymptomCode, number>;

/** Bit of a low-grade fever (37.5 ≤ t < 38.0 °C and not a fever by the usual-temperature rule). */
export const LOW_GRADE_FEVER_BIT = 1 << SYMPTOM_CODES.length;

/** The bits of every symptom of the vocabulary (without the low-grade-fever bit). */
export const ALL_SYMPTOMS_MASK = (1 << SYMPTOM_CODES.length) - 1;

/**
 * A condition on a day's symptoms: every inner list must have at least one of its symptoms present.
 * `[["fever"], ["cough", "sputum"]]` reads "fever, and cough or sputum".
 */
export type SymptomCondition = readonly (readonly SymptomCode[])[];

/**
 * Bit mask of a list of symptom codes.
 *
 * @example maskOfSymptoms(["vomiting", "diarrhea"]) === (SYMPTOM_BIT.vomiting | SYMPTOM_BIT.diarrhea) // true
 */
export function maskOfSymptoms(symptoms: Iterable<SymptomCode>): number {
  let mask = 0;
  for (const code of symptoms) mask |= SYMPTOM_BIT[code];
  return mask;
}

/**
 * Symptom codes of a mask, in vocabulary order.
 *
 * @example symptomsOfMask(SYMPTOM_BIT.cough | SYMPTOM_BIT.fever) // ["fever", "cough"]
 */
export function symptomsOfMask(mask: number): SymptomCode[] {
  return SYMPTOM_CODES.filter((code) => (mask & SYMPTOM_BIT[code]) !== 0);
}

/**
 * A condition compiled to masks: the day mask satisfies it when it meets every mask.
 *
 * @example compileCondition([["fever"], ["cough", "sputum"]]).length // 2
 */
export function compileCondition(condition: SymptomCondition): readonly number[] {
  return condition.map((anyOf) => maskOfSymptoms(anyOf));
}

/**
 * Whether a symptom mask satisfies a compiled condition.
 *
 * @example satisfiesCondition(SYMPTOM_BIT.fever | SYMPTOM_BIT.cough, compileCondition([["fever"], ["cough"]])) // true
 */
export function satisfiesCondition(mask: number, compiled: readonly number[]): boolean {
  for (const required of compiled) if ((mask & required) === 0) return false;
  return compiled.length > 0;
}

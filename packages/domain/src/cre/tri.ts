/**
 * Three-valued answers for rules that read qualified MICs. A qualified MIC such as "≤2" may lie on either side of a
 * cut-off, and the CRE rules must then say so rather than guess (`cre-stewardship.md` §2).
 */
export type Tri = true | false | "indeterminate";

/**
 * Kleene "or": true if any operand is true, false only if every operand is false, otherwise indeterminate.
 *
 * Source: Kleene's strong three-valued logic, as used for the notification criteria "ア or イ" (cre-reference.md §1.2).
 * @example triOr(false, "indeterminate") // "indeterminate"; triOr(true, "indeterminate") // true
 */
export function triOr(...values: Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  if (values.every((v) => v === false)) return false;
  return "indeterminate";
}

/**
 * Kleene "and": false if any operand is false, true only if every operand is true, otherwise indeterminate.
 *
 * Source: Kleene's strong three-valued logic, as used for branch イ (IPM and CMZ) of the notification criteria.
 * @example triAnd(true, "indeterminate") // "indeterminate"; triAnd(false, "indeterminate") // false
 */
export function triAnd(...values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  if (values.every((v) => v === true)) return true;
  return "indeterminate";
}

/**
 * Kleene "not": swaps true and false and keeps indeterminate.
 *
 * Source: Kleene's strong three-valued logic.
 * @example triNot("indeterminate") // "indeterminate"; triNot(true) // false
 */
export function triNot(value: Tri): Tri {
  return value === "indeterminate" ? value : !value;
}

import fhirpath from "fhirpath";
import r4 from "fhirpath/fhir-context/r4";

/** FHIRPath evaluation environment: `%resource`, `%questionnaire`, launch contexts such as `%case`, and variables. */
export type FhirPathEnv = Record<string, unknown>;

/**
 * Whether an FHIRPath expression parses, by HL7's `fhirpath` library (never JavaScript eval). Returns the parser's
 * message when it does not.
 * @example fhirPathSyntaxError("%resource.item.where(") // "line: 1; column: 21; message: mismatched input …"
 */
export function fhirPathSyntaxError(expression: string): string | undefined {
  if (expression.trim() === "") return "empty expression";
  try {
    fhirpath.parse(expression);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}

/** The paths FHIRPath uses to type a node, so that `answer.value` finds `valueCoding`, `valueBoolean` …. */
export type FhirPathBase = "QuestionnaireResponse.item" | "QuestionnaireResponse" | undefined;

/**
 * Evaluates an FHIRPath expression with the R4 model. An expression that fails at run time (an unknown variable such as
 * `%case` when no case is given, a function the library lacks) yields `[]` — the same as "no value".
 */
export function evaluateFhirPath(
  node: unknown,
  expression: string,
  env: FhirPathEnv,
  base: FhirPathBase = undefined,
): unknown[] {
  try {
    const path = base ? { base, expression } : expression;
    const result = fhirpath.evaluate(node, path, env, r4, { async: false });
    return Array.isArray(result) ? (result as unknown[]) : [result];
  } catch {
    return [];
  }
}

/** True only when the expression yields the single boolean true (FHIRPath singleton evaluation of a condition). */
export function fhirPathTrue(
  node: unknown,
  expression: string,
  env: FhirPathEnv,
  base?: FhirPathBase,
): boolean {
  const result = evaluateFhirPath(node, expression, env, base);
  return result.length === 1 && result[0] === true;
}

/** True only when the expression yields the single boolean false (a failed constraint; empty is not a failure). */
export function fhirPathFalse(
  node: unknown,
  expression: string,
  env: FhirPathEnv,
  base?: FhirPathBase,
): boolean {
  const result = evaluateFhirPath(node, expression, env, base);
  return result.length === 1 && result[0] === false;
}

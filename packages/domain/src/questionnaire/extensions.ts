import type { Expression, Extension, QuestionnaireItem } from "./types.ts";

const SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition";

/** Extension URLs the engine understands. The `MAMORI_*` ones are Mamori's own (no HL7 equivalent exists). */
export const EXT = {
  enableWhenExpression: `${SDC}/sdc-questionnaire-enableWhenExpression`,
  initialExpression: `${SDC}/sdc-questionnaire-initialExpression`,
  calculatedExpression: `${SDC}/sdc-questionnaire-calculatedExpression`,
  candidateExpression: `${SDC}/sdc-questionnaire-candidateExpression`,
  answerExpression: `${SDC}/sdc-questionnaire-answerExpression`,
  launchContext: `${SDC}/sdc-questionnaire-launchContext`,
  constraint: "http://hl7.org/fhir/StructureDefinition/questionnaire-constraint",
  variable: "http://hl7.org/fhir/StructureDefinition/variable",
  hidden: "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden",
  unit: "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
  itemControl: "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
  /** valueCode: the Mamori role that answers this item and everything under it (e.g. `lab_technologist`). */
  role: "https://mamori.jp/fhir/StructureDefinition/questionnaire-role",
  /** valueBoolean true: the item's wording is provisional (the official text is not public yet). */
  provisional: "https://mamori.jp/fhir/StructureDefinition/questionnaire-provisional",
  /** On a response item, valueString: the answer was filled from Mamori's data (the source, e.g. `case`). */
  prefilled: "https://mamori.jp/fhir/StructureDefinition/questionnaireresponse-prefilled",
} as const;

/** Extensions whose value is an FHIRPath `Expression` the engine parses on load. */
export const EXPRESSION_EXTENSIONS = [
  EXT.enableWhenExpression,
  EXT.initialExpression,
  EXT.calculatedExpression,
  EXT.candidateExpression,
  EXT.answerExpression,
  EXT.variable,
] as const;

export function extensionsOf(holder: { extension?: Extension[] } | undefined, url: string): Extension[] {
  return (holder?.extension ?? []).filter((e) => e.url === url);
}

export function extensionOf(
  holder: { extension?: Extension[] } | undefined,
  url: string,
): Extension | undefined {
  return extensionsOf(holder, url)[0];
}

/** The FHIRPath text of an expression extension, or undefined when absent or in another language (e.g. x-fhir-query). */
export function fhirPathOf(holder: { extension?: Extension[] } | undefined, url: string): string | undefined {
  const expr = extensionOf(holder, url)?.valueExpression;
  return isFhirPath(expr) ? expr?.expression : undefined;
}

export function isFhirPath(expr: Expression | undefined): boolean {
  return (
    expr !== undefined &&
    typeof expr.expression === "string" &&
    (expr.language === undefined || expr.language === "text/fhirpath")
  );
}

/** One `questionnaire-constraint` extension, read. */
export type ItemConstraint = {
  key: string;
  severity: "error" | "warning";
  expression: string;
  human: string;
  location?: string;
};

/**
 * The constraints of a Questionnaire or an item: key, severity, FHIRPath expression and the human message
 * (http://hl7.org/fhir/extensions/StructureDefinition-questionnaire-constraint.html).
 */
export function constraintsOf(holder: { extension?: Extension[] } | undefined): ItemConstraint[] {
  return extensionsOf(holder, EXT.constraint).map((ext, i) => {
    const sub = (url: string) => ext.extension?.find((e) => e.url === url);
    const severity = sub("severity")?.valueCode === "warning" ? "warning" : "error";
    const location = sub("location")?.valueString;
    return {
      key: sub("key")?.valueId ?? sub("key")?.valueString ?? `constraint-${i + 1}`,
      severity,
      expression: sub("expression")?.valueString ?? "",
      human: sub("human")?.valueString ?? "",
      ...(location === undefined ? {} : { location }),
    };
  });
}

/** The role an item is handed to, looking at the item and then its ancestors; undefined when nobody else answers it. */
export function roleOf(path: readonly QuestionnaireItem[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const code = extensionOf(path[i], EXT.role)?.valueCode;
    if (code) return code;
  }
  return undefined;
}

export function isProvisional(item: QuestionnaireItem): boolean {
  return extensionOf(item, EXT.provisional)?.valueBoolean === true;
}

export function isHidden(item: QuestionnaireItem): boolean {
  return extensionOf(item, EXT.hidden)?.valueBoolean === true;
}

/**
 * A form engine on HL7 FHIR R4 Questionnaire / QuestionnaireResponse with the Structured Data Capture conventions:
 * validation on load (errors name the linkId), enableWhen / enableWhenExpression, constraints, initialExpression
 * pre-fill from a launch context, calculatedExpression, and a role extension handing a section to another role.
 * Expressions are FHIRPath, evaluated by HL7's `fhirpath` library. Pure: no I/O, no clock.
 */
export {
  BUILT_IN_QUESTIONNAIRES,
  builtInQuestionnaire,
  type CreSurveyCaseContext,
} from "./builtins.ts";
export {
  answerProblem,
  answersIn,
  type EvaluateOptions,
  enabledChecker,
  enableWhenHolds,
  evaluateResponse,
  type InvalidAnswer,
  indexResponse,
  type ResponseEvaluation,
  type ResponseIndex,
  valueKeyOf,
} from "./evaluate.ts";
export {
  constraintsOf,
  EXT,
  extensionOf,
  extensionsOf,
  type ItemConstraint,
  isHidden,
  isProvisional,
  roleOf,
} from "./extensions.ts";
export { evaluateFhirPath, type FhirPathEnv, fhirPathSyntaxError } from "./fhirpath.ts";
export {
  answerFromValue,
  calculate,
  canonicalOf,
  findResponseItem,
  type InitialResponseOptions,
  initialResponse,
  isPrefilled,
  itemsForRole,
  setAnswers,
  withoutDisabledAnswers,
} from "./response.ts";
export { checkResponseShape, type ResponseShapeCheck } from "./response-shape.ts";
export * from "./types.ts";
export { type QuestionnaireIssue, type QuestionnaireValidation, validateQuestionnaire } from "./validate.ts";
export { flattenItems, flattenResponseItems, type ItemEntry } from "./walk.ts";

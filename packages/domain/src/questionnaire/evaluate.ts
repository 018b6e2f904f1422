import { constraintsOf, EXT, extensionOf, extensionsOf, fhirPathOf, isFhirPath } from "./extensions.ts";
import { evaluateFhirPath, type FhirPathEnv, fhirPathFalse, fhirPathTrue } from "./fhirpath.ts";
import type {
  AnswerOption,
  Coding,
  EnableWhen,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseAnswer,
  QuestionnaireResponseItem,
  ValueX,
} from "./types.ts";
import { flattenItems, flattenResponseItems, type ItemEntry } from "./walk.ts";

/** Why an answer is refused: a stable code the screens translate, and the message (a constraint's `human` text). */
export type InvalidAnswer = {
  linkId: string;
  code:
    | "unknown_item"
    | "not_a_question"
    | "too_many_answers"
    | "wrong_type"
    | "not_an_option"
    | "too_long"
    | "constraint";
  message: string;
  /** The constraint's key, for `code: "constraint"`. */
  key?: string;
};

/** What a response means against its definition (contract survey.md, `mamori survey evaluate`). */
export type ResponseEvaluation = {
  /** Every enabled item that is not `display`, in document order, groups included. */
  enabled: string[];
  /** Enabled required items without an answer (a group: none of its enabled descendants answered). */
  missingRequired: string[];
  invalid: InvalidAnswer[];
  /** Items that carry answers but are disabled: their answers are not kept when saving. */
  answersIgnored: string[];
  /** `missingRequired` and `invalid` are both empty. */
  complete: boolean;
};

export type EvaluateOptions = {
  /** Launch context for expressions, e.g. `{ case: {...} }` for `%case`. `%resource` and `%questionnaire` are bound. */
  context?: FhirPathEnv;
};

/** A prepared pair of definition and response, shared by the evaluation functions. */
export type ResponseIndex = {
  questionnaire: Questionnaire;
  response: QuestionnaireResponse;
  entries: ItemEntry[];
  byLinkId: Map<string, ItemEntry>;
  nodes: Map<string, QuestionnaireResponseItem[]>;
  env: FhirPathEnv;
};

/** Indexes a definition and a response for evaluation; binds `%resource`, `%questionnaire` and the root variables. */
export function indexResponse(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
  options: EvaluateOptions = {},
): ResponseIndex {
  const entries = flattenItems(questionnaire);
  const byLinkId = new Map(entries.map((e) => [e.item.linkId, e]));
  const nodes = new Map<string, QuestionnaireResponseItem[]>();
  for (const { node } of flattenResponseItems(response)) {
    const list = nodes.get(node.linkId) ?? [];
    list.push(node);
    nodes.set(node.linkId, list);
  }
  const env: FhirPathEnv = { ...(options.context ?? {}), resource: response, questionnaire };
  bindVariables(questionnaire, response, env, "QuestionnaireResponse");
  return { questionnaire, response, entries, byLinkId, nodes, env };
}

/** Evaluates the `variable` extensions of a holder in order, each seeing the ones before it. */
function bindVariables(
  holder: { extension?: import("./types.ts").Extension[] },
  node: unknown,
  env: FhirPathEnv,
  base: "QuestionnaireResponse" | "QuestionnaireResponse.item",
): void {
  for (const ext of extensionsOf(holder, EXT.variable)) {
    const expr = ext.valueExpression;
    if (!isFhirPath(expr) || !expr?.name) continue;
    env[expr.name] = evaluateFhirPath(node, expr.expression ?? "", env, base);
  }
}

/** The environment for an item's own expressions: the root one plus the variables of the item and its ancestors. */
export function itemEnv(index: ResponseIndex, entry: ItemEntry): FhirPathEnv {
  const holders = [...entry.ancestors, entry.item];
  if (!holders.some((h) => extensionOf(h, EXT.variable))) return index.env;
  const env = { ...index.env };
  for (const h of holders) {
    const node = index.nodes.get(h.linkId)?.[0];
    bindVariables(
      h,
      node ?? index.response,
      env,
      node ? "QuestionnaireResponse.item" : "QuestionnaireResponse",
    );
  }
  return env;
}

/** The answers given to an item (of its first occurrence that has any). */
export function answersIn(index: ResponseIndex, linkId: string): QuestionnaireResponseAnswer[] {
  for (const node of index.nodes.get(linkId) ?? [])
    if (node.answer && node.answer.length > 0) return node.answer;
  return [];
}

/**
 * Which items are enabled: FHIR R4 `enableWhen` (operators on the first answer; an unanswered or disabled question makes
 * every operator but `exists` false), `enableBehavior` all/any, the SDC `enableWhenExpression` (with `%resource` the
 * response), and a disabled group disabling everything under it. Returns a function of the linkId.
 *
 * Source: HL7 FHIR R4 Questionnaire.item.enableWhen; SDC 3.0 sdc-questionnaire-enableWhenExpression; survey.md.
 * @example enabledChecker(index)("q2") // false while q1 is unanswered
 */
export function enabledChecker(index: ResponseIndex): (linkId: string) => boolean {
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const enabled = (linkId: string): boolean => {
    const known = memo.get(linkId);
    if (known !== undefined) return known;
    const entry = index.byLinkId.get(linkId);
    if (!entry || visiting.has(linkId)) return false; // unknown, or a cycle (refused on load anyway)
    visiting.add(linkId);
    let result = entry.ancestors.every((a) => enabled(a.linkId));
    if (result) result = ownConditionsHold(entry);
    visiting.delete(linkId);
    memo.set(linkId, result);
    return result;
  };
  const ownConditionsHold = (entry: ItemEntry): boolean => {
    const { item } = entry;
    const conditions = item.enableWhen ?? [];
    let holds = true;
    if (conditions.length > 0) {
      const results = conditions.map((ew) => {
        const answers = enabled(ew.question) ? answersIn(index, ew.question) : [];
        return enableWhenHolds(ew, answers);
      });
      holds = item.enableBehavior === "any" ? results.some(Boolean) : results.every(Boolean);
    }
    const expression = fhirPathOf(item, EXT.enableWhenExpression);
    if (holds && expression !== undefined)
      holds = fhirPathTrue(index.response, expression, itemEnv(index, entry));
    return holds;
  };
  return enabled;
}

function sameCoding(a: Coding | undefined, b: Coding | undefined): boolean {
  if (!a || !b || a.code === undefined || a.code !== b.code) return false;
  return a.system === undefined || b.system === undefined || a.system === b.system;
}

/** Compares an answer with an enableWhen value: negative, zero, positive; undefined when they cannot be compared. */
function compare(answer: ValueX, ew: EnableWhen): number | undefined {
  const order = (x: number | string, y: number | string) => (x < y ? -1 : x > y ? 1 : 0);
  if (ew.answerBoolean !== undefined)
    return answer.valueBoolean === undefined ? undefined : answer.valueBoolean === ew.answerBoolean ? 0 : 1;
  if (ew.answerCoding !== undefined)
    return answer.valueCoding === undefined
      ? undefined
      : sameCoding(answer.valueCoding, ew.answerCoding)
        ? 0
        : 1;
  if (ew.answerInteger !== undefined || ew.answerDecimal !== undefined) {
    const value = answer.valueInteger ?? answer.valueDecimal;
    return value === undefined ? undefined : order(value, (ew.answerInteger ?? ew.answerDecimal) as number);
  }
  if (ew.answerString !== undefined) {
    const value = answer.valueString ?? answer.valueUri;
    return value === undefined ? undefined : order(value, ew.answerString);
  }
  if (ew.answerDate !== undefined)
    return answer.valueDate === undefined ? undefined : order(answer.valueDate, ew.answerDate);
  if (ew.answerDateTime !== undefined)
    return answer.valueDateTime === undefined ? undefined : order(answer.valueDateTime, ew.answerDateTime);
  if (ew.answerTime !== undefined)
    return answer.valueTime === undefined ? undefined : order(answer.valueTime, ew.answerTime);
  if (ew.answerQuantity !== undefined) {
    const q = answer.valueQuantity;
    if (q?.value === undefined || ew.answerQuantity.value === undefined) return undefined;
    const unit = (x: typeof q) => x.code ?? x.unit;
    if (unit(q) !== unit(ew.answerQuantity)) return undefined;
    return order(q.value, ew.answerQuantity.value);
  }
  if (ew.answerReference !== undefined)
    return answer.valueReference === undefined
      ? undefined
      : answer.valueReference.reference === ew.answerReference.reference
        ? 0
        : 1;
  return undefined;
}

/** Whether one enableWhen holds, given the named question's answers (empty when unanswered or disabled). */
export function enableWhenHolds(ew: EnableWhen, answers: readonly QuestionnaireResponseAnswer[]): boolean {
  if (ew.operator === "exists") return answers.length > 0 === (ew.answerBoolean ?? true);
  const first = answers[0];
  if (!first) return false;
  const c = compare(first, ew);
  if (c === undefined) return false;
  switch (ew.operator) {
    case "=":
      return c === 0;
    case "!=":
      return c !== 0;
    case ">":
      return c > 0;
    case "<":
      return c < 0;
    case ">=":
      return c >= 0;
    case "<=":
      return c <= 0;
    default:
      return false;
  }
}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/;

const VALUE_KEYS = [
  "valueBoolean",
  "valueDecimal",
  "valueInteger",
  "valueDate",
  "valueDateTime",
  "valueTime",
  "valueString",
  "valueUri",
  "valueAttachment",
  "valueCoding",
  "valueQuantity",
  "valueReference",
] as const;

/** The value[x] key an answer or option carries. */
export function valueKeyOf(value: ValueX): (typeof VALUE_KEYS)[number] | undefined {
  return VALUE_KEYS.find((k) => value[k] !== undefined);
}

function matchesOption(answer: ValueX, option: AnswerOption): boolean {
  if (option.valueCoding) return sameCoding(answer.valueCoding, option.valueCoding);
  const key = valueKeyOf(option);
  return key !== undefined && key !== "valueCoding" && answer[key] === option[key];
}

/** Why one answer does not fit its item, or undefined when it does. */
export function answerProblem(
  item: QuestionnaireItem,
  answer: ValueX,
): Omit<InvalidAnswer, "linkId"> | undefined {
  const key = valueKeyOf(answer);
  const wrong = (expected: string) => ({
    code: "wrong_type" as const,
    message: `${item.linkId}: answer ${key ?? "(no value)"} does not fit type ${item.type} (expected ${expected})`,
  });
  switch (item.type) {
    case "boolean":
      return typeof answer.valueBoolean === "boolean" && key === "valueBoolean"
        ? undefined
        : wrong("valueBoolean");
    case "decimal":
      return typeof answer.valueDecimal === "number" && Number.isFinite(answer.valueDecimal)
        ? undefined
        : wrong("valueDecimal");
    case "integer":
      return Number.isInteger(answer.valueInteger) ? undefined : wrong("valueInteger");
    case "date":
      return typeof answer.valueDate === "string" && DATE.test(answer.valueDate)
        ? undefined
        : wrong("valueDate YYYY-MM-DD");
    case "dateTime":
      return typeof answer.valueDateTime === "string" && DATE_TIME.test(answer.valueDateTime)
        ? undefined
        : wrong("valueDateTime");
    case "time":
      return typeof answer.valueTime === "string" && TIME.test(answer.valueTime)
        ? undefined
        : wrong("valueTime hh:mm:ss");
    case "string":
    case "text": {
      if (typeof answer.valueString !== "string") return wrong("valueString");
      if (item.maxLength !== undefined && answer.valueString.length > item.maxLength)
        return { code: "too_long", message: `${item.linkId}: longer than ${item.maxLength} characters` };
      return undefined;
    }
    case "url":
      return typeof answer.valueUri === "string" ? undefined : wrong("valueUri");
    case "quantity":
      return typeof answer.valueQuantity?.value === "number"
        ? undefined
        : wrong("valueQuantity with a value");
    case "attachment":
      return answer.valueAttachment ? undefined : wrong("valueAttachment");
    case "reference":
      return answer.valueReference ? undefined : wrong("valueReference");
    case "choice":
    case "open-choice": {
      const options = item.answerOption ?? [];
      if (item.type === "open-choice" && typeof answer.valueString === "string" && key === "valueString") {
        return undefined;
      }
      if (options.length === 0) return answer.valueCoding ? undefined : wrong("valueCoding");
      if (options.some((o) => matchesOption(answer, o))) return undefined;
      if (item.type === "open-choice" && answer.valueCoding) return undefined;
      return {
        code: "not_an_option",
        message: `${item.linkId}: the answer is not one of the item's answerOption`,
      };
    }
    default:
      return { code: "not_a_question", message: `${item.linkId}: a ${item.type} item takes no answer` };
  }
}

/**
 * Evaluates a QuestionnaireResponse against its Questionnaire: enabled items, required items still unanswered, answers
 * that do not fit (type, option, repeats, `questionnaire-constraint` of severity error with its `human` message),
 * answers on disabled items, and whether the response is complete.
 *
 * Source: HL7 FHIR R4 Questionnaire / QuestionnaireResponse; questionnaire-constraint extension; contract survey.md.
 * @example evaluateResponse(cre, { resourceType: "QuestionnaireResponse", status: "completed", item: [{ linkId: "q1", answer: [{ valueBoolean: false }] }] }).complete // true
 */
export function evaluateResponse(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
  options: EvaluateOptions = {},
): ResponseEvaluation {
  const index = indexResponse(questionnaire, response, options);
  const enabled = enabledChecker(index);
  const enabledIds: string[] = [];
  const missingRequired: string[] = [];
  const invalid: InvalidAnswer[] = [];
  const answersIgnored: string[] = [];

  const hasAnswer = (linkId: string) => answersIn(index, linkId).length > 0;
  const answeredBelow = (entry: ItemEntry): boolean =>
    (entry.item.item ?? []).some((child) => {
      if (!enabled(child.linkId)) return false;
      const childEntry = index.byLinkId.get(child.linkId);
      return child.type === "group"
        ? childEntry
          ? answeredBelow(childEntry)
          : false
        : hasAnswer(child.linkId);
    });

  for (const entry of index.entries) {
    const { item } = entry;
    if (!enabled(item.linkId)) continue;
    if (item.type !== "display") enabledIds.push(item.linkId);
    if (item.required) {
      const answered = item.type === "group" ? answeredBelow(entry) : hasAnswer(item.linkId);
      if (!answered) missingRequired.push(item.linkId);
    }
  }

  const seenIgnored = new Set<string>();
  for (const { node } of flattenResponseItems(response)) {
    const answers = node.answer ?? [];
    const entry = index.byLinkId.get(node.linkId);
    if (!entry) {
      invalid.push({
        linkId: node.linkId,
        code: "unknown_item",
        message: `${node.linkId}: not an item of this Questionnaire`,
      });
      continue;
    }
    const { item } = entry;
    if (!enabled(item.linkId)) {
      if (answers.length > 0 && !seenIgnored.has(item.linkId)) {
        seenIgnored.add(item.linkId);
        answersIgnored.push(item.linkId);
      }
      continue;
    }
    if (answers.length > 1 && !item.repeats) {
      invalid.push({
        linkId: item.linkId,
        code: "too_many_answers",
        message: `${item.linkId}: ${answers.length} answers to an item that takes one`,
      });
    }
    for (const answer of answers) {
      const problem = answerProblem(item, answer);
      if (problem) invalid.push({ linkId: item.linkId, ...problem });
    }
    const env = itemEnv(index, entry);
    for (const c of constraintsOf(item)) {
      if (c.severity !== "error") continue;
      if (fhirPathFalse(node, c.expression, env, "QuestionnaireResponse.item"))
        invalid.push({ linkId: item.linkId, code: "constraint", key: c.key, message: c.human });
    }
  }
  for (const c of constraintsOf(questionnaire)) {
    if (c.severity !== "error") continue;
    if (fhirPathFalse(response, c.expression, index.env, "QuestionnaireResponse"))
      invalid.push({ linkId: c.location ?? "", code: "constraint", key: c.key, message: c.human });
  }
  return {
    enabled: enabledIds,
    missingRequired,
    invalid,
    answersIgnored,
    complete: missingRequired.length === 0 && invalid.length === 0,
  };
}

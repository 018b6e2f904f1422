import { constraintsOf, EXPRESSION_EXTENSIONS, EXT, extensionsOf, isFhirPath } from "./extensions.ts";
import { fhirPathSyntaxError } from "./fhirpath.ts";
import {
  type EnableWhen,
  type Extension,
  QUESTIONNAIRE_ITEM_TYPES,
  type Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireItemType,
} from "./types.ts";
import { flattenItems } from "./walk.ts";

/** Why a definition was refused: the item (`linkId`, null for the resource itself), the JSON path, a stable code. */
export type QuestionnaireIssue = {
  linkId: string | null;
  path: string;
  code:
    | "not_questionnaire"
    | "invalid_structure"
    | "missing_link_id"
    | "duplicate_link_id"
    | "unknown_item_type"
    | "unknown_enable_when_question"
    | "enable_when_cycle"
    | "enable_when_type_mismatch"
    | "invalid_operator"
    | "fhirpath_syntax";
  message: string;
};

export type QuestionnaireValidation =
  | { ok: true; questionnaire: Questionnaire; items: number }
  | { ok: false; issues: QuestionnaireIssue[] };

const ENABLE_WHEN_ANSWER_KEYS = [
  "answerBoolean",
  "answerDecimal",
  "answerInteger",
  "answerDate",
  "answerDateTime",
  "answerTime",
  "answerString",
  "answerCoding",
  "answerQuantity",
  "answerReference",
] as const;
type AnswerKey = (typeof ENABLE_WHEN_ANSWER_KEYS)[number];

const OPERATORS = new Set(["exists", "=", "!=", ">", "<", ">=", "<="]);
const ORDERED = new Set([">", "<", ">=", "<="]);

/** The enableWhen answer[x] that fit an item type (FHIR R4 Questionnaire invariant que-7 and the type table). */
function answerKeysFor(item: QuestionnaireItem): AnswerKey[] {
  const t: QuestionnaireItemType = item.type;
  switch (t) {
    case "boolean":
      return ["answerBoolean"];
    case "decimal":
      return ["answerDecimal"];
    case "integer":
      return ["answerInteger"];
    case "date":
      return ["answerDate"];
    case "dateTime":
      return ["answerDateTime"];
    case "time":
      return ["answerTime"];
    case "string":
    case "text":
    case "url":
      return ["answerString"];
    case "quantity":
      return ["answerQuantity"];
    case "reference":
      return ["answerReference"];
    case "choice":
    case "open-choice": {
      const keys = new Set<AnswerKey>(["answerCoding"]);
      if (item.type === "open-choice") keys.add("answerString");
      for (const option of item.answerOption ?? []) {
        if (option.valueInteger !== undefined) keys.add("answerInteger");
        if (option.valueDate !== undefined) keys.add("answerDate");
        if (option.valueTime !== undefined) keys.add("answerTime");
        if (option.valueString !== undefined) keys.add("answerString");
      }
      return [...keys];
    }
    default:
      return [];
  }
}

/** linkIds an enableWhenExpression reads (`linkId = 'x'` / `linkId='x'`), for cycle detection. */
function linkIdsReadBy(expression: string): string[] {
  return [...expression.matchAll(/linkId\s*=\s*'([^']+)'/g)].map((m) => m[1] as string);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a Questionnaire definition on load: that it is a `Questionnaire`; every item has a unique `linkId` and a known
 * type; every `enableWhen.question` names an item, with an answer of a type that fits that item and a known operator;
 * no item's enabling conditions depend on themselves, directly or through a chain (an item inherits the conditions of
 * the groups around it); every FHIRPath expression (enableWhenExpression, initialExpression, calculatedExpression,
 * variables, questionnaire-constraint) parses. Each issue names the `linkId` at fault.
 *
 * Source: HL7 FHIR R4 Questionnaire (invariants que-1 … que-13), SDC 3.0 expression extensions; contract survey.md.
 * @example validateQuestionnaire({ resourceType: "Questionnaire", status: "active", item: [] }).ok // true
 */
export function validateQuestionnaire(input: unknown): QuestionnaireValidation {
  if (!isRecord(input) || input.resourceType !== "Questionnaire") {
    return {
      ok: false,
      issues: [
        {
          linkId: null,
          path: "resourceType",
          code: "not_questionnaire",
          message: 'resourceType: expected "Questionnaire"',
        },
      ],
    };
  }
  const issues: QuestionnaireIssue[] = [];
  const structural = checkStructure(input.item, "", issues);
  if (!structural) return { ok: false, issues };
  const questionnaire = input as Questionnaire;
  const entries = flattenItems(questionnaire);
  const byLinkId = new Map<string, QuestionnaireItem>();
  for (const { item, path } of entries) {
    if (byLinkId.has(item.linkId)) {
      issues.push({
        linkId: item.linkId,
        path: `${path}.linkId`,
        code: "duplicate_link_id",
        message: `${item.linkId}: linkId used by more than one item`,
      });
    } else byLinkId.set(item.linkId, item);
  }

  const expressionIssue = (linkId: string | null, path: string, expression: string) => {
    const error = fhirPathSyntaxError(expression);
    if (error)
      issues.push({
        linkId,
        path,
        code: "fhirpath_syntax",
        message: `${linkId ?? "Questionnaire"}: FHIRPath expression does not parse (${expression}): ${error}`,
      });
  };
  const checkExpressions = (holder: { extension?: Extension[] }, linkId: string | null, path: string) => {
    for (const url of EXPRESSION_EXTENSIONS) {
      for (const ext of extensionsOf(holder, url)) {
        if (isFhirPath(ext.valueExpression))
          expressionIssue(linkId, `${path}extension(${url})`, ext.valueExpression?.expression ?? "");
      }
    }
    for (const c of constraintsOf(holder))
      expressionIssue(linkId, `${path}extension(${EXT.constraint}).${c.key}`, c.expression);
  };
  checkExpressions(questionnaire, null, "");

  for (const { item, path } of entries) {
    checkExpressions(item, item.linkId, `${path}.`);
    (item.enableWhen ?? []).forEach((ew, i) => {
      const at = `${path}.enableWhen[${i}]`;
      const target = byLinkId.get(ew.question);
      if (!OPERATORS.has(ew.operator)) {
        issues.push({
          linkId: item.linkId,
          path: `${at}.operator`,
          code: "invalid_operator",
          message: `${item.linkId}: enableWhen operator "${String(ew.operator)}" is not one of exists, =, !=, >, <, >=, <=`,
        });
        return;
      }
      if (!target) {
        issues.push({
          linkId: item.linkId,
          path: `${at}.question`,
          code: "unknown_enable_when_question",
          message: `${item.linkId}: enableWhen names question "${ew.question}", which is not an item of this Questionnaire`,
        });
        return;
      }
      const given = ENABLE_WHEN_ANSWER_KEYS.filter((k) => (ew as EnableWhen)[k] !== undefined);
      if (given.length !== 1) {
        issues.push({
          linkId: item.linkId,
          path: at,
          code: "enable_when_type_mismatch",
          message: `${item.linkId}: enableWhen needs exactly one answer[x] (found ${given.length})`,
        });
        return;
      }
      const key = given[0] as AnswerKey;
      if (ew.operator === "exists") {
        if (key !== "answerBoolean")
          issues.push({
            linkId: item.linkId,
            path: `${at}.${key}`,
            code: "enable_when_type_mismatch",
            message: `${item.linkId}: enableWhen with operator exists takes answerBoolean, not ${key}`,
          });
        return;
      }
      const fits = answerKeysFor(target);
      if (!fits.includes(key)) {
        issues.push({
          linkId: item.linkId,
          path: `${at}.${key}`,
          code: "enable_when_type_mismatch",
          message: `${item.linkId}: enableWhen compares question "${ew.question}" (type ${target.type}) with ${key}; expected ${fits.length ? fits.join(" or ") : "operator exists only"}`,
        });
        return;
      }
      if (
        ORDERED.has(ew.operator) &&
        (key === "answerBoolean" || key === "answerCoding" || key === "answerReference")
      ) {
        issues.push({
          linkId: item.linkId,
          path: `${at}.operator`,
          code: "invalid_operator",
          message: `${item.linkId}: operator ${ew.operator} cannot order ${key}`,
        });
      }
    });
  }

  if (issues.length === 0) issues.push(...findCycles(entries, byLinkId));
  return issues.length === 0 ? { ok: true, questionnaire, items: entries.length } : { ok: false, issues };
}

/** Shape checks that make the rest safe to run: arrays of items with a string linkId and a known type. */
function checkStructure(items: unknown, prefix: string, issues: QuestionnaireIssue[]): boolean {
  if (items === undefined) return true;
  if (!Array.isArray(items)) {
    issues.push({
      linkId: null,
      path: `${prefix}item`,
      code: "invalid_structure",
      message: `${prefix}item: expected an array`,
    });
    return false;
  }
  let ok = true;
  items.forEach((raw, i) => {
    const path = `${prefix}item[${i}]`;
    if (!isRecord(raw)) {
      issues.push({
        linkId: null,
        path,
        code: "invalid_structure",
        message: `${path}: expected an item object`,
      });
      ok = false;
      return;
    }
    const linkId = typeof raw.linkId === "string" && raw.linkId !== "" ? raw.linkId : null;
    if (linkId === null) {
      issues.push({
        linkId: null,
        path: `${path}.linkId`,
        code: "missing_link_id",
        message: `${path}.linkId: required`,
      });
      ok = false;
    }
    if (typeof raw.type !== "string" || !(QUESTIONNAIRE_ITEM_TYPES as readonly string[]).includes(raw.type)) {
      issues.push({
        linkId,
        path: `${path}.type`,
        code: "unknown_item_type",
        message: `${linkId ?? path}: item type "${String(raw.type)}" is not a FHIR R4 item type`,
      });
      ok = false;
    }
    for (const key of ["enableWhen", "answerOption", "initial", "extension"] as const) {
      if (raw[key] !== undefined && !Array.isArray(raw[key])) {
        issues.push({
          linkId,
          path: `${path}.${key}`,
          code: "invalid_structure",
          message: `${linkId ?? path}: ${key} must be an array`,
        });
        ok = false;
      }
    }
    if (Array.isArray(raw.enableWhen)) {
      raw.enableWhen.forEach((ew: unknown, j: number) => {
        if (!isRecord(ew) || typeof ew.question !== "string") {
          issues.push({
            linkId,
            path: `${path}.enableWhen[${j}].question`,
            code: "invalid_structure",
            message: `${linkId ?? path}: enableWhen[${j}].question must be a linkId`,
          });
          ok = false;
        }
      });
    }
    if (!checkStructure(raw.item, `${path}.`, issues)) ok = false;
  });
  return ok;
}

/**
 * Cycles among enabling conditions. An item depends on the questions its enableWhen and enableWhenExpression read and,
 * because a disabled group disables everything under it, on whatever its ancestor groups depend on.
 */
function findCycles(
  entries: ReturnType<typeof flattenItems>,
  byLinkId: Map<string, QuestionnaireItem>,
): QuestionnaireIssue[] {
  const own = new Map<string, string[]>();
  for (const { item } of entries) {
    const deps = (item.enableWhen ?? []).map((ew) => ew.question);
    for (const ext of extensionsOf(item, EXT.enableWhenExpression)) {
      if (isFhirPath(ext.valueExpression)) deps.push(...linkIdsReadBy(ext.valueExpression?.expression ?? ""));
    }
    own.set(
      item.linkId,
      deps.filter((d) => byLinkId.has(d)),
    );
  }
  const edges = new Map<string, string[]>();
  const paths = new Map<string, string>();
  for (const { item, ancestors, path } of entries) {
    const deps = [...(own.get(item.linkId) ?? [])];
    for (const a of ancestors) deps.push(...(own.get(a.linkId) ?? []));
    edges.set(item.linkId, deps);
    paths.set(item.linkId, path);
  }
  const state = new Map<string, "visiting" | "done">();
  const issues: QuestionnaireIssue[] = [];
  const stack: string[] = [];
  const visit = (id: string): boolean => {
    if (state.get(id) === "done") return false;
    if (state.get(id) === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      issues.push({
        linkId: id,
        path: `${paths.get(id) ?? ""}.enableWhen`,
        code: "enable_when_cycle",
        message: `${id}: enabling conditions form a cycle (${cycle.join(" → ")})`,
      });
      return true;
    }
    state.set(id, "visiting");
    stack.push(id);
    for (const dep of edges.get(id) ?? []) if (visit(dep)) return true;
    stack.pop();
    state.set(id, "done");
    return false;
  };
  for (const { item } of entries) if (visit(item.linkId)) break;
  return issues;
}

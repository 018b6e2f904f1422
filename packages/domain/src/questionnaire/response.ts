import { type EvaluateOptions, enabledChecker, indexResponse, itemEnv } from "./evaluate.ts";
import { EXT, extensionOf, fhirPathOf, roleOf } from "./extensions.ts";
import { evaluateFhirPath, type FhirPathEnv } from "./fhirpath.ts";
import type {
  AnswerOption,
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseAnswer,
  QuestionnaireResponseItem,
} from "./types.ts";
import { flattenItems } from "./walk.ts";

/** The canonical reference of a definition as a response cites it: `url|version`. */
export function canonicalOf(questionnaire: Questionnaire): string | undefined {
  if (!questionnaire.url) return undefined;
  return questionnaire.version ? `${questionnaire.url}|${questionnaire.version}` : questionnaire.url;
}

/** Turns one FHIRPath result into an answer of the item's type; undefined when it does not fit. */
export function answerFromValue(
  item: QuestionnaireItem,
  value: unknown,
): QuestionnaireResponseAnswer | undefined {
  const options = item.answerOption ?? [];
  switch (item.type) {
    case "boolean":
      return typeof value === "boolean" ? { valueBoolean: value } : undefined;
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? { valueInteger: value } : undefined;
    case "decimal":
      return typeof value === "number" ? { valueDecimal: value } : undefined;
    case "date":
      return typeof value === "string" ? { valueDate: value.slice(0, 10) } : undefined;
    case "dateTime":
      return typeof value === "string" ? { valueDateTime: value } : undefined;
    case "time":
      return typeof value === "string" ? { valueTime: value } : undefined;
    case "string":
    case "text":
      return typeof value === "string" || typeof value === "number"
        ? { valueString: String(value) }
        : undefined;
    case "url":
      return typeof value === "string" ? { valueUri: value } : undefined;
    case "quantity":
      return typeof value === "object" &&
        value !== null &&
        typeof (value as { value?: unknown }).value === "number"
        ? { valueQuantity: value as { value: number } }
        : typeof value === "number"
          ? { valueQuantity: { value } }
          : undefined;
    case "choice":
    case "open-choice": {
      const code =
        typeof value === "string" || typeof value === "number" || typeof value === "boolean"
          ? String(value)
          : typeof value === "object" && value !== null
            ? (value as Coding).code
            : undefined;
      const option = options.find(
        (o: AnswerOption) =>
          (o.valueCoding && o.valueCoding.code === code) ||
          (o.valueString !== undefined && o.valueString === code) ||
          (o.valueInteger !== undefined && String(o.valueInteger) === code),
      );
      if (option) {
        const { initialSelected: _s, extension: _e, ...answer } = option;
        return answer;
      }
      if (item.type === "open-choice" && typeof value === "string") return { valueString: value };
      if (options.length === 0 && typeof value === "object" && value !== null && code)
        return { valueCoding: value as Coding };
      return undefined;
    }
    default:
      return undefined;
  }
}

export type InitialResponseOptions = EvaluateOptions & {
  /** Recorded on each pre-filled item (`questionnaireresponse-prefilled`), e.g. "case". */
  source?: string;
  authored?: string;
};

/**
 * A new response with every item that has an `initial` value, an `initialSelected` option or an SDC
 * `initialExpression` answered. Answers from an expression (Mamori's data, e.g. `%case`) carry the `prefilled`
 * extension, so that screens can mark them and a person can see what they did not type.
 *
 * Source: SDC 3.0 "Expression-based population" (sdc-questionnaire-initialExpression); FHIR R4 Questionnaire.item.initial.
 * @example initialResponse(cre, { context: { case: { cre: true } } }).item?.[0] // { linkId: "q1", answer: [{ valueBoolean: true }], extension: [...] }
 */
export function initialResponse(
  questionnaire: Questionnaire,
  options: InitialResponseOptions = {},
): QuestionnaireResponse {
  const response: QuestionnaireResponse = {
    resourceType: "QuestionnaireResponse",
    status: "in-progress",
    ...(canonicalOf(questionnaire) ? { questionnaire: canonicalOf(questionnaire) } : {}),
    ...(options.authored ? { authored: options.authored } : {}),
    item: [],
  };
  const env: FhirPathEnv = { ...(options.context ?? {}), resource: response, questionnaire };
  const build = (items: QuestionnaireItem[] | undefined): QuestionnaireResponseItem[] => {
    const out: QuestionnaireResponseItem[] = [];
    for (const item of items ?? []) {
      if (item.type === "display") continue;
      if (item.type === "group") {
        const children = build(item.item);
        if (children.length > 0) out.push({ linkId: item.linkId, item: children });
        continue;
      }
      let answers: QuestionnaireResponseAnswer[] = [];
      let prefilled = false;
      const expression = fhirPathOf(item, EXT.initialExpression);
      if (expression !== undefined) {
        const values = evaluateFhirPath({}, expression, env);
        answers = values.map((v) => answerFromValue(item, v)).filter((a) => a !== undefined);
        prefilled = answers.length > 0;
      }
      if (answers.length === 0 && item.initial) answers = item.initial.map((v) => ({ ...v }));
      if (answers.length === 0) {
        answers = (item.answerOption ?? [])
          .filter((o) => o.initialSelected)
          .map(({ initialSelected: _s, extension: _e, ...v }) => v);
      }
      if (!item.repeats) answers = answers.slice(0, 1);
      const children = build(item.item);
      if (answers.length === 0 && children.length === 0) continue;
      out.push({
        linkId: item.linkId,
        ...(answers.length > 0 ? { answer: answers } : {}),
        ...(children.length > 0 ? { item: children } : {}),
        ...(prefilled
          ? { extension: [{ url: EXT.prefilled, valueString: options.source ?? "context" }] }
          : {}),
      });
    }
    return out;
  };
  response.item = build(questionnaire.item);
  return response;
}

/** Whether an item's answer came from Mamori's data and was not changed since (the `prefilled` extension). */
export function isPrefilled(node: QuestionnaireResponseItem | undefined): boolean {
  return extensionOf(node, EXT.prefilled) !== undefined;
}

/** The first response item for a linkId, at any depth. */
export function findResponseItem(
  response: Pick<QuestionnaireResponse, "item">,
  linkId: string,
): QuestionnaireResponseItem | undefined {
  const search = (items: QuestionnaireResponseItem[] | undefined): QuestionnaireResponseItem | undefined => {
    for (const node of items ?? []) {
      if (node.linkId === linkId) return node;
      const found = search(node.item) ?? node.answer?.map((a) => search(a.item)).find(Boolean);
      if (found) return found;
    }
    return undefined;
  };
  return search(response.item);
}

/**
 * A copy of the response with the answers of one item replaced (an empty list removes them), creating the item and its
 * groups where the definition places them. A changed answer is no longer marked pre-filled.
 * @example setAnswers(q, r, "q1", [{ valueBoolean: true }])
 */
export function setAnswers(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
  linkId: string,
  answers: QuestionnaireResponseAnswer[],
): QuestionnaireResponse {
  const entry = flattenItems(questionnaire).find((e) => e.item.linkId === linkId);
  if (!entry) throw new Error(`${linkId}: not an item of this Questionnaire`);
  const chain = [...entry.ancestors.map((a) => a.linkId), linkId];
  const update = (
    items: QuestionnaireResponseItem[] | undefined,
    depth: number,
  ): QuestionnaireResponseItem[] => {
    const list = [...(items ?? [])];
    const id = chain[depth] as string;
    const at = list.findIndex((n) => n.linkId === id);
    if (depth === chain.length - 1) {
      const prev = at >= 0 ? list[at] : undefined;
      const extension = (prev?.extension ?? []).filter((e) => e.url !== EXT.prefilled);
      const next: QuestionnaireResponseItem = {
        linkId: id,
        ...(answers.length > 0 ? { answer: answers } : {}),
        ...(prev?.item ? { item: prev.item } : {}),
        ...(extension.length > 0 ? { extension } : {}),
      };
      const empty = !next.answer && !next.item;
      if (at >= 0) {
        if (empty) list.splice(at, 1);
        else list[at] = next;
      } else if (!empty) insertInOrder(list, next, siblingsOrder(questionnaire, chain, depth));
      return list;
    }
    const prev = at >= 0 ? list[at] : { linkId: id };
    const children = update(prev?.item, depth + 1);
    const next: QuestionnaireResponseItem = { ...prev, linkId: id, item: children };
    if (children.length === 0) delete next.item;
    const empty = !next.item && !next.answer;
    if (at >= 0) {
      if (empty) list.splice(at, 1);
      else list[at] = next;
    } else if (!empty) insertInOrder(list, next, siblingsOrder(questionnaire, chain, depth));
    return list;
  };
  return { ...response, item: update(response.item, 0) };
}

function siblingsOrder(questionnaire: Questionnaire, chain: string[], depth: number): string[] {
  let items = questionnaire.item ?? [];
  for (let d = 0; d < depth; d++) items = items.find((i) => i.linkId === chain[d])?.item ?? [];
  return items.map((i) => i.linkId);
}

function insertInOrder(
  list: QuestionnaireResponseItem[],
  node: QuestionnaireResponseItem,
  order: string[],
): void {
  const rank = order.indexOf(node.linkId);
  const at = list.findIndex((n) => order.indexOf(n.linkId) > rank);
  if (at < 0) list.push(node);
  else list.splice(at, 0, node);
}

/**
 * The response as it is kept: answers of disabled items removed (FHIR R4: answers to disabled items "SHALL NOT" be
 * retained), empty groups dropped.
 */
export function withoutDisabledAnswers(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
  options: EvaluateOptions = {},
): QuestionnaireResponse {
  const enabled = enabledChecker(indexResponse(questionnaire, response, options));
  const prune = (items: QuestionnaireResponseItem[] | undefined): QuestionnaireResponseItem[] =>
    (items ?? []).flatMap((node) => {
      if (!enabled(node.linkId)) return [];
      const children = prune(node.item);
      const answers = (node.answer ?? []).map((a) => (a.item ? { ...a, item: prune(a.item) } : a));
      const next: QuestionnaireResponseItem = { ...node };
      if (children.length > 0) next.item = children;
      else delete next.item;
      if (answers.length > 0) next.answer = answers;
      else delete next.answer;
      return next.item || next.answer ? [next] : [];
    });
  return { ...response, item: prune(response.item) };
}

/**
 * Applies SDC `calculatedExpression`s: each calculated item gets the value of its expression (evaluated with `%resource`
 * the response as it stands), repeated until nothing changes (at most as many rounds as there are calculated items).
 *
 * Source: SDC 3.0 sdc-questionnaire-calculatedExpression. @example calculate(bmiForm, response) // BMI filled in
 */
export function calculate(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
  options: EvaluateOptions = {},
): QuestionnaireResponse {
  const calculated = flattenItems(questionnaire).filter(
    (e) => fhirPathOf(e.item, EXT.calculatedExpression) !== undefined,
  );
  let current = response;
  for (let round = 0; round <= calculated.length; round++) {
    let changed = false;
    for (const entry of calculated) {
      const index = indexResponse(questionnaire, current, options);
      const expression = fhirPathOf(entry.item, EXT.calculatedExpression) as string;
      const values = evaluateFhirPath(current, expression, itemEnv(index, entry), "QuestionnaireResponse");
      const answers = values.map((v) => answerFromValue(entry.item, v)).filter((a) => a !== undefined);
      const limited = entry.item.repeats ? answers : answers.slice(0, 1);
      const before = JSON.stringify(findResponseItem(current, entry.item.linkId)?.answer ?? []);
      if (before !== JSON.stringify(limited)) {
        current = setAnswers(questionnaire, current, entry.item.linkId, limited);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
}

/** linkIds of the items handed to a role (the role extension on the item or an ancestor). */
export function itemsForRole(questionnaire: Questionnaire, role: string): string[] {
  return flattenItems(questionnaire)
    .filter((e) => roleOf([...e.ancestors, e.item]) === role)
    .map((e) => e.item.linkId);
}

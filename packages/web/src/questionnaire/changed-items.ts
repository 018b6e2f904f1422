import {
  flattenItems,
  flattenResponseItems,
  type Questionnaire,
  type QuestionnaireResponse,
} from "@mamori/domain/questionnaire";

const answersOf = (response: Pick<QuestionnaireResponse, "item">) => {
  const out = new Map<string, string>();
  for (const { node } of flattenResponseItems(response)) {
    if (node.answer && node.answer.length > 0 && !out.has(node.linkId)) {
      out.set(node.linkId, JSON.stringify(node.answer.map(({ item: _nested, ...value }) => value)));
    }
  }
  return out;
};

/**
 * The items whose answers differ between two versions of a response, in the definition's order (answered, cleared or
 * changed): what a correction changed.
 * @example changedItems(q, v1, v2) // ["q2", "q17"]
 */
export function changedItems(
  questionnaire: Questionnaire,
  before: Pick<QuestionnaireResponse, "item">,
  after: Pick<QuestionnaireResponse, "item">,
): string[] {
  const a = answersOf(before);
  const b = answersOf(after);
  return flattenItems(questionnaire)
    .map((e) => e.item.linkId)
    .filter((id) => a.get(id) !== b.get(id));
}

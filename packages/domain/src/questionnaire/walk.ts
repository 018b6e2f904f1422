import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from "./types.ts";

/** One item of a definition with where it sits: its ancestors (outermost first) and its JSON path. */
export type ItemEntry = { item: QuestionnaireItem; ancestors: QuestionnaireItem[]; path: string };

/**
 * Every item of a Questionnaire at every depth, in document order, with its ancestors.
 * @example flattenItems(q).map((e) => e.item.linkId) // ["q1", "q2", "q2.1"]
 */
export function flattenItems(questionnaire: Pick<Questionnaire, "item">): ItemEntry[] {
  const out: ItemEntry[] = [];
  const visit = (items: QuestionnaireItem[] | undefined, ancestors: QuestionnaireItem[], prefix: string) => {
    (items ?? []).forEach((item, i) => {
      const path = `${prefix}item[${i}]`;
      out.push({ item, ancestors, path });
      visit(item.item, [...ancestors, item], `${path}.`);
    });
  };
  visit(questionnaire.item, [], "");
  return out;
}

/** Every response item at every depth (also those nested under answers), with its JSON path, in document order. */
export function flattenResponseItems(
  response: Pick<QuestionnaireResponse, "item">,
): { node: QuestionnaireResponseItem; path: string }[] {
  const out: { node: QuestionnaireResponseItem; path: string }[] = [];
  const visit = (items: QuestionnaireResponseItem[] | undefined, prefix: string) => {
    (items ?? []).forEach((node, i) => {
      const path = `${prefix}item[${i}]`;
      out.push({ node, path });
      visit(node.item, `${path}.`);
      (node.answer ?? []).forEach((a, j) => {
        visit(a.item, `${path}.answer[${j}].`);
      });
    });
  };
  visit(response.item, "");
  return out;
}

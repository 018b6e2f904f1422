import type { QuestionnaireResponse } from "./types.ts";

export type ResponseShapeCheck =
  | { ok: true; response: QuestionnaireResponse }
  | { ok: false; path: string; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that a document is a QuestionnaireResponse the engine can read: `resourceType`, arrays of items with a string
 * `linkId`, arrays of answers that are objects. Returns the JSON path of the first fault.
 * @example checkResponseShape({ resourceType: "QuestionnaireResponse", status: "completed", item: [{}] }) // { ok: false, path: "item[0].linkId", … }
 */
export function checkResponseShape(input: unknown): ResponseShapeCheck {
  if (!isRecord(input) || input.resourceType !== "QuestionnaireResponse")
    return { ok: false, path: "resourceType", message: 'resourceType: expected "QuestionnaireResponse"' };
  const items = (value: unknown, prefix: string): { path: string; message: string } | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return { path: `${prefix}item`, message: `${prefix}item: expected an array` };
    for (const [i, node] of value.entries()) {
      const path = `${prefix}item[${i}]`;
      if (!isRecord(node)) return { path, message: `${path}: expected an item object` };
      if (typeof node.linkId !== "string" || node.linkId === "")
        return { path: `${path}.linkId`, message: `${path}.linkId: required` };
      if (node.answer !== undefined) {
        if (!Array.isArray(node.answer))
          return { path: `${path}.answer`, message: `${node.linkId}: ${path}.answer: expected an array` };
        for (const [j, answer] of node.answer.entries()) {
          if (!isRecord(answer))
            return {
              path: `${path}.answer[${j}]`,
              message: `${node.linkId}: ${path}.answer[${j}]: expected an object`,
            };
          const nested = items(answer.item, `${path}.answer[${j}].`);
          if (nested) return nested;
        }
      }
      const nested = items(node.item, `${path}.`);
      if (nested) return nested;
    }
    return undefined;
  };
  const fault = items(input.item, "");
  return fault ? { ok: false, ...fault } : { ok: true, response: input as QuestionnaireResponse };
}

import type { QrAnswer, QrItem } from "@mamori/contract/survey";
import type { QuestionnaireResponse } from "@mamori/domain/questionnaire";
import type { StoredQuestionnaireResponse } from "../../db/schema/index.ts";

export type { QrAnswer, QrItem };

/**
 * A stored response as the answers declare it: the stored JSON is the FHIR QuestionnaireResponse that was validated on
 * the way in (or built by Mamori), only typed more loosely by the table.
 */
export function asFhirResponse(stored: StoredQuestionnaireResponse): QuestionnaireResponse {
  return stored as unknown as QuestionnaireResponse;
}

/** Every item of a response, depth first, with its answers (items under answers included). */
export function* walkItems(items: readonly QrItem[] | undefined): Generator<QrItem> {
  for (const item of items ?? []) {
    yield item;
    yield* walkItems(item.item);
    for (const answer of item.answer ?? []) yield* walkItems(answer.item);
  }
}

/** The answers by linkId (the first occurrence of a linkId wins; the engine refuses duplicates in definitions). */
export function answersByLinkId(qr: Pick<StoredQuestionnaireResponse, "item">): Map<string, QrAnswer[]> {
  const found = new Map<string, QrAnswer[]>();
  for (const item of walkItems(qr.item as QrItem[] | undefined)) {
    if (item.answer && item.answer.length > 0 && !found.has(item.linkId)) found.set(item.linkId, item.answer);
  }
  return found;
}

/** One answer's value as a comparable, readable string: `true`, `no_capacity`, `2026-01-15`, `4 mg/L`. */
export function answerText(answer: QrAnswer): string {
  if (answer.valueBoolean !== undefined) return String(answer.valueBoolean);
  if (answer.valueCoding) return answer.valueCoding.code;
  if (answer.valueQuantity)
    return `${answer.valueQuantity.value}${answer.valueQuantity.unit ? ` ${answer.valueQuantity.unit}` : ""}`;
  const v =
    answer.valueDecimal ??
    answer.valueInteger ??
    answer.valueDate ??
    answer.valueDateTime ??
    answer.valueTime ??
    answer.valueString;
  return v === undefined ? "" : String(v);
}

const answersText = (answers: readonly QrAnswer[] | undefined) =>
  answers && answers.length > 0 ? answers.map(answerText).join(" / ") : null;

/**
 * The items whose answers differ between two entries of the same paper form (double entry): one row per linkId, in
 * the order the items first appear, with each entry's answer as text (null when left blank).
 */
export function diffResponses(
  first: Pick<StoredQuestionnaireResponse, "item">,
  second: Pick<StoredQuestionnaireResponse, "item">,
): { linkId: string; first: string | null; second: string | null }[] {
  const a = answersByLinkId(first);
  const b = answersByLinkId(second);
  const order = [...new Set([...a.keys(), ...b.keys()])];
  return order
    .map((linkId) => ({ linkId, first: answersText(a.get(linkId)), second: answersText(b.get(linkId)) }))
    .filter((row) => row.first !== row.second);
}

/**
 * A copy of `qr` where the items named in `answers` carry those answers (items are created at the top level, or
 * inside their parent when the linkId is dotted and the parent exists: `q18.1` goes under `q18`). An empty list removes
 * the item's answers.
 */
export function withAnswers<T extends Pick<StoredQuestionnaireResponse, "item">>(
  qr: T,
  answers: ReadonlyMap<string, QrAnswer[]>,
): T {
  const copy = structuredClone(qr) as T;
  const items = ((copy.item as QrItem[] | undefined) ?? []) as QrItem[];
  const pending = new Map(answers);
  for (const item of walkItems(items)) {
    const next = pending.get(item.linkId);
    if (next === undefined) continue;
    if (next.length > 0) item.answer = structuredClone(next);
    else delete item.answer;
    pending.delete(item.linkId);
  }
  for (const [linkId, next] of pending) {
    if (next.length === 0) continue;
    const parentId = linkId.includes(".") ? linkId.slice(0, linkId.lastIndexOf(".")) : null;
    let parent: QrItem | undefined;
    if (parentId) parent = [...walkItems(items)].find((i) => i.linkId === parentId);
    if (parentId && !parent) {
      parent = { linkId: parentId, item: [] };
      items.push(parent);
    }
    if (parent && !parent.item) parent.item = [];
    const target = parent?.item ?? items;
    target.push({ linkId, answer: structuredClone(next) });
  }
  copy.item = items;
  return copy;
}

const shiftDay = (day: string, days: number) => {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The response as the secretariat may see it: no free text (a name could hide in it), every date and date-time moved
 * by `shiftDays` (times dropped), and the response's own id replaced by `exportId`. Coded, yes/no and numeric answers
 * stay as answered.
 */
export function deidentifyResponse(
  qr: StoredQuestionnaireResponse,
  exportId: string,
  shiftDays: number,
  authored: Date | null,
): StoredQuestionnaireResponse {
  const scrub = (items: QrItem[] | undefined): QrItem[] | undefined =>
    items?.map((item) => {
      const answer = item.answer
        ?.filter((a) => a.valueString === undefined)
        .map((a) => {
          const out: QrAnswer = { ...a };
          if (a.valueDate)
            out.valueDate =
              a.valueDate.length === 10 ? shiftDay(a.valueDate, shiftDays) : a.valueDate.slice(0, 4);
          if (a.valueDateTime) {
            delete out.valueDateTime;
            out.valueDate = shiftDay(a.valueDateTime, shiftDays);
          }
          if (a.item) out.item = scrub(a.item) ?? [];
          return out;
        });
      const out: QrItem = { linkId: item.linkId };
      if (item.text) out.text = item.text;
      if (answer && answer.length > 0) out.answer = answer;
      if (item.item) out.item = scrub(item.item) ?? [];
      return out;
    });
  return {
    resourceType: "QuestionnaireResponse",
    id: exportId,
    ...(qr.questionnaire ? { questionnaire: qr.questionnaire } : {}),
    status: "completed",
    ...(authored ? { authored: shiftDay(authored.toISOString(), shiftDays) } : {}),
    item: scrub(qr.item as QrItem[] | undefined) ?? [],
  };
}

import {
  EXT,
  extensionOf,
  type QuestionnaireItem,
  type QuestionnaireResponseAnswer,
  type ValueX,
} from "@mamori/domain/questionnaire";
import type { TFunction } from "i18next";
import { formatDay } from "../lib/dates.ts";

/** The unit an item's number is in (questionnaire-unit), as people read it: "g", "日". */
export function unitOf(item: QuestionnaireItem): string | undefined {
  const coding = extensionOf(item, EXT.unit)?.valueCoding;
  return coding?.display ?? coding?.code;
}

/** An answer as text on screen: はい/いいえ, the option's display, 2024年2月1日(木), "2 g". */
export function answerText(
  item: QuestionnaireItem,
  answer: QuestionnaireResponseAnswer | ValueX,
  t: TFunction<"questionnaire">,
  lang: string,
): string {
  if (answer.valueBoolean !== undefined) return answer.valueBoolean ? t("yes") : t("no");
  if (answer.valueCoding) return answer.valueCoding.display ?? answer.valueCoding.code ?? "";
  if (answer.valueDate !== undefined)
    return answer.valueDate.length === 10 ? formatDay(answer.valueDate, lang) : answer.valueDate;
  const unit = unitOf(item);
  const number = answer.valueInteger ?? answer.valueDecimal ?? answer.valueQuantity?.value;
  if (number !== undefined) {
    const u = answer.valueQuantity?.unit ?? unit;
    return u ? `${number} ${u}` : String(number);
  }
  return answer.valueString ?? answer.valueUri ?? answer.valueDateTime ?? answer.valueTime ?? "";
}

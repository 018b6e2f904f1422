import {
  EXT,
  findResponseItem,
  flattenItems,
  type Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireResponse,
  type QuestionnaireResponseAnswer,
} from "@mamori/domain/questionnaire";
import { useTranslation } from "react-i18next";
import type { PaperChoice } from "../api/survey.ts";
import { answerText } from "./answer-text.ts";
import { QuestionnaireForm } from "./QuestionnaireForm.tsx";

export type EntryNo = 1 | 2;

export type EntryDifferencesProps = {
  questionnaire: Questionnaire;
  first: QuestionnaireResponse;
  second: QuestionnaireResponse;
  /** The items on which the two entries differ, as the server found them. */
  linkIds: string[];
  choices: Partial<Record<string, PaperChoice>>;
  /** Without it the choices are shown, not changed. */
  onChoose?: (linkId: string, choice: PaperChoice) => void;
};

/** The item alone, to key a value again: its question, type, options and unit, without its conditions. */
const alone = (questionnaire: Questionnaire, item: QuestionnaireItem): Questionnaire => ({
  ...questionnaire,
  item: [
    {
      linkId: item.linkId,
      type: item.type,
      ...(item.prefix ? { prefix: item.prefix } : {}),
      ...(item.text ? { text: item.text } : {}),
      ...(item.repeats ? { repeats: item.repeats } : {}),
      ...(item.answerOption ? { answerOption: item.answerOption } : {}),
      ...(item.extension ? { extension: item.extension.filter((e) => e.url === EXT.unit) } : {}),
    },
  ],
});

/**
 * The items two people keyed differently from one paper form, the two readings side by side under the question, each
 * a choice: the clerk looks at the paper and picks the reading that matches it — or, when both misread it, keys the
 * value again as the paper has it.
 */
export function EntryDifferences(props: EntryDifferencesProps) {
  const { questionnaire, first, second, linkIds, choices, onChoose } = props;
  const { t, i18n } = useTranslation("questionnaire");
  const { t: ts } = useTranslation("survey");
  const items = new Map(flattenItems(questionnaire).map((e) => [e.item.linkId, e.item]));
  const shown = (item: QuestionnaireItem | undefined, answers: QuestionnaireResponseAnswer[]) =>
    answers.length === 0
      ? ts("paper.blank")
      : answers
          .map((a) => {
            // A keyed option may carry only its code: the option's own words are shown.
            const code = a.valueCoding?.code;
            const option = code
              ? item?.answerOption?.find((o) => o.valueCoding?.code === code)?.valueCoding
              : undefined;
            return item ? answerText(item, option ? { valueCoding: option } : a, t, i18n.language) : "";
          })
          .join("、");
  return (
    <div className="entry-diffs" data-testid="entry-differences">
      {linkIds.map((linkId) => {
        const item = items.get(linkId);
        const readings = [
          [1, findResponseItem(first, linkId)?.answer ?? []],
          [2, findResponseItem(second, linkId)?.answer ?? []],
        ] as const;
        const choice = choices[linkId];
        const reread = typeof choice === "object" ? choice : null;
        return (
          <fieldset key={linkId} className="entry-diff" data-testid={`difference-${linkId}`}>
            <legend className="entry-diff-question">
              {item?.prefix && <span className="qr-prefix">{item.prefix}</span>}
              {item?.text ?? linkId}
            </legend>
            <div className="entry-diff-readings">
              {readings.map(([n, answers]) => (
                <label
                  key={n}
                  className={`entry-diff-reading${choice === n ? " is-on" : ""}`}
                  data-testid={`difference-${linkId}-${n}`}
                >
                  <input
                    type="radio"
                    name={`difference-${linkId}`}
                    checked={choice === n}
                    disabled={!onChoose}
                    onChange={() => onChoose?.(linkId, n)}
                  />
                  <span className="entry-diff-who">{ts("paper.entry", { n })}</span>
                  <span className="entry-diff-value">{shown(item, [...answers])}</span>
                </label>
              ))}
            </div>
            {item && onChoose && (
              <label className="entry-diff-reread" data-testid={`difference-${linkId}-reread`}>
                <input
                  type="radio"
                  name={`difference-${linkId}`}
                  checked={reread !== null}
                  onChange={() => onChoose(linkId, { answer: [] })}
                />
                {ts("paper.reread")}
              </label>
            )}
            {item && reread && onChoose && (
              <QuestionnaireForm
                questionnaire={alone(questionnaire, item)}
                response={{
                  resourceType: "QuestionnaireResponse",
                  status: "in-progress",
                  item: reread.answer.length > 0 ? [{ linkId, answer: reread.answer }] : [],
                }}
                onChange={(next) =>
                  onChoose(linkId, { answer: findResponseItem(next, linkId)?.answer ?? [] })
                }
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

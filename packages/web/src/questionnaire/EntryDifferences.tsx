import {
  findResponseItem,
  flattenItems,
  type Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireResponse,
  type QuestionnaireResponseAnswer,
} from "@mamori/domain/questionnaire";
import { useTranslation } from "react-i18next";
import { answerText } from "./answer-text.ts";

export type EntryNo = 1 | 2;

export type EntryDifferencesProps = {
  questionnaire: Questionnaire;
  first: QuestionnaireResponse;
  second: QuestionnaireResponse;
  /** The items on which the two entries differ, as the server found them. */
  linkIds: string[];
  choices: Partial<Record<string, EntryNo>>;
  /** Without it the choices are shown, not changed. */
  onChoose?: (linkId: string, entryNo: EntryNo) => void;
};

/**
 * The items two people keyed differently from one paper form, the two readings side by side under the question, each
 * a choice: the clerk looks at the paper and picks the reading that matches it.
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
                  className={`entry-diff-reading${choices[linkId] === n ? " is-on" : ""}`}
                  data-testid={`difference-${linkId}-${n}`}
                >
                  <input
                    type="radio"
                    name={`difference-${linkId}`}
                    checked={choices[linkId] === n}
                    disabled={!onChoose}
                    onChange={() => onChoose?.(linkId, n)}
                  />
                  <span className="entry-diff-who">{ts("paper.entry", { n })}</span>
                  <span className="entry-diff-value">{shown(item, [...answers])}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

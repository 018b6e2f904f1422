import { flattenItems, type Questionnaire } from "@mamori/domain/questionnaire";
import { useTranslation } from "react-i18next";
import type { SurveyResponseVersion } from "../api/survey.ts";
import { formatInstant } from "../lib/dates.ts";
import { changedItems } from "./changed-items.ts";

/**
 * The submitted versions of a response, newest first: when, by whom, why it was corrected and which questions each
 * correction changed. The secretariat counts the newest.
 */
export function ResponseHistory({
  questionnaire,
  versions,
  timeZone,
}: {
  questionnaire: Questionnaire;
  versions: SurveyResponseVersion[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("survey");
  // 「設問18の1」: the prefixes of the item and its groups, as the paper form numbers them.
  const prefixes = new Map(
    flattenItems(questionnaire).map((e) => {
      const parts = [...e.ancestors, e.item]
        .map((i) => i.prefix?.replace(/\.$/, ""))
        .filter((p): p is string => Boolean(p));
      return [e.item.linkId, parts.length > 0 ? parts.join("の") : e.item.linkId];
    }),
  );
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section className="survey-history-section" data-testid="response-history">
      <h2>{t("history.title")}</h2>
      <ol className="survey-history" reversed>
        {newestFirst.map((v) => {
          const previous = versions.find((p) => p.version === v.version - 1);
          const changed = previous ? changedItems(questionnaire, previous.response, v.response) : [];
          const names = [...new Set(changed.map((id) => prefixes.get(id) ?? id))];
          return (
            <li key={v.version} data-testid={`history-${v.version}`}>
              <strong>{t("history.version", { version: v.version })}</strong>
              {v.version === newestFirst[0]?.version && <span className="badge">{t("history.current")}</span>}{" "}
              {formatInstant(v.submittedAt, timeZone, i18n.language)} {v.submittedBy}
              <div>
                {previous ? t("history.corrected", { reason: v.reason ?? "" }) : t("history.firstSubmission")}
              </div>
              {previous && (
                <div className="muted">
                  {names.length > 0
                    ? t("history.changed", { list: names.join("、") })
                    : t("history.unchanged")}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

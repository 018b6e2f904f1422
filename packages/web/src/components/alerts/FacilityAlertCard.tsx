import { ALERT_TEXT, renderAlertWhy } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";
import { personLabel, shortDay, sourceLine, subjectLabel } from "../../alerts/alert-labels.ts";
import { countLines, type FacilityAlertGroup, personIdsOf, subjectOf } from "../../alerts/alert-view.ts";
import type { Facility, Person } from "../../api/types.ts";
import { formatDay } from "../../lib/dates.ts";
import { asLang } from "../../lib/labels.ts";
import { StartEpisodeButton } from "../episodes/StartEpisodeButton.tsx";
import { DraftReportButton } from "../reports/DraftReportButton.tsx";

interface Props {
  group: FacilityAlertGroup;
  people: ReadonlyMap<string, Person>;
  facility: Facility;
  /** Whether to list every day the rule held (the 7-day view). */
  showDays: boolean;
}

const REPORTING = new Set(["REPORT_CRITERION_A", "REPORT_CRITERION_B"]);

/**
 * One facility alert as a director reads it: what kind of alert, the rule's title and subject, the count against the
 * threshold, why (who, when, the rule, its page), who is concerned, and what to do next in the manual's words.
 */
export function FacilityAlertCard({ group, people, facility, showDays }: Props) {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const alert = group.latest;
  const text = ALERT_TEXT[alert.code];
  const personName = (id: string) => people.get(id)?.name ?? t("records.unknownPerson");
  const persons = personIdsOf(alert);
  const reporting = REPORTING.has(alert.code);
  const contacts =
    facility.municipality && facility.healthCentre
      ? t("steps.reportContacts", {
          municipality: facility.municipality.name,
          healthCentre: facility.healthCentre.name,
        })
      : t("steps.reportContactsUnknown");

  return (
    <article
      className={`alert-card alert-card--${alert.code}`}
      data-testid={`alert-card-${alert.code}-${subjectOf(alert)}`}
      data-code={alert.code}
      data-day={alert.day}
    >
      <header className="alert-card-head">
        <span className="alert-category">{t(`category.${alert.code}`)}</span>
        <span className="alert-day">{formatDay(alert.day, lang)}</span>
      </header>
      <h3 className="alert-title">{text.title[lang]}</h3>
      <p className="alert-subject">{t("card.about", { subject: subjectLabel(t, alert, lang) })}</p>
      <dl className="alert-facts">
        <dt>{t("card.count")}</dt>
        <dd className="alert-count" data-testid="alert-count">
          {countLines(alert).map((line) => (
            <span key={line.key}>{t(`card.${line.key}`, line.values)}</span>
          ))}
        </dd>
        <dt>{t("card.why")}</dt>
        <dd data-testid="alert-why">{renderAlertWhy(alert, lang, { personName })}</dd>
        {persons.length > 0 && (
          <>
            <dt>{t("card.who")}</dt>
            <dd>
              <ul className="alert-people" data-testid="alert-who">
                {persons.map((id) => (
                  <li key={id}>{personLabel(t, people.get(id))}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t("card.next")}</dt>
        <dd data-testid="alert-advice">
          <ol className="alert-steps">
            <li>{text.advice[lang]}</li>
            {reporting && (
              <>
                <li>{t("steps.reportWhat")}</li>
                <li>{contacts}</li>
                <li>{t("steps.reportRecord")}</li>
                <li>{t("steps.reportSpecimens")}</li>
              </>
            )}
            {alert.code === "ABOVE_USUAL" && <li>{t("steps.aboveUsualRecord")}</li>}
          </ol>
        </dd>
        <dt>{t("card.source")}</dt>
        <dd className="alert-source" data-testid="alert-source">
          {sourceLine(t, alert.evidence.source)}
        </dd>
      </dl>
      <StartEpisodeButton alert={alert} facilityId={facility.id} />
      <DraftReportButton alert={alert} />
      {showDays && group.days.length > 1 && (
        <p className="alert-days muted" data-testid="alert-days">
          {t("card.days", {
            days: group.days.map((day) => shortDay(day, lang)).join(lang === "ja" ? "、" : ", "),
          })}
        </p>
      )}
    </article>
  );
}

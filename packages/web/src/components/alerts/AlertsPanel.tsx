import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  currentFacilityAlerts,
  groupFacilityAlerts,
  isPersonAlert,
  summariseHints,
} from "../../alerts/alert-view.ts";
import { useFacilityAlerts, usePeopleById } from "../../alerts/use-alerts.ts";
import type { Facility } from "../../api/types.ts";
import { alertsJa } from "../../i18n/alerts.ja.ts";
import { formatInstant } from "../../lib/dates.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { FacilityAlertCard } from "./FacilityAlertCard.tsx";
import { HintSummary } from "./HintSummary.tsx";
import "./alerts.css";

/** Days the panel asks for: today and the six before it, so the 7-day view needs no second call. */
const WEEK_DAYS = 7;

type Period = "current" | "week";
type ProfileId = keyof typeof alertsJa.panel.profileNames;

/**
 * The home page's alerts: the facility rules first (reporting criteria, the 24-hour cluster, more than usual, end of
 * an outbreak), each with why and what to do; then the person hints counted per unit with a way into the round.
 * What is under way by default — today's alerts and an outbreak signal of the week whose outbreak has not reached its
 * end (a cluster of three days ago stays in view) with today's hints — the past 7 days on request; a calm sentence when
 * there is nothing.
 */
export function AlertsPanel({ facility }: { facility: Facility }) {
  const { t, i18n } = useTranslation("alerts");
  const [period, setPeriod] = useState<Period>("current");
  const { result, error, reload } = useFacilityAlerts(facility.id, WEEK_DAYS);
  const { people, error: peopleError } = usePeopleById();

  const view = useMemo(() => {
    if (!result) return null;
    const today = result.days.at(-1) ?? "";
    const unitOf = (id: string) => people?.get(id)?.unitId ?? null;
    const unitOrder = facility.units.map((u) => u.id);
    const summarise = (days: readonly string[]) => ({
      groups: groupFacilityAlerts(result.alerts, days),
      hints: summariseHints(result.alerts, days, unitOf, unitOrder),
    });
    const weekPersons = new Set(
      result.alerts.flatMap((alert) => (isPersonAlert(alert) ? [alert.subject.personId] : [])),
    ).size;
    const current = {
      groups: currentFacilityAlerts(result.alerts, result.days),
      hints: summariseHints(result.alerts, [today], unitOf, unitOrder),
    };
    return { current, week: summarise(result.days), weekPersons };
  }, [result, people, facility.units]);

  // Printing the panel prints it alone, not the rounds below it.
  useEffect(() => {
    const done = () => document.body.classList.remove("print-alerts");
    globalThis.addEventListener("afterprint", done);
    return () => globalThis.removeEventListener("afterprint", done);
  }, []);
  const print = () => {
    document.body.classList.add("print-alerts");
    globalThis.print();
  };

  const shown = view ? view[period] : null;
  const profileName = (id: string) =>
    id in alertsJa.panel.profileNames ? t(`panel.profileNames.${id as ProfileId}`) : id;
  const weekFacility = view?.week.groups.length ?? 0;
  const weekPersons = view?.weekPersons ?? 0;
  const nothing = shown !== null && shown.groups.length === 0 && shown.hints.length === 0;

  return (
    <section className="alerts-panel" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <div className="alerts-head">
        <h2 id="alerts-title">{t("panel.title")}</h2>
        {result && (
          <span className="muted alerts-asof" data-testid="alerts-asof">
            {t("panel.asOf", { time: formatInstant(result.asOf, facility.timeZone, i18n.language) })}
          </span>
        )}
        <div className="alerts-tools no-print">
          <fieldset className="alerts-period">
            <legend className="sr-only">{t("panel.choosePeriod")}</legend>
            {(["current", "week"] as const).map((p) => (
              <button
                key={p}
                type="button"
                className={period === p ? "seg seg--small is-on" : "seg seg--small"}
                aria-pressed={period === p}
                data-testid={`alerts-${p}`}
                onClick={() => setPeriod(p)}
              >
                {t(`panel.${p}`)}
              </button>
            ))}
          </fieldset>
          <button type="button" className="btn btn-small" onClick={() => void reload()}>
            {t("panel.refresh")}
          </button>
          <button type="button" className="btn btn-small" data-testid="alerts-print" onClick={print}>
            {t("panel.print")}
          </button>
        </div>
      </div>
      <p className="alerts-print-title print-only">
        {facility.name} — {t(`panel.${period}`)}
      </p>

      <ErrorNotice error={error ?? peopleError} onRetry={() => void reload()} />
      {!error && !peopleError && (shown === null || people === null) && (
        <p className="muted">{t("panel.loading")}</p>
      )}

      {shown !== null && people !== null && (
        <>
          {nothing && (
            <div className="alerts-calm" data-testid="alerts-calm">
              <p>{period === "current" ? t("panel.calm") : t("panel.calmWeek")}</p>
              {period === "current" && weekFacility + weekPersons > 0 && (
                <p className="muted no-print">
                  {t("panel.weekHas", { facility: weekFacility, persons: weekPersons })}{" "}
                  <button
                    type="button"
                    className="btn btn-small"
                    data-testid="alerts-show-week"
                    onClick={() => setPeriod("week")}
                  >
                    {t("panel.showWeek")}
                  </button>
                </p>
              )}
            </div>
          )}
          {shown.groups.length > 0 && (
            <div className="alerts-facility">
              <h3 className="sr-only">{t("panel.facilityHeading")}</h3>
              {shown.groups.map((group) => (
                <FacilityAlertCard
                  key={`${group.latest.code}/${group.latest.day}/${JSON.stringify(group.latest.subject)}`}
                  group={group}
                  people={people}
                  facility={facility}
                  showDays={period === "week" || group.latest.day !== result?.days.at(-1)}
                />
              ))}
            </div>
          )}
          {shown.hints.length > 0 && (
            <div className="alerts-hints" data-testid="alerts-hints">
              <h3>{t("panel.hintsHeading")}</h3>
              <HintSummary counts={shown.hints} units={facility.units} showDay={period === "week"} />
              <p className="muted small">{t("panel.hintsLead")}</p>
            </div>
          )}
          {result && (
            <p className="muted small alerts-profile" data-testid="alerts-profile">
              {t("panel.profile", { name: profileName(result.profile) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

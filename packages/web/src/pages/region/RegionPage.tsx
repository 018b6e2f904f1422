import { GROUP_TEXT, type SyndromeGroup } from "@mamori/domain/surveillance";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { RegionChart } from "../../components/region/RegionChart.tsx";
import { RegionFacilityAlerts } from "../../components/region/RegionFacilityAlerts.tsx";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { type RegionLabels, regionOption, sharedMaxY } from "../../region/region-option.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import "../../components/region/region.css";

/** Small multiples drawn at first; the rest on asking (a region may have hundreds of facilities). */
const FIRST_SHOWN = 24;

/**
 * The health centre's region view: per kind of symptoms, the region's daily new onsets over four weeks and each
 * sharing facility's as small multiples, with who is above their usual level today (the same test as the facility's
 * "above usual" notice). Numbers only — never a person.
 */
export function RegionPage() {
  const { t, i18n } = useTranslation("region");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const [chosen, setChosen] = useState<SyndromeGroup | null>(null);
  // The server sends every facility's series for one group: the one chosen, else the one most above usual.
  const fetchView = useMemo(() => () => api.region.view(chosen ?? undefined), [api, chosen]);
  const view = useLoad(fetchView);
  const [showAll, setShowAll] = useState(false);

  const labels: RegionLabels = useMemo(
    () => ({
      onsets: t("onsets"),
      upperBound: t("upperBound"),
      axisDay: (day) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`,
      longDay: (day) => shortDay(day, lang),
      people: (count) => t("people", { count }),
    }),
    [t, lang],
  );

  const data = view.data;
  const group = data?.group ?? chosen ?? "GI";
  const current = data?.groups.find((g) => g.group === group);
  const names = useMemo(() => new Map((data?.facilities ?? []).map((f) => [f.id, f.name])), [data]);
  const alertsOf = useMemo(() => new Map((data?.facilities ?? []).map((f) => [f.id, f.alerts])), [data]);
  const alerting = (data?.facilities ?? []).filter((f) => f.alerts.length > 0);
  const maxY = useMemo(() => (current ? sharedMaxY(current.facilities) : 2), [current]);
  const regionChart = useMemo(
    () => (data && current ? regionOption(data.days, current.region, labels, { compact: false }) : null),
    [data, current, labels],
  );
  const groupName = (g: SyndromeGroup) => GROUP_TEXT[g].name[lang];
  const shown = current ? (showAll ? current.facilities : current.facilities.slice(0, FIRST_SHOWN)) : [];

  return (
    <div className="region-page" data-testid="region-page">
      <h1>
        {t("heading")}
        <span className="muted region-org"> {user.organisation.name}</span>
      </h1>
      <p className="muted">{t("lead")}</p>
      <ErrorNotice error={view.error} onRetry={() => void view.reload()} />
      {!data && !view.error && <p className="muted">{t("loading")}</p>}
      {data && data.facilities.length === 0 && (
        <p className="notice" data-testid="region-none">
          {t("none")}
        </p>
      )}
      {data && current && data.facilities.length > 0 && (
        <>
          <p className="small">{t("asOf", { day: shortDay(data.asOfDay, lang) })}</p>
          <fieldset className="region-groups">
            <legend className="sr-only">{t("chooseGroup")}</legend>
            {data.groups.map((g) => (
              <button
                key={g.group}
                type="button"
                className={g.group === group ? "seg seg--small is-on" : "seg seg--small"}
                aria-pressed={g.group === group}
                data-testid={`region-group-${g.group}`}
                onClick={() => {
                  setChosen(g.group);
                  setShowAll(false);
                }}
              >
                {groupName(g.group)}
                {(g.aboveToday > 0 || g.aboveRecently > 0) && (
                  <span className="region-badge">
                    {t("aboveBadge", { count: g.aboveToday > 0 ? g.aboveToday : g.aboveRecently })}
                  </span>
                )}
              </button>
            ))}
          </fieldset>

          <section
            className="region-alerting"
            aria-labelledby="region-alerting-title"
            data-testid="region-alerting"
          >
            <h2 id="region-alerting-title">{t("alerts.title")}</h2>
            <p className="muted small">{t("alerts.lead")}</p>
            {alerting.length === 0 ? (
              <p>{t("alerts.none")}</p>
            ) : (
              <ul className="region-alerting-list">
                {alerting.map((f) => (
                  <li key={f.id} data-testid="region-alerting-facility">
                    <strong>{f.name}</strong>
                    <RegionFacilityAlerts alerts={f.alerts} asOfDay={data.asOfDay} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="region-whole" aria-labelledby="region-whole-title">
            <h2 id="region-whole-title">{t("regionTitle")}</h2>
            <p data-testid="region-summary">
              {t("regionSummary", {
                group: groupName(group),
                week: current.region.lastWeek,
                today: current.region.today,
              })}
              {current.region.aboveToday && <strong className="region-above"> {t("regionAbove")}</strong>}
            </p>
            {regionChart && (
              <RegionChart
                option={regionChart}
                className="region-chart"
                label={t("regionSummary", {
                  group: groupName(group),
                  week: current.region.lastWeek,
                  today: current.region.today,
                })}
                testId="region-chart"
              />
            )}
            <p className="muted small">{t("legend")}</p>
          </section>

          <section aria-labelledby="region-facilities-title">
            <h2 id="region-facilities-title">{t("facilitiesTitle")}</h2>
            <p className="muted small">{t("facilitiesLead")}</p>
            <ul className="region-grid" data-testid="region-grid">
              {shown.map((f) => (
                <li
                  key={f.facilityId}
                  className={
                    f.meetsReportCriterion || f.aboveToday
                      ? "region-card region-card--above"
                      : f.aboveDays.length > 0
                        ? "region-card region-card--recent"
                        : "region-card"
                  }
                  data-testid="region-card"
                  data-above={f.aboveToday ? "today" : f.aboveDays.length > 0 ? "recent" : "no"}
                >
                  <strong className="region-card-name">{names.get(f.facilityId) ?? ""}</strong>
                  <span className="region-card-counts">
                    {t("today", { count: f.today })}・{t("lastWeek", { count: f.lastWeek })}
                  </span>
                  {f.aboveToday ? (
                    <span className="region-flag">{t("aboveToday")}</span>
                  ) : f.aboveDays.length > 0 ? (
                    <span className="region-flag region-flag--past">
                      {t("aboveRecently", { days: f.aboveDays.map((d) => shortDay(d, lang)).join("、") })}
                    </span>
                  ) : null}
                  <RegionChart
                    option={regionOption(data.days, f, labels, { compact: true, maxY })}
                    className="region-mini"
                    label={`${names.get(f.facilityId) ?? ""}：${t("lastWeek", { count: f.lastWeek })}`}
                  />
                  {!f.tested && <span className="muted small">{t("notTested")}</span>}
                  <RegionFacilityAlerts alerts={alertsOf.get(f.facilityId) ?? []} asOfDay={data.asOfDay} />
                </li>
              ))}
            </ul>
            {!showAll && current.facilities.length > FIRST_SHOWN && (
              <button type="button" className="btn" onClick={() => setShowAll(true)}>
                {t("showMore", { count: current.facilities.length - FIRST_SHOWN })}
              </button>
            )}
          </section>
          <p className="muted small">
            {t("how", { method: `EARS ${data.detection.method}`, days: data.detection.minHistoryDays })}
          </p>
        </>
      )}
    </div>
  );
}

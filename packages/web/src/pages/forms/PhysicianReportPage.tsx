import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { periodText } from "../../components/forms/form-text.ts";
import { PhysicianReportSheet } from "../../components/forms/PhysicianReportSheet.tsx";
import { addDays, isDay, todayIn } from "../../lib/dates.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { FormsNav } from "./FormsNav.tsx";

/** The periods offered: the form's six days, a week, two weeks. */
const DAY_CHOICES = [6, 7, 14] as const;
const DEFAULT_DAYS = 6;

/**
 * 付録4③ 医師への報告用紙 for `days` days from `from` (`?from=YYYY-MM-DD&days=6`; by default the six days ending
 * today), with a day picker, shown as it prints.
 */
export function PhysicianReportPage() {
  const { t, i18n } = useTranslation("forms");
  const api = useApi();
  const { facility } = useFacility();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [printedAt] = useState(() => new Date().toISOString());

  const today = todayIn(facility?.timeZone ?? "Asia/Tokyo");
  const params = new URLSearchParams(search);
  const askedDays = Number(params.get("days"));
  const days = (DAY_CHOICES as readonly number[]).includes(askedDays) ? askedDays : DEFAULT_DAYS;
  const askedFrom = params.get("from");
  const latestFrom = addDays(today, -(days - 1));
  const from = askedFrom && isDay(askedFrom) ? askedFrom : latestFrom;
  const go = (nextFrom: string, nextDays = days) =>
    navigate(`/forms/physician-report?from=${nextFrom}&days=${nextDays}`);

  const facilityId = facility?.id ?? null;
  const fetch = useMemo(
    () => (facilityId ? () => api.forms.physicianReport(facilityId, from, days) : null),
    [api, facilityId, from, days],
  );
  const { data, error, reload } = useLoad(fetch);
  const form = data && data.days[0] === from && data.days.length === days ? data : null;
  const print = useCallback(() => globalThis.print(), []);

  return (
    <div className="form-page">
      <FormsNav />
      <p className="form-lead no-print">{t("physician.lead")}</p>
      <div className="form-toolbar no-print">
        <button
          type="button"
          className="btn"
          data-testid="days-prev"
          onClick={() => go(addDays(from, -days))}
        >
          ◀ {t("common.prevDays")}
        </button>
        <label>
          <span className="sr-only">{t("common.fromDay")}</span>
          <input
            type="date"
            data-testid="from-input"
            value={from}
            aria-label={t("common.fromDay")}
            onChange={(event) => isDay(event.target.value) && go(event.target.value)}
          />
        </label>
        <label>
          <span className="sr-only">{t("common.daysCount")}</span>
          <select
            data-testid="days-select"
            aria-label={t("common.daysCount")}
            value={days}
            onChange={(event) => go(from, Number(event.target.value))}
          >
            {DAY_CHOICES.map((n) => (
              <option key={n} value={n}>
                {t("common.daysOption", { count: n })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" data-testid="days-next" onClick={() => go(addDays(from, days))}>
          {t("common.nextDays")} ▶
        </button>
        {from !== latestFrom && (
          <button
            type="button"
            className="btn btn-ghost"
            data-testid="days-latest"
            onClick={() => go(latestFrom)}
          >
            {t("common.latest")}
          </button>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-primary"
          data-testid="form-print"
          disabled={!form}
          onClick={print}
        >
          {t("common.print")}
        </button>
      </div>
      <p className="form-lead no-print" data-testid="form-screen-period">
        {periodText(from, addDays(from, days - 1), i18n.language)}
      </p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {!form && !error && <p className="muted no-print">{t("common.loading")}</p>}
      {form && (
        <>
          <p className="form-scroll-hint no-print" id="form-scroll-hint">
            ⇆ {t("common.scrollHint")}
          </p>
          <section
            className="form-scroll"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a sheet that scrolls sideways on a phone must be reachable and scrollable by keyboard.
            tabIndex={0}
            aria-describedby="form-scroll-hint"
            aria-label={t("common.scrollHint")}
          >
            <PhysicianReportSheet form={form} printedAt={printedAt} />
          </section>
        </>
      )}
      <p className="form-lead no-print">{t("common.screenNote")}</p>
    </div>
  );
}

import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { mondayOf, periodText } from "../../components/forms/form-text.ts";
import { WeeklyTrendSheet } from "../../components/forms/WeeklyTrendSheet.tsx";
import { addDays, isDay, todayIn } from "../../lib/dates.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { FormsNav } from "./FormsNav.tsx";

/**
 * 付録4② 施設全体での傾向把握 for a week (Monday to Sunday by default; `?week=YYYY-MM-DD` for any first day), with a
 * week picker, shown as it prints.
 */
export function WeeklyTrendPage() {
  const { t, i18n } = useTranslation("forms");
  const api = useApi();
  const { facility } = useFacility();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [printedAt] = useState(() => new Date().toISOString());

  const today = todayIn(facility?.timeZone ?? "Asia/Tokyo");
  const asked = new URLSearchParams(search).get("week");
  const weekStart = asked && isDay(asked) ? asked : mondayOf(today);
  const thisWeek = mondayOf(today);
  const go = (day: string) => navigate(`/forms/weekly?week=${day}`);

  const facilityId = facility?.id ?? null;
  const fetch = useMemo(
    () => (facilityId ? () => api.forms.weekly(facilityId, weekStart) : null),
    [api, facilityId, weekStart],
  );
  const { data, error, reload } = useLoad(fetch);
  const form = data && data.weekStart === weekStart ? data : null;
  const print = useCallback(() => globalThis.print(), []);

  return (
    <div className="form-page">
      <FormsNav />
      <p className="form-lead no-print">{t("weekly.lead")}</p>
      <div className="form-toolbar no-print">
        <button
          type="button"
          className="btn"
          data-testid="week-prev"
          onClick={() => go(addDays(weekStart, -7))}
        >
          ◀ {t("common.prevWeek")}
        </button>
        <label>
          <span className="sr-only">{t("common.weekOf")}</span>
          <input
            type="date"
            data-testid="week-input"
            value={weekStart}
            aria-label={t("common.weekOf")}
            onChange={(event) => isDay(event.target.value) && go(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn"
          data-testid="week-next"
          onClick={() => go(addDays(weekStart, 7))}
        >
          {t("common.nextWeek")} ▶
        </button>
        {weekStart !== thisWeek && (
          <button
            type="button"
            className="btn btn-ghost"
            data-testid="week-this"
            onClick={() => go(thisWeek)}
          >
            {t("common.thisWeek")}
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
        {periodText(weekStart, addDays(weekStart, 6), i18n.language)}
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
            <WeeklyTrendSheet form={form} printedAt={printedAt} />
          </section>
        </>
      )}
      <p className="form-lead no-print">{t("common.screenNote")}</p>
    </div>
  );
}

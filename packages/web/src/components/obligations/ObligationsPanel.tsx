import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { ObligationState } from "../../api/routine.ts";
import type { Facility } from "../../api/types.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { shortDay } from "./short-day.ts";
import "./obligations.css";

/** Where each obligation is recorded in the app. */
const RECORD_AT: Partial<Record<ObligationState["code"], string>> = {
  COMMITTEE: "/routine/committee",
  NEW_HIRE_TRAINING: "/routine/training",
  REGULAR_TRAINING: "/routine/training",
  HUMIDIFIER_TANK: "/routine/hygiene",
  HUMIDIFIER_INSPECTION: "/routine/hygiene",
  HUMIDIFIER_CLEANING: "/routine/hygiene",
  HUMIDIFIER_DRAIN: "/routine/hygiene",
  GUIDELINE_REVIEW: "/routine/guideline",
  EXPOSURE_FOLLOW_UP: "/routine/health",
  BATH_CHLORINE: "/routine/hygiene",
  BATH_WATER_CHANGE: "/routine/hygiene",
  KITCHEN_CHECK: "/routine/hygiene",
  CLEANING_ROUND: "/routine/hygiene",
};

const RANK = { overdue: 0, due_soon: 1, ok: 2 } as const;

/** One obligation: what, about whom or which, when, what to do, and why (the source with its page). */
export function ObligationRow({ item, today }: { item: ObligationState; today: string }) {
  const { t, i18n } = useTranslation("routine");
  const day = (d: string) => shortDay(d, i18n.language, today);
  const details: string[] = [];
  if (item.subject.at === "start" || item.subject.at === "end") details.push(t(`detail.${item.subject.at}`));
  if (item.code === "REGULAR_TRAINING" && item.subject.fiscalYear !== undefined) {
    details.push(
      t("detail.held", { year: item.subject.fiscalYear, held: item.held ?? 0, required: item.required ?? 2 }),
    );
  } else if (item.due) {
    details.push(item.due === today ? t("detail.dueToday") : t("detail.due", { date: day(item.due) }));
  }
  if (item.last) details.push(t("detail.last", { date: day(item.last) }));
  else if (item.last === null && item.status !== "ok") details.push(t("detail.never"));
  if (item.late) details.push(t("detail.late"));
  if (item.missing && item.missing.length > 0)
    details.push(
      t("detail.missing", {
        list: item.missing
          .map((d) => t(`disease.${d}` as "disease.measles"))
          .join(i18n.language === "en" ? ", " : "、"),
      }),
    );
  if (item.reading) details.push(t("detail.reading", { value: item.reading.chlorineMgL }));
  const href = item.status !== "ok" ? RECORD_AT[item.code] : undefined;
  return (
    <li
      className={`obligation obligation--${item.status}`}
      data-testid={`obligation-${item.code}`}
      data-status={item.status}
    >
      <div className="obligation-head">
        <span className={`obligation-badge obligation-badge--${item.status}`}>
          {t(`status.${item.status}`)}
        </span>
        <strong className="obligation-title">{t(`code.${item.code}`)}</strong>
        {item.subjectName && <span className="obligation-subject">{item.subjectName}</span>}
      </div>
      {details.length > 0 && <p className="obligation-details muted">{details.join("　")}</p>}
      {item.status !== "ok" && (
        <p className="obligation-action">
          {t(`action.${item.action}` as "action.none")}
          {href && (
            <>
              {" "}
              <Link href={href} className="obligation-link no-print">
                {t("panel.open")}
              </Link>
            </>
          )}
        </p>
      )}
      <details className="obligation-why">
        <summary>{t("panel.why")}</summary>
        <p>{item.rule}</p>
        <blockquote>「{item.source.quote}」</blockquote>
        <p className="muted">
          {item.source.document} {item.source.section}（
          {t("panel.page", { pages: item.source.pages.join("・") })}）
        </p>
      </details>
    </li>
  );
}

/**
 * What is due in the facility's infection-control routine between outbreaks: overdue items first, then those due soon
 * or today, each with what to do and why; what is done is counted and can be opened. The states come from the
 * server's obligations route (the domain's `evaluateObligations`). Made to sit on a home page or on its own page.
 */
export function ObligationsPanel({ facility, limit }: { facility: Facility; limit?: number }) {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const [showDone, setShowDone] = useState(false);
  const fetch = useCallback(() => api.routine.obligations(facility.id), [api, facility.id]);
  const { data, error, reload } = useLoad(fetch);

  if (!data) {
    return (
      <section className="obligations-panel" data-testid="obligations-panel">
        <h2>{t("panel.title")}</h2>
        <ErrorNotice error={error} onRetry={() => void reload()} />
        {!error && <p className="muted">{t("panel.loading")}</p>}
      </section>
    );
  }
  const sorted = [...data.items].sort((a, b) => RANK[a.status] - RANK[b.status]);
  const open = sorted.filter((i) => i.status !== "ok");
  const done = sorted.filter((i) => i.status === "ok");
  const overdue = open.filter((i) => i.status === "overdue").length;
  const shown = limit !== undefined && !showDone ? open.slice(0, limit) : open;
  return (
    <section
      className="obligations-panel"
      data-testid="obligations-panel"
      aria-labelledby="obligations-title"
    >
      <div className="obligations-head">
        <h2 id="obligations-title">{t("panel.title")}</h2>
        <span className="muted">{t("panel.asOf", { date: shortDay(data.asOf, i18n.language) })}</span>
      </div>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      <p className="obligations-counts">
        <span className={overdue > 0 ? "count count--overdue" : "count"} data-testid="obligations-overdue">
          {t("panel.overdue", { count: overdue })}
        </span>
        <span className="count count--due">{t("panel.dueSoon", { count: open.length - overdue })}</span>
        <span className="count count--ok">{t("panel.done", { count: done.length })}</span>
      </p>
      {overdue === 0 && <p className="obligations-calm">{t("panel.allDone")}</p>}
      <ul className="obligations-list">
        {shown.map((item) => (
          <ObligationRow key={`${item.code}-${JSON.stringify(item.subject)}`} item={item} today={data.asOf} />
        ))}
      </ul>
      {shown.length < open.length && (
        <p className="muted">{t("panel.more", { count: open.length - shown.length })}</p>
      )}
      {done.length > 0 && (
        <button
          type="button"
          className="btn btn-ghost btn-small no-print"
          onClick={() => setShowDone(!showDone)}
          data-testid="obligations-toggle-done"
        >
          {showDone ? t("panel.hideDone") : t("panel.showDone")}
        </button>
      )}
      {showDone && (
        <ul className="obligations-list obligations-list--done">
          {done.map((item) => (
            <ObligationRow
              key={`${item.code}-${JSON.stringify(item.subject)}`}
              item={item}
              today={data.asOf}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

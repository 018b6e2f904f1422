import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { shortDay } from "../../alerts/alert-labels.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { CountSharingCard } from "../../components/region/CountSharingCard.tsx";
import { instantText } from "../../components/reports/report-text.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import "../../components/reports/reports.css";

/** The facility's reports to the offices, newest first, with the director's decisions not to report under ウ. */
export function ReportsListPage() {
  const { t, i18n } = useTranslation("reports");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const fetch = useMemo(() => () => api.reports.list(), [api]);
  const { data, error, reload } = useLoad(fetch);
  if (error && !data) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!data) return <p className="muted">{t("loading")}</p>;
  return (
    <div className="reports-list-page" data-testid="reports-list">
      <h1>{t("list.heading")}</h1>
      {data.reports.length === 0 ? (
        <p className="notice">{t("list.empty")}</p>
      ) : (
        <ul className="inbox-list">
          {data.reports.map((r) => (
            <li key={r.id} className="inbox-item" data-testid="report-list-item">
              <Link href={`/reports/${r.id}`} className="inbox-link">
                <span className="inbox-facility">
                  {t(`kind.${r.kind}`)}・{t(`group.${r.group}`)}
                </span>
                <span className="inbox-meta">
                  <span className={`report-status report-status--${r.status}`}>
                    {t(`status.${r.status}`)}
                  </span>
                  {r.replies > 0 && (
                    <span className="inbox-unread">{t("list.replies", { count: r.replies })}</span>
                  )}
                  <span className="muted">{instantText(r.submittedAt ?? r.createdAt, lang)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data.decisions.length > 0 && (
        <section className="report-section">
          <h2>{t("list.decisions")}</h2>
          <ul>
            {data.decisions.map((d) => (
              <li key={d.id}>
                {shortDay(d.day, lang)} {t(`group.${d.group}`)}：{d.reason}（{d.decidedBy}）
              </li>
            ))}
          </ul>
        </section>
      )}
      {user.abilities?.shareCounts && <CountSharingCard />}
    </div>
  );
}

import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { shortDay } from "../../alerts/alert-labels.ts";
import { ReceivedCreNotifications } from "../../components/cre/ReceivedCreNotifications.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { ReportTemplateCard } from "../../components/region/ReportTemplateCard.tsx";
import { instantText, reportPath } from "../../components/reports/report-text.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import "../../components/reports/reports.css";

/**
 * The home of a health-centre or municipal officer: the reports submitted to their office, newest first, unread ones
 * marked, with where the office is with each; for a health centre, its facilities at a glance (open reports and the
 * outbreaks they are about). Only what facilities submitted — no names of people.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation("reports");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const healthCentre = user.role === "health_centre_officer";
  const fetchInbox = useMemo(() => () => api.reports.inbox(), [api]);
  const fetchOverview = useMemo(
    () => (healthCentre ? () => api.reports.overview() : null),
    [api, healthCentre],
  );
  const inbox = useLoad(fetchInbox);
  const overview = useLoad(fetchOverview);

  return (
    <div className="inbox-page" data-testid="inbox-page">
      <h1>
        {t("inbox.heading")}
        <span className="muted inbox-org"> {user.organisation.name}</span>
      </h1>
      <p className="muted">{t("inbox.privacy")}</p>
      {inbox.error !== null && <ErrorNotice error={inbox.error} onRetry={() => void inbox.reload()} />}
      {inbox.data === null ? (
        <p className="muted">{t("loading")}</p>
      ) : inbox.data.reports.length === 0 ? (
        <p className="notice" data-testid="inbox-empty">
          {t("inbox.empty")}
        </p>
      ) : (
        <ul className="inbox-list" data-testid="inbox-list">
          {inbox.data.reports.map((r) => (
            <li
              key={`${r.facility.id}:${r.id}`}
              className={r.unread ? "inbox-item inbox-item--unread" : "inbox-item"}
              data-testid="inbox-item"
            >
              <Link href={reportPath({ id: r.id, facilityId: r.facility.id })} className="inbox-link">
                <span className="inbox-facility">{r.facility.name}</span>
                <span className="inbox-what">
                  {t(`kind.${r.kind}`)}・{t(`group.${r.group}`)}
                </span>
                <span className="inbox-meta">
                  {r.unread && <span className="inbox-unread">{t("inbox.unread")}</span>}
                  <span className={`inbox-state inbox-state--${r.state}`}>{t(`state.${r.state}`)}</span>
                  <span className="muted">{r.submittedAt ? instantText(r.submittedAt, lang) : ""}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {healthCentre && <ReceivedCreNotifications />}

      {healthCentre && (
        <section className="inbox-overview" data-testid="inbox-overview">
          <h2>{t("inbox.overview")}</h2>
          {overview.error !== null && (
            <ErrorNotice error={overview.error} onRetry={() => void overview.reload()} />
          )}
          {overview.data?.length === 0 && <p className="muted">{t("inbox.overviewEmpty")}</p>}
          <ul className="overview-grid">
            {(overview.data ?? []).map((f) => (
              <li
                key={f.id}
                className={f.openReports > 0 ? "overview-card overview-card--open" : "overview-card"}
              >
                <strong>{f.name}</strong>
                <span>
                  {f.openReports > 0
                    ? t("inbox.openReports", { count: f.openReports })
                    : t("inbox.noOpenReports")}
                </span>
                {f.unread > 0 && (
                  <span className="inbox-unread">{t("inbox.unreadCount", { count: f.unread })}</span>
                )}
                {f.openEpisodes.length > 0 && (
                  <span>
                    {t("inbox.openEpisodes", {
                      groups: f.openEpisodes
                        .map(
                          (e) =>
                            `${e.group ? t(`group.${e.group as "GI"}`) : ""}（${shortDay(e.openedDate, lang)}〜）`,
                        )
                        .join("、"),
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {user.abilities?.reportTemplate && <ReportTemplateCard />}
    </div>
  );
}

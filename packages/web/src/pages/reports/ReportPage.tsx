import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { Report } from "../../api/reports.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { AmbiguousReport, isAmbiguous } from "../../components/reports/AmbiguousReport.tsx";
import { ReportBody } from "../../components/reports/ReportBody.tsx";
import { EditForm } from "../../components/reports/ReportEditForm.tsx";
import { Messages, OfficeActions } from "../../components/reports/ReportMessages.tsx";
import { ReportActionError, ReportToolbar } from "../../components/reports/ReportSubmission.tsx";
import { instantText, isOfficer, reportPath } from "../../components/reports/report-text.ts";
import { INBOX_CHANGED } from "../../components/reports/UnreadReports.tsx";
import { newId } from "../../lib/ids.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import "../../components/reports/reports.css";

/** The report page of `/reports/:id?facility=`: a report named with another facility is another page. */
export function ReportRoute({ id }: { id: string }) {
  const facilityId = new URLSearchParams(useSearch()).get("facility") ?? undefined;
  return <ReportPage key={`${id}:${facilityId ?? ""}`} id={id} facilityId={facilityId} />;
}

/**
 * One report to the offices (付録1① item 4: 人数、症状、対応状況等) for whoever may read it: the facility's staff see
 * the current version, and the director edits, submits once to both offices, and drafts follow-up and final reports;
 * the offices see the submitted version with what changed, reply or send instructions, keep notes between themselves
 * (item 7) and move it through their inbox. Prints on A4 and downloads as Excel.
 */
export function ReportPage({ id, facilityId }: { id: string; facilityId?: string | undefined }) {
  const { t, i18n } = useTranslation("reports");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const [, navigate] = useLocation();
  const fetch = useMemo(() => () => api.reports.get({ id, facilityId }), [api, id, facilityId]);
  const { data, error, reload } = useLoad(fetch);
  const [updated, setUpdated] = useState<Report | null>(null);
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const report = updated?.id === id ? updated : data;
  // Opening a report marks it read for the officer's office: the header's count follows.
  useEffect(() => {
    if (data && isOfficer(user)) globalThis.dispatchEvent(new Event(INBOX_CHANGED));
  }, [data, user.role, user]);

  if (error && !report)
    return isAmbiguous(error) ? (
      <AmbiguousReport id={id} error={error} />
    ) : (
      <ErrorNotice error={error} onRetry={() => void reload()} />
    );
  if (!report) return <p className="muted">{t("loading")}</p>;

  const officer = isOfficer(user);
  // An office's links to the related reports name the facility: the same id may be another facility's too.
  const pathOf = (reportId: string) =>
    reportPath({ id: reportId, facilityId: officer ? report.facilityId : undefined });
  const director = user.role === "director" && user.organisation.kind === "facility";
  const c = report.content;
  const pending = report.submittedVersion !== null && report.status === "draft";
  const act = async (work: () => Promise<Report | undefined>) => {
    setBusy(true);
    setActionError(null);
    try {
      const next = await work();
      if (next) setUpdated(next);
      else await reload().then(() => setUpdated(null));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const to = report.recipients.length ? report.recipients.map((r) => r.name).join("・") : t("to");
  const submit = () => {
    if (!globalThis.confirm(t("confirmSubmit", { to }))) return;
    void act(() => api.reports.submit(report, report.version));
  };
  const followUp = (kind: "follow_up" | "final") =>
    void act(async () => {
      const next = await api.reports.followUp(report, { id: newId(), kind });
      navigate(`/reports/${next.id}`);
      return next;
    });

  return (
    <div className="report-page" data-testid="report-page">
      <p className="no-print">
        <Link href={officer ? "/" : "/reports"}>‹ {t("back")}</Link>
      </p>
      <header className="report-head">
        <h1>
          {t("title")}（{t(`kind.${report.kind}`)}）
        </h1>
        <p className="report-badges">
          <span className={`report-status report-status--${report.status}`} data-testid="report-status">
            {t(`status.${report.status}`)}
          </span>
          <span className="muted">{t("version", { version: report.version })}</span>
          {report.submittedAt && (
            <span className="muted">{t("submittedAt", { at: instantText(report.submittedAt, lang) })}</span>
          )}
        </p>
        <p>
          <strong data-testid="report-facility">{report.facility.name}</strong>
          {" · "}
          {t(`group.${report.group}`)}
          {" · "}
          {t("asOf", { day: shortDay(c.asOfDay, lang) })}
        </p>
        {report.recipients.length > 0 && (
          <p data-testid="report-recipients">
            {t("to")}：
            {report.recipients.map((r) => (
              <span key={r.organisationId} className="report-recipient">
                {r.name}（{t(`state.${r.state}`)}）
              </span>
            ))}
          </p>
        )}
      </header>

      <ReportToolbar
        report={report}
        director={director}
        editing={editing}
        busy={busy}
        pending={pending}
        onEdit={() => setEditing(true)}
        onSubmit={submit}
        onFollowUp={followUp}
      />
      {actionError !== null && <ReportActionError error={actionError} onRetry={() => void reload()} />}
      {director && pending && <p className="notice notice--warn">{t("pendingEdit")}</p>}
      {director &&
        report.status === "submitted" &&
        report.kind === "first" &&
        report.replies.length === 0 && (
          <p className="notice notice--ok no-print" data-testid="report-submitted">
            {t("submittedNotice")}
          </p>
        )}
      {officer && report.changes.length > 0 && (
        <p className="notice notice--warn" data-testid="report-changes">
          {t("changes", {
            fields: [...new Set(report.changes.map((f) => f.split(".")[0]!))]
              .map((f) => t(`field.${f as "remarks"}`, { defaultValue: f }))
              .join("、"),
          })}
        </p>
      )}

      {editing ? (
        <EditForm
          report={report}
          lang={lang}
          onCancel={() => setEditing(false)}
          onSave={(body) =>
            act(async () => {
              const next = await api.reports.edit(report, { version: report.version, ...body });
              setEditing(false);
              return next;
            })
          }
        />
      ) : (
        <ReportBody report={report} lang={lang} />
      )}

      {report.followUps.length > 0 && (
        <section className="report-section">
          <h2>{t("followUps")}</h2>
          <ul>
            {report.followUps.map((f) => (
              <li key={f.id}>
                <Link href={pathOf(f.id)}>
                  {t(`kind.${f.kind as "follow_up"}`)}（{t(`status.${f.status as "draft"}`)}）
                </Link>
              </li>
            ))}
          </ul>
          {report.parentId && (
            <p>
              <Link href={pathOf(report.parentId)}>{t("kind.first")}</Link>
            </p>
          )}
        </section>
      )}
      {report.parentId && report.followUps.length === 0 && (
        <p className="no-print">
          <Link href={pathOf(report.parentId)}>‹ {t("kind.first")}</Link>
        </p>
      )}

      <Messages report={report} lang={lang} />
      {officer && <OfficeActions report={report} onChanged={(next) => setUpdated(next)} reload={reload} />}
    </div>
  );
}

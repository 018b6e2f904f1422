import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/errors.ts";
import type { Report } from "../../api/reports.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";

/**
 * The report's toolbar: print (A4) and Excel for everyone who reads it; for the director, edit, submit once to both
 * offices (again after an edit: a new version) and draft follow-up and final reports.
 */
export function ReportToolbar({
  report,
  director,
  editing,
  busy,
  pending,
  onEdit,
  onSubmit,
  onFollowUp,
}: {
  report: Report;
  director: boolean;
  editing: boolean;
  busy: boolean;
  pending: boolean;
  onEdit: () => void;
  onSubmit: () => void;
  onFollowUp: (kind: "follow_up" | "final") => void;
}) {
  const { t } = useTranslation("reports");
  const api = useApi();
  return (
    <div className="report-toolbar no-print">
      <button type="button" className="btn btn-ghost" onClick={() => globalThis.print()}>
        {t("print")}
      </button>
      <a className="btn btn-ghost" href={api.reports.workbookUrl(report)} download data-testid="report-excel">
        {t("excel")}
      </a>
      {director && !editing && (
        <button type="button" className="btn" data-testid="report-edit" onClick={onEdit}>
          {t("edit")}
        </button>
      )}
      {director && report.status === "draft" && !editing && (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="report-submit"
          disabled={busy}
          onClick={onSubmit}
        >
          {pending ? t("resubmit") : t("submit")}
        </button>
      )}
      {director && report.submittedVersion !== null && report.kind !== "final" && (
        <>
          <button
            type="button"
            className="btn"
            data-testid="report-follow-up"
            disabled={busy}
            onClick={() => onFollowUp("follow_up")}
          >
            {t("followUp")}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="report-final"
            disabled={busy}
            onClick={() => onFollowUp("final")}
          >
            {t("final")}
          </button>
        </>
      )}
    </div>
  );
}

/** A failed submit, edit or follow-up: a 409 said in words (stale version, no offices), anything else as usual. */
export function ReportActionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation("reports");
  if (error instanceof ApiError && error.status === 409)
    return (
      <p className="notice notice--error" role="alert">
        {/no health centre/i.test(error.message) ? t("errors.noOffices") : t("errors.stale")}
      </p>
    );
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RecordsNav } from "../../pages/records/RecordsNav.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";
import "../alerts/alerts.css";

/**
 * The frame of a records page (cases, antibiotic courses): title, records tabs, what the page is for, the count with
 * an add button, "saved" after a save, a load error with its retry, then "loading", "none" or the `table`. The
 * page's dialogs come as `children`.
 */
export function RecordListPage({
  lead,
  count,
  addLabel,
  addTestId,
  addDisabled,
  onAdd,
  loaded,
  saved,
  error,
  onRetry,
  table,
  children,
}: {
  lead: string;
  count: number;
  addLabel: string;
  addTestId: string;
  /** Adding waits for the people to choose from. */
  addDisabled: boolean;
  onAdd: () => void;
  /** The records and everything the table needs have come. */
  loaded: boolean;
  saved: boolean;
  error: unknown;
  onRetry: () => void;
  table: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation("alerts");
  return (
    <div className="records">
      <h1>{t("records.title")}</h1>
      <RecordsNav />
      <p className="records-lead muted">{lead}</p>
      <div className="records-toolbar">
        <span className="muted">{t("cases.count", { count })}</span>
        <button
          type="button"
          className="btn btn-primary"
          data-testid={addTestId}
          disabled={addDisabled}
          onClick={onAdd}
        >
          ＋ {addLabel}
        </button>
      </div>
      {saved && (
        <p className="notice notice--ok" role="status" data-testid="records-saved">
          {t("records.saved")}
        </p>
      )}
      <ErrorNotice error={error} onRetry={onRetry} />
      {!loaded && !error && <p className="muted">{t("panel.loading")}</p>}
      {loaded && count === 0 && <p className="notice">{t("records.none")}</p>}
      {loaded && count > 0 && table}
      {children}
    </div>
  );
}

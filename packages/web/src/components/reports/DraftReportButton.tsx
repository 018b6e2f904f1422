import type { FacilityAlert } from "@mamori/domain/surveillance";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import type { ReportCriterion, ReportGroup } from "../../api/reports.ts";
import { newId } from "../../lib/ids.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { Dialog } from "../Dialog.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";

const CRITERION_OF: Readonly<Record<string, ReportCriterion>> = {
  REPORT_CRITERION_A: "A",
  REPORT_CRITERION_B: "B",
  ABOVE_USUAL: "C",
  // A norovirus-type cluster is not ア or イ by itself; the director may still judge a report necessary (ウ).
  NORO_CLUSTER_24H: "C",
};
const GROUPS: readonly string[] = ["GI", "ILI", "SKIN"];

/**
 * On a facility alert card, for the director: draft the report to the offices from this alert (criterion ア or イ, or
 * ウ from "above the usual level"), and under ウ record a decision not to report, with the reason (manual p.48).
 */
export function DraftReportButton({ alert }: { alert: FacilityAlert }) {
  const { t } = useTranslation("reports");
  const api = useApi();
  const user = useUser();
  const [, navigate] = useLocation();
  const [id] = useState(newId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [deciding, setDeciding] = useState(false);
  const [decided, setDecided] = useState(false);
  const criterion = CRITERION_OF[alert.code];
  const group = (alert.subject as { group?: string }).group;
  if (!criterion || !group || !GROUPS.includes(group) || !user.abilities?.draftReports) return null;

  const draft = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await api.reports.create({ id, group: group as ReportGroup, criterion });
      if (criterion === "C")
        await api.reports.decide({
          id: newId(),
          group: group as ReportGroup,
          day: alert.day,
          decision: "report",
          reason: t("decisionReportReason"),
          reportId: report.id,
        });
      navigate(`/reports/${report.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="report-draft no-print">
      <button
        type="button"
        className="btn btn-primary"
        data-testid="draft-report"
        disabled={busy}
        onClick={() => void draft()}
      >
        {criterion === "C" ? t("draftButtonC") : t("draftButton")}
      </button>
      {criterion === "C" && !decided && (
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="decide-no-report"
          onClick={() => setDeciding(true)}
        >
          {t("noReport")}
        </button>
      )}
      {decided && <p className="notice notice--ok">{t("decisionSaved")}</p>}
      {error !== null && <ErrorNotice error={error} />}
      {deciding && (
        <Dialog
          title={t("decisionTitle")}
          closeLabel={t("cancel")}
          onClose={() => setDeciding(false)}
          testId="decision-dialog"
        >
          <DecisionForm
            onSave={async (reason) => {
              await api.reports.decide({
                id: newId(),
                group: group as ReportGroup,
                day: alert.day,
                decision: "no_report",
                reason,
              });
              setDeciding(false);
              setDecided(true);
            }}
          />
        </Dialog>
      )}
    </div>
  );
}

function DecisionForm({ onSave }: { onSave: (reason: string) => Promise<void> }) {
  const { t } = useTranslation("reports");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === "") return setError(new Error(t("errors.empty")));
    onSave(reason).catch(setError);
  };
  return (
    <form onSubmit={submit}>
      <label>
        {t("decisionReason")}
        <textarea
          data-testid="decision-reason"
          value={reason}
          rows={3}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {error !== null && <ErrorNotice error={error} />}
      <button type="submit" className="btn btn-primary" data-testid="decision-save">
        {t("decisionSave")}
      </button>
    </form>
  );
}

import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { diseaseLabel, personLabel } from "../../alerts/alert-labels.ts";
import { usePeopleById } from "../../alerts/use-alerts.ts";
import type { CasePatch, NewCase, RecordedCase } from "../../api/records-types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { CaseForm } from "../../components/records/CaseForm.tsx";
import { addDays, formatDay, todayIn } from "../../lib/dates.ts";
import { asLang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { RecordsNav } from "./RecordsNav.tsx";
import { canRecordCases } from "./records-roles.ts";
import "../../components/alerts/alerts.css";

/** Cases shown: those of the last 90 days, and every case not yet resolved. */
const SHOWN_DAYS = 90;

type Editing = { kind: "new" } | { kind: "edit"; record: RecordedCase } | null;

/**
 * Recorded cases: a nurse or physician records a suspected or confirmed disease, when it began and ended, and any
 * hospitalisation, serious illness or death — what reporting criterion A counts and what replaces the implicit cases.
 */
export function CasesPage() {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const { people, error: peopleError } = usePeopleById();
  const [cases, setCases] = useState<RecordedCase[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);

  const today = facility ? todayIn(facility.timeZone) : null;

  const load = useCallback(async () => {
    if (today === null) return;
    try {
      setCases(await api.cases(addDays(today, -SHOWN_DAYS)));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api, today]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(
    () => [...(cases ?? [])].sort((a, b) => b.onsetDate.localeCompare(a.onsetDate)),
    [cases],
  );

  if (!canRecordCases(user.role)) return <p className="notice">{t("records.notAllowed")}</p>;

  const done = async () => {
    setEditing(null);
    await load();
    setSaved(true);
  };
  const create = async (newCase: NewCase) => {
    await api.createCase(newCase);
    await done();
  };
  const update = async (id: string, patch: CasePatch) => {
    await api.updateCase(id, patch);
    await done();
  };

  const personList = people ? [...people.values()] : [];

  return (
    <div className="records">
      <h1>{t("records.title")}</h1>
      <RecordsNav />
      <p className="records-lead muted">{t("cases.lead")}</p>
      <div className="records-toolbar">
        <span className="muted">{t("cases.count", { count: shown.length })}</span>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="case-add"
          disabled={people === null}
          onClick={() => {
            setSaved(false);
            setEditing({ kind: "new" });
          }}
        >
          ＋ {t("cases.add")}
        </button>
      </div>
      {saved && (
        <p className="notice notice--ok" role="status" data-testid="records-saved">
          {t("records.saved")}
        </p>
      )}
      <ErrorNotice error={error ?? peopleError} onRetry={() => void load()} />
      {(cases === null || people === null) && !error && !peopleError && (
        <p className="muted">{t("panel.loading")}</p>
      )}
      {cases !== null && people !== null && shown.length === 0 && (
        <p className="notice">{t("records.none")}</p>
      )}
      {cases !== null && people !== null && shown.length > 0 && (
        <table className="table" data-testid="cases-table">
          <thead>
            <tr>
              <th>{t("cases.onsetDate")}</th>
              <th>{t("cases.person")}</th>
              <th>{t("cases.disease")}</th>
              <th>{t("cases.status")}</th>
              <th>{t("cases.outcomes")}</th>
              <th>{t("cases.resolvedDate")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} data-testid={`case-${c.id}`}>
                <td>{formatDay(c.onsetDate, lang)}</td>
                <td>
                  {personLabel(t, people.get(c.personId))}
                  <div className="muted small">{people.get(c.personId)?.unit ?? ""}</div>
                </td>
                <td>{diseaseLabel(t, c.disease, lang)}</td>
                <td>
                  <span className={`status-badge status-badge--${c.status}`}>
                    {t(`cases.status_${c.status}`)}
                  </span>
                </td>
                <td>
                  {c.outcomes.length === 0
                    ? "—"
                    : c.outcomes.map((o) => (
                        <span key={`${o.kind}-${o.date}`} className="outcome-badge">
                          {t(`cases.outcome_${o.kind}`)} {formatDay(o.date, lang)}
                        </span>
                      ))}
                </td>
                <td>{c.resolvedDate ? formatDay(c.resolvedDate, lang) : t("cases.notResolved")}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    data-testid={`case-edit-${c.id}`}
                    onClick={() => {
                      setSaved(false);
                      setEditing({ kind: "edit", record: c });
                    }}
                  >
                    {t("records.edit")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && facility && today && (
        <Dialog
          title={
            editing.kind === "edit"
              ? t("cases.editTitle", { name: people?.get(editing.record.personId)?.name ?? "" })
              : t("cases.addTitle")
          }
          closeLabel={t("records.cancel")}
          onClose={() => setEditing(null)}
          testId="case-dialog"
        >
          <CaseForm
            people={personList}
            units={facility.units}
            today={today}
            existing={editing.kind === "edit" ? editing.record : undefined}
            onCreate={create}
            onUpdate={update}
            onCancel={() => setEditing(null)}
          />
        </Dialog>
      )}
    </div>
  );
}

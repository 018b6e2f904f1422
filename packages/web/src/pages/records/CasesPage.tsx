import { GROUP_TEXT } from "@mamori/domain/surveillance";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { diseaseLabel, personLabel } from "../../alerts/alert-labels.ts";
import { usePeopleById } from "../../alerts/use-alerts.ts";
import type { CasePatch, NewCase, RecordedCase } from "../../api/records-types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { CaseForm } from "../../components/records/CaseForm.tsx";
import { RecordListPage } from "../../components/records/RecordListPage.tsx";
import { addDays, formatDay, todayIn } from "../../lib/dates.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { canRecordCases } from "./records-roles.ts";

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
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);

  const today = facility ? todayIn(facility.timeZone) : null;
  const fetchCases = useMemo(
    () => (today === null ? null : () => api.cases(addDays(today, -SHOWN_DAYS))),
    [api, today],
  );
  const { data: cases, error, reload: load } = useLoad(fetchCases);

  const shown = useMemo(
    () => [...(cases ?? [])].sort((a, b) => b.onsetDate.localeCompare(a.onsetDate)),
    [cases],
  );

  if (!canRecordCases(user)) return <p className="notice">{t("records.notAllowed")}</p>;

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
    <RecordListPage
      lead={t("cases.lead")}
      count={shown.length}
      addLabel={t("cases.add")}
      addTestId="case-add"
      addDisabled={people === null}
      onAdd={() => {
        setSaved(false);
        setEditing({ kind: "new" });
      }}
      loaded={cases !== null && people !== null}
      saved={saved}
      error={error ?? peopleError}
      onRetry={() => void load()}
      table={
        people && (
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
                  <td>
                    {c.disease !== null
                      ? diseaseLabel(t, c.disease, lang)
                      : c.syndromeGroup !== null
                        ? t("cases.groupNotNamed", { group: GROUP_TEXT[c.syndromeGroup].name[lang] })
                        : ""}
                  </td>
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
        )
      }
    >
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
    </RecordListPage>
  );
}

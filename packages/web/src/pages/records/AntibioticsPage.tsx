import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { personLabel } from "../../alerts/alert-labels.ts";
import { usePeopleById } from "../../alerts/use-alerts.ts";
import type { AntibioticCourse, NewAntibioticCourse } from "../../api/records-types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { AntibioticEndForm, AntibioticForm } from "../../components/records/AntibioticForm.tsx";
import { RecordListPage } from "../../components/records/RecordListPage.tsx";
import { formatDay, todayIn } from "../../lib/dates.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { canRecordCases } from "./records-roles.ts";

type Editing = { kind: "new" } | { kind: "end"; course: AntibioticCourse } | null;

/**
 * Antibiotic courses: who, which drug, from when to when. Diarrhoea or belly pain within 30 days of a course raises
 * the C. difficile hint (manual p.34).
 */
export function AntibioticsPage() {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const { people, error: peopleError } = usePeopleById();
  const fetchCourses = useCallback(() => api.antibiotics(), [api]);
  const { data: courses, error, reload: load } = useLoad(fetchCourses);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState(false);

  // Courses going on first, then the most recent.
  const shown = useMemo(
    () =>
      [...(courses ?? [])].sort(
        (a, b) =>
          Number(a.endDate !== null) - Number(b.endDate !== null) || b.startDate.localeCompare(a.startDate),
      ),
    [courses],
  );

  if (!canRecordCases(user)) return <p className="notice">{t("records.notAllowed")}</p>;

  const done = async () => {
    setEditing(null);
    await load();
    setSaved(true);
  };
  const create = async (course: NewAntibioticCourse) => {
    await api.createAntibiotic(course);
    await done();
  };
  const end = async (id: string, endDate: string) => {
    await api.endAntibiotic(id, endDate);
    await done();
  };

  const today = facility ? todayIn(facility.timeZone) : null;

  return (
    <RecordListPage
      lead={t("antibiotics.lead")}
      count={shown.length}
      addLabel={t("antibiotics.add")}
      addTestId="antibiotic-add"
      addDisabled={people === null}
      onAdd={() => {
        setSaved(false);
        setEditing({ kind: "new" });
      }}
      loaded={courses !== null && people !== null}
      saved={saved}
      error={error ?? peopleError}
      onRetry={() => void load()}
      table={
        people && (
          <table className="table" data-testid="antibiotics-table">
            <thead>
              <tr>
                <th>{t("antibiotics.person")}</th>
                <th>{t("antibiotics.drug")}</th>
                <th>{t("antibiotics.startDate")}</th>
                <th>{t("antibiotics.endDate")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id} data-testid={`antibiotic-${c.id}`}>
                  <td>{personLabel(t, people.get(c.personId))}</td>
                  <td>{c.drug ?? "—"}</td>
                  <td>{formatDay(c.startDate, lang)}</td>
                  <td>
                    {c.endDate ? (
                      formatDay(c.endDate, lang)
                    ) : (
                      <>
                        <span className="status-badge">{t("antibiotics.ongoing")}</span>{" "}
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid={`antibiotic-end-${c.id}`}
                          onClick={() => {
                            setSaved(false);
                            setEditing({ kind: "end", course: c });
                          }}
                        >
                          {t("antibiotics.setEnd")}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {editing?.kind === "new" && facility && today && (
        <Dialog
          title={t("antibiotics.add")}
          closeLabel={t("records.cancel")}
          onClose={() => setEditing(null)}
          testId="antibiotic-dialog"
        >
          <AntibioticForm
            people={people ? [...people.values()] : []}
            units={facility.units}
            today={today}
            onSubmit={create}
            onCancel={() => setEditing(null)}
          />
        </Dialog>
      )}
      {editing?.kind === "end" && (
        <Dialog
          title={t("antibiotics.endTitle", { name: people?.get(editing.course.personId)?.name ?? "" })}
          closeLabel={t("records.cancel")}
          onClose={() => setEditing(null)}
          testId="antibiotic-end-dialog"
        >
          <AntibioticEndForm
            startDate={editing.course.startDate}
            onSubmit={(endDate) => end(editing.course.id, endDate)}
            onCancel={() => setEditing(null)}
          />
        </Dialog>
      )}
    </RecordListPage>
  );
}

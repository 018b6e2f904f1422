import { PERSON_KINDS, type PersonKind } from "@mamori/domain/surveillance";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person, PersonInput, PersonPatch } from "../api/types.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { KindBadge } from "../components/KindBadge.tsx";
import { PersonForm } from "../components/PersonForm.tsx";
import { SetupNav } from "../components/SetupNav.tsx";
import { asLang, formatTempC, jobLabel, kindLabel } from "../lib/labels.ts";
import { canEditPeople } from "../lib/roles.ts";
import { useLoad } from "../lib/use-load.ts";
import { compareRows } from "../round/round-state.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useUser } from "../state/SessionProvider.tsx";

type Editing = { kind: "new" } | { kind: "edit"; person: Person } | null;

/** Everyone of the facility: filter by unit and kind, add someone, edit usual temperature, unit, room, or mark as left. */
export function PeopleSetupPage() {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const fetchPeople = useCallback(() => api.people(), [api]);
  const { data: people, error, reload: load } = useLoad(fetchPeople);
  const [unitFilter, setUnitFilter] = useState("");
  const [kindFilter, setKindFilter] = useState<PersonKind | "">("");
  const [showInactive, setShowInactive] = useState(false);
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const shown = useMemo(() => {
    const q = query.trim();
    return (people ?? [])
      .filter((p) => showInactive || p.active)
      .filter((p) => unitFilter === "" || p.unitId === unitFilter)
      .filter((p) => kindFilter === "" || p.kind === kindFilter)
      .filter((p) => q === "" || p.name.includes(q) || (p.nameKana ?? "").includes(q))
      .sort((a, b) => (a.unit ?? "").localeCompare(b.unit ?? "", "ja") || compareRows(a, b));
  }, [people, showInactive, unitFilter, kindFilter, query]);

  if (!canEditPeople(user)) return <p className="notice">{t("setup.notAllowed")}</p>;

  const submit = async (input: PersonInput | PersonPatch) => {
    if (editing?.kind === "edit") await api.updatePerson(editing.person.id, input);
    else await api.createPerson(input as PersonInput);
    setEditing(null);
    setSaved(t("setup.saved"));
    await load();
  };

  return (
    <div className="setup">
      <h1>{t("setup.title")}</h1>
      <SetupNav />
      <div className="filters">
        <select
          aria-label={t("people.unit")}
          value={unitFilter}
          onChange={(e) => setUnitFilter(e.target.value)}
        >
          <option value="">{t("people.allUnits")}</option>
          {facility?.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t("people.kind")}
          value={kindFilter}
          onChange={(e) => setKindFilter(e.target.value as PersonKind | "")}
        >
          <option value="">{t("people.allKinds")}</option>
          {PERSON_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k, lang)}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder={t("people.search")}
          aria-label={t("people.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="field--check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          <span>{t("people.showInactive")}</span>
        </label>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="person-add"
          onClick={() => {
            setSaved(null);
            setEditing({ kind: "new" });
          }}
        >
          ＋ {t("people.add")}
        </button>
      </div>
      {saved && (
        <p className="notice notice--ok" role="status">
          {saved}
        </p>
      )}
      <ErrorNotice error={error} onRetry={() => void load()} />
      {people === null && !error && <p className="muted">{t("app.loading")}</p>}
      {people !== null && (
        <>
          <p className="muted">{t("people.count", { count: shown.length })}</p>
          {shown.length === 0 ? (
            <p className="notice">{t("people.none")}</p>
          ) : (
            <table className="table" data-testid="people-table">
              <thead>
                <tr>
                  <th>{t("people.unit")}</th>
                  <th>{t("people.room")}</th>
                  <th>{t("people.name")}</th>
                  <th>{t("people.kind")}</th>
                  <th>{t("people.baselineTempC")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id} className={p.active ? "" : "is-inactive"} data-testid={`person-${p.id}`}>
                    <td>{p.unit ?? "—"}</td>
                    <td>{p.room ?? "—"}</td>
                    <td>
                      <div>{p.name}</div>
                      {p.nameKana && <div className="muted small">{p.nameKana}</div>}
                    </td>
                    <td>
                      {p.kind === "resident" ? kindLabel(p.kind, lang) : <KindBadge kind={p.kind} />}
                      {p.job && <div className="muted small">{jobLabel(p.job, lang)}</div>}
                      {!p.active && <div className="muted small">{t("people.inactive")}</div>}
                    </td>
                    <td>{p.baselineTempC === null ? "—" : `${formatTempC(p.baselineTempC)}℃`}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid={`person-edit-${p.id}`}
                        onClick={() => {
                          setSaved(null);
                          setEditing({ kind: "edit", person: p });
                        }}
                      >
                        {t("people.edit")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {editing && (
        <Dialog
          title={editing.kind === "edit" ? editing.person.name : t("people.add")}
          closeLabel={t("people.cancel")}
          onClose={() => setEditing(null)}
          testId="person-dialog"
        >
          <PersonForm
            units={facility?.units ?? []}
            person={editing.kind === "edit" ? editing.person : undefined}
            onSubmit={submit}
            onCancel={() => setEditing(null)}
          />
        </Dialog>
      )}
    </div>
  );
}

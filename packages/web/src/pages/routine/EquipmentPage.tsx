import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Equipment, EquipmentKind } from "../../api/routine.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { todayIn } from "../../lib/dates.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useSave } from "./use-save.ts";

const KINDS: readonly EquipmentKind[] = [
  "humidifier_household",
  "humidifier_builtin",
  "bath_circulating",
  "bath_non_circulating",
];
const isHumidifier = (kind: EquipmentKind) => kind.startsWith("humidifier");

type Draft = { name: string; seasonFrom: string; seasonTo: string; active: boolean };
const draftOf = (e?: Equipment): Draft => ({
  name: e?.name ?? "",
  seasonFrom: e?.seasonFrom ?? "",
  seasonTo: e?.seasonTo ?? "",
  active: e?.active ?? true,
});

/**
 * The equipment register the hygiene checks read (付録3, manual p.24): household and built-in humidifiers with the
 * season they are in use, circulating and non-circulating baths. Adding, renaming, changing a season or taking a unit
 * out of use; every change is checked by the server and audited.
 */
export function EquipmentPage() {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const { facility } = useFacility();
  const today = facility ? todayIn(facility.timeZone) : undefined;
  const fetch = useCallback(() => api.routine.equipment(), [api]);
  const { data, error, reload } = useLoad(fetch);
  const [kind, setKind] = useState<EquipmentKind>("humidifier_household");
  const [draft, setDraft] = useState<Draft>(draftOf());
  const [editing, setEditing] = useState<string | null>(null);
  const add = useSave();
  if (!data) return <ErrorNotice error={error} onRetry={() => void reload()} />;

  const submit = () =>
    add.run(async () => {
      await api.routine.addEquipment({
        kind,
        name: draft.name,
        seasonFrom: isHumidifier(kind) && draft.seasonFrom ? draft.seasonFrom : null,
        seasonTo: isHumidifier(kind) && draft.seasonTo ? draft.seasonTo : null,
        active: true,
      });
      setDraft(draftOf());
      await reload();
    });
  const day = (d: string) => shortDay(d, i18n.language, today);
  const season = (e: Equipment) =>
    !isHumidifier(e.kind)
      ? ""
      : e.seasonFrom === null
        ? t("equipment.noSeason")
        : t("equipment.seasonText", {
            from: day(e.seasonFrom),
            to: e.seasonTo === null ? t("equipment.open") : day(e.seasonTo),
          });

  return (
    <div className="routine-grid">
      <section className="card" data-testid="equipment-register">
        <h2>{t("equipment.title")}</h2>
        <p className="muted">{t("equipment.lead")}</p>
        {data.length === 0 && <p className="muted">{t("equipment.none")}</p>}
        {KINDS.filter((k) => data.some((e) => e.kind === k)).map((k) => (
          <div key={k}>
            <h3>{t(`equipment.kinds.${k}`)}</h3>
            <ul className="record-history">
              {data
                .filter((e) => e.kind === k)
                .map((e) =>
                  editing === e.id ? (
                    <li key={e.id}>
                      <EquipmentEdit
                        equipment={e}
                        onDone={async (changed) => {
                          setEditing(null);
                          if (changed) await reload();
                        }}
                      />
                    </li>
                  ) : (
                    <li key={e.id} className="quick-row" data-testid="equipment-row">
                      <span className="quick-name">
                        {e.name}
                        {!e.active && <span className="muted">（{t("equipment.inactive")}）</span>}
                        <br />
                        <span className="muted">{season(e)}</span>
                      </span>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(e.id)}>
                        {t("equipment.edit")}
                      </button>
                    </li>
                  ),
                )}
            </ul>
          </div>
        ))}
      </section>
      <section className="card" data-testid="equipment-form">
        <h2>{t("equipment.add")}</h2>
        <form
          className="routine-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {t("equipment.kind")}
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as EquipmentKind)}
              data-testid="equipment-kind"
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`equipment.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("equipment.name")}
            <input
              type="text"
              value={draft.name}
              placeholder={t("equipment.namePlaceholder")}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              data-testid="equipment-name"
            />
          </label>
          {isHumidifier(kind) && <SeasonFields draft={draft} onChange={setDraft} />}
          <p className="muted">{t(`equipment.hint.${kind}`)}</p>
          <ErrorNotice error={add.error} />
          {add.saved && <p className="notice notice--ok">{t("equipment.saved")}</p>}
          <button
            type="submit"
            className="btn btn-primary btn-save"
            disabled={add.busy || draft.name.trim() === ""}
            data-testid="equipment-save"
          >
            {t("equipment.save")}
          </button>
        </form>
      </section>
    </div>
  );
}

function SeasonFields({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const { t } = useTranslation("routine");
  return (
    <div className="routine-grid">
      <label>
        {t("equipment.seasonFrom")}
        <input
          type="date"
          value={draft.seasonFrom}
          onChange={(e) => onChange({ ...draft, seasonFrom: e.target.value })}
          data-testid="equipment-season-from"
        />
      </label>
      <label>
        {t("equipment.seasonTo")}
        <input
          type="date"
          value={draft.seasonTo}
          min={draft.seasonFrom || undefined}
          onChange={(e) => onChange({ ...draft, seasonTo: e.target.value })}
          data-testid="equipment-season-to"
        />
      </label>
    </div>
  );
}

function EquipmentEdit(props: { equipment: Equipment; onDone: (changed: boolean) => Promise<void> }) {
  const { t } = useTranslation("routine");
  const api = useApi();
  const save = useSave();
  const [draft, setDraft] = useState<Draft>(draftOf(props.equipment));
  const humidifier = isHumidifier(props.equipment.kind);
  const submit = async () => {
    const ok = await save.run(() =>
      api.routine.updateEquipment(props.equipment.id, {
        name: draft.name,
        active: draft.active,
        ...(humidifier ? { seasonFrom: draft.seasonFrom || null, seasonTo: draft.seasonTo || null } : {}),
      }),
    );
    if (ok) await props.onDone(true);
  };
  return (
    <form
      className="routine-form"
      data-testid="equipment-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t("equipment.name")}
        <input
          type="text"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      {humidifier && <SeasonFields draft={draft} onChange={setDraft} />}
      <label className={`tick ${draft.active ? "is-on" : ""}`}>
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
        />
        {t("equipment.inUse")}
      </label>
      <ErrorNotice error={save.error} />
      <div className="quick-row" style={{ borderBottom: 0 }}>
        <button type="submit" className="btn btn-primary" disabled={save.busy || draft.name.trim() === ""}>
          {t("equipment.update")}
        </button>
        <button type="button" className="btn" onClick={() => void props.onDone(false)}>
          {t("equipment.cancel")}
        </button>
      </div>
    </form>
  );
}

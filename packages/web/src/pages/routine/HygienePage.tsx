import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Equipment, RoutineRecord, RoutineRecordType } from "../../api/routine.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { todayIn } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useSave } from "./use-save.ts";

const TYPES: RoutineRecordType[] = [
  "humidifier_log",
  "bath_check",
  "kitchen_check",
  "cleaning_round",
  "waste_handover",
];
const AREAS = ["floors", "toilets", "bathroom", "dining", "handrails", "sluice_room"] as const;

const inSeason = (e: Equipment, day: string) =>
  e.seasonFrom !== null && e.seasonFrom <= day && (e.seasonTo === null || day <= e.seasonTo);

/**
 * Quick entry of the day's hygiene logs on a tablet: one tap per humidifier, a bath reading with its verdict against
 * 0.2–0.4 mg/L (manual p.24), the kitchen check (付録1②), the cleaning round and a waste hand-over with its manifest.
 */
export function HygienePage() {
  const { t } = useTranslation("routine");
  const api = useApi();
  const { facility } = useFacility();
  const today = facility ? todayIn(facility.timeZone) : null;
  const fetch = useCallback(
    async () =>
      today === null
        ? null
        : {
            equipment: await api.routine.equipment(),
            records: await api.routine.records(TYPES, today, today),
          },
    [api, today],
  );
  const { data, error, reload } = useLoad(today === null ? null : fetch);
  if (today === null || !data) return <ErrorNotice error={error} onRetry={() => void reload()} />;

  const done = (type: RoutineRecordType, equipmentId?: string, action?: string) =>
    data.records.filter(
      (r) =>
        r.type === type &&
        (equipmentId === undefined || r.equipmentId === equipmentId) &&
        (action === undefined || r.data.action === action),
    );
  const humidifiers = data.equipment.filter(
    (e) => e.active && e.kind.startsWith("humidifier") && inSeason(e, today),
  );
  const baths = data.equipment.filter((e) => e.active && e.kind.startsWith("bath"));
  return (
    <div className="routine-grid">
      <p className="muted" style={{ gridColumn: "1 / -1", margin: 0 }}>
        {t("hygiene.lead")}
      </p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      <section className="card" data-testid="hygiene-humidifiers">
        <h2>{t("hygiene.humidifiers")}</h2>
        {humidifiers.length === 0 && <p className="muted">{t("hygiene.noHumidifiers")}</p>}
        {humidifiers.map((h) => (
          <HumidifierRow
            key={h.id}
            humidifier={h}
            today={today}
            doneToday={done("humidifier_log", h.id)}
            onSaved={reload}
          />
        ))}
      </section>
      <section className="card" data-testid="hygiene-bath">
        <h2>{t("hygiene.bath")}</h2>
        {baths.length === 0 && <p className="muted">{t("hygiene.noBath")}</p>}
        {baths.map((b) => (
          <BathForm key={b.id} bath={b} today={today} readings={done("bath_check", b.id)} onSaved={reload} />
        ))}
      </section>
      <KitchenForm today={today} doneToday={done("kitchen_check").length > 0} onSaved={reload} />
      <CleaningForm today={today} doneToday={done("cleaning_round").length > 0} onSaved={reload} />
      <WasteForm today={today} onSaved={reload} />
    </div>
  );
}

/** What a humidifier's round records: the daily tank change of a household one (付録3), or for a built-in unit the
 * monthly inspection, the cleaning, and the drain at the start and end of its season. */
const HUMIDIFIER_BUTTONS = {
  humidifier_household: ["tank_change"],
  humidifier_builtin: ["inspection", "cleaning", "drain"],
} as const;

function HumidifierRow(props: {
  humidifier: Equipment;
  today: string;
  doneToday: RoutineRecord[];
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation("routine");
  const api = useApi();
  const save = useSave();
  const kind =
    props.humidifier.kind === "humidifier_household" ? "humidifier_household" : "humidifier_builtin";
  const record = (action: string) =>
    save.run(async () => {
      await api.routine.create("humidifier_log", {
        id: newId(),
        date: props.today,
        equipmentId: props.humidifier.id,
        data: { action },
      });
      await props.onSaved();
    });
  return (
    <div className="quick-row" data-testid="humidifier-row">
      <span className="quick-name">{props.humidifier.name}</span>
      {HUMIDIFIER_BUTTONS[kind].map((action) =>
        props.doneToday.some((r) => r.data.action === action) ? (
          <span key={action} className="quick-done" data-testid={`humidifier-done-${action}`}>
            ✓ {t(`hygiene.done.${action}`)}
          </span>
        ) : (
          <button
            key={action}
            type="button"
            className={action === HUMIDIFIER_BUTTONS[kind][0] ? "btn btn-primary" : "btn"}
            disabled={save.busy}
            onClick={() => void record(action)}
            data-testid={`humidifier-${action}`}
          >
            {t(`hygiene.record.${action}`)}
          </button>
        ),
      )}
      <ErrorNotice error={save.error} />
    </div>
  );
}

function BathForm(props: {
  bath: Equipment;
  today: string;
  readings: RoutineRecord[];
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation("routine");
  const api = useApi();
  const save = useSave();
  const now = new Date();
  const [time, setTime] = useState(
    `${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`,
  );
  const [chlorine, setChlorine] = useState("");
  const [waterChanged, setWaterChanged] = useState(false);
  const [cleaned, setCleaned] = useState(true);
  const value = chlorine.trim() === "" ? null : Number(chlorine);
  const valid = value !== null && Number.isFinite(value) && value >= 0 && value <= 10;
  const inRange = valid && Math.round(value * 100) / 100 >= 0.2 && Math.round(value * 100) / 100 <= 0.4;
  const last = props.readings.at(-1);
  const submit = () =>
    save.run(async () => {
      await api.routine.create("bath_check", {
        id: newId(),
        date: props.today,
        equipmentId: props.bath.id,
        data: { time, chlorineMgL: value, waterChanged, cleaned },
      });
      setChlorine("");
      await props.onSaved();
    });
  return (
    <form
      className="routine-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <strong>{props.bath.name}</strong>
      {last && (
        <p className={last.flagged ? "chlorine-verdict--bad" : "quick-done"}>
          {String(last.data.time)} {String(last.data.chlorineMgL)} mg/L —{" "}
          {last.flagged ? t("hygiene.outOfRange") : t("hygiene.inRange")}
        </p>
      )}
      <div className="routine-grid">
        <label>
          {t("hygiene.chlorine")}
          <input
            type="number"
            inputMode="decimal"
            step="0.01"
            min="0"
            max="10"
            value={chlorine}
            onChange={(e) => setChlorine(e.target.value)}
            data-testid="bath-chlorine"
          />
        </label>
        <label>
          {t("hygiene.time")}
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
      </div>
      {valid && (
        <p
          className={inRange ? "chlorine-verdict--good" : "chlorine-verdict--bad"}
          data-testid="bath-verdict"
        >
          {inRange ? t("hygiene.inRange") : t("hygiene.outOfRange")}
        </p>
      )}
      <div className="tick-list">
        <label className={`tick ${waterChanged ? "is-on" : ""}`}>
          <input type="checkbox" checked={waterChanged} onChange={(e) => setWaterChanged(e.target.checked)} />
          {t("hygiene.waterChanged")}
        </label>
        <label className={`tick ${cleaned ? "is-on" : ""}`}>
          <input type="checkbox" checked={cleaned} onChange={(e) => setCleaned(e.target.checked)} />
          {t("hygiene.cleaned")}
        </label>
      </div>
      <ErrorNotice error={save.error} />
      {save.saved && <p className="notice notice--ok">{t("hygiene.saved")}</p>}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={!valid || save.busy}
        data-testid="bath-save"
      >
        {t("hygiene.saveBath")}
      </button>
    </form>
  );
}

function KitchenForm(props: { today: string; doneToday: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation("routine");
  const api = useApi();
  const save = useSave();
  const items = ["handWashing", "utensils", "foodSamples", "staffHealth"] as const;
  const [ticks, setTicks] = useState<Record<(typeof items)[number], boolean>>({
    handWashing: true,
    utensils: true,
    foodSamples: true,
    staffHealth: true,
  });
  return (
    <section className="card" data-testid="hygiene-kitchen">
      <h2>{t("hygiene.kitchen")}</h2>
      {props.doneToday && <p className="quick-done">✓ {t("hygiene.doneToday")}</p>}
      <div className="tick-list">
        {items.map((key) => (
          <label key={key} className={`tick ${ticks[key] ? "is-on" : ""}`}>
            <input
              type="checkbox"
              checked={ticks[key]}
              onChange={(e) => setTicks({ ...ticks, [key]: e.target.checked })}
            />
            {t(`hygiene.${key}`)}
          </label>
        ))}
      </div>
      <ErrorNotice error={save.error} />
      <button
        type="button"
        className="btn btn-primary"
        style={{ marginTop: "0.75rem" }}
        disabled={save.busy}
        onClick={() =>
          void save.run(async () => {
            await api.routine.create("kitchen_check", { id: newId(), date: props.today, data: ticks });
            await props.onSaved();
          })
        }
      >
        {t("hygiene.saveKitchen")}
      </button>
    </section>
  );
}

function CleaningForm(props: { today: string; doneToday: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation("routine");
  const api = useApi();
  const save = useSave();
  const [areas, setAreas] = useState<Set<string>>(
    new Set(["floors", "toilets", "bathroom", "dining", "handrails"]),
  );
  return (
    <section className="card" data-testid="hygiene-cleaning">
      <h2>{t("hygiene.cleaning")}</h2>
      {props.doneToday && <p className="quick-done">✓ {t("hygiene.doneToday")}</p>}
      <div className="tick-list">
        {AREAS.map((area) => (
          <label key={area} className={`tick ${areas.has(area) ? "is-on" : ""}`}>
            <input
              type="checkbox"
              checked={areas.has(area)}
              onChange={(e) => {
                const next = new Set(areas);
                if (e.target.checked) next.add(area);
                else next.delete(area);
                setAreas(next);
              }}
            />
            {t(`hygiene.areas.${area}`)}
          </label>
        ))}
      </div>
      <ErrorNotice error={save.error} />
      <button
        type="button"
        className="btn btn-primary"
        style={{ marginTop: "0.75rem" }}
        disabled={save.busy || areas.size === 0}
        onClick={() =>
          void save.run(async () => {
            await api.routine.create("cleaning_round", {
              id: newId(),
              date: props.today,
              data: { areas: [...areas] },
            });
            await props.onSaved();
          })
        }
      >
        {t("hygiene.saveCleaning")}
      </button>
    </section>
  );
}

function WasteForm(props: { today: string; onSaved: () => Promise<void> }) {
  const { t } = useTranslation("routine");
  const api = useApi();
  const save = useSave();
  const [contractor, setContractor] = useState("");
  const [manifestNo, setManifestNo] = useState("");
  const [containers, setContainers] = useState("1");
  return (
    <section className="card" data-testid="hygiene-waste">
      <h2>{t("hygiene.waste")}</h2>
      <form
        className="routine-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(async () => {
            await api.routine.create("waste_handover", {
              id: newId(),
              date: props.today,
              data: { contractor, manifestNo, containers: Number(containers) },
            });
            setManifestNo("");
            await props.onSaved();
          });
        }}
      >
        <label>
          {t("hygiene.contractor")}
          <input type="text" value={contractor} onChange={(e) => setContractor(e.target.value)} />
        </label>
        <label>
          {t("hygiene.manifestNo")}
          <input type="text" value={manifestNo} onChange={(e) => setManifestNo(e.target.value)} />
        </label>
        <label>
          {t("hygiene.containers")}
          <input type="number" min="1" value={containers} onChange={(e) => setContainers(e.target.value)} />
        </label>
        <ErrorNotice error={save.error} />
        {save.saved && <p className="notice notice--ok">{t("hygiene.saved")}</p>}
        <button type="submit" className="btn btn-primary" disabled={save.busy}>
          {t("hygiene.saveWaste")}
        </button>
      </form>
    </section>
  );
}

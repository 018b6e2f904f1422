import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoutineRecordType } from "../../api/routine.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { addDays, todayIn } from "../../lib/dates.ts";
import { newId } from "../../lib/ids.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { ExposureFollowUps } from "./ExposureFollowUps.tsx";
import { useSave } from "./use-save.ts";

const KINDS = [
  "staff_hire",
  "staff_immunity",
  "staff_health_check",
  "vaccination",
  "occupational_exposure",
] as const satisfies readonly RoutineRecordType[];
type Kind = (typeof KINDS)[number];
const DISEASES = ["measles", "rubella", "varicella", "mumps", "hepatitis_b"] as const;
const BASES = ["history", "vaccinated", "antibody_positive", "antibody_negative"] as const;
const VACCINES = [
  "influenza",
  "pneumococcal",
  "hepatitis_b",
  "measles",
  "rubella",
  "varicella",
  "mumps",
] as const;
const EXPOSURES = ["needle_stick", "blood", "body_fluid"] as const;

/**
 * Staff health and vaccinations (manual §3 6), p.30–31; residents' vaccines with consent, §2 p.4): one form whose
 * fields follow the kind of record, and the last year's records below it.
 */
export function HealthPage() {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const { facility } = useFacility();
  const today = facility ? todayIn(facility.timeZone) : null;
  const fetch = useCallback(async () => {
    if (today === null) return null;
    const [people, records] = await Promise.all([
      api.people(),
      api.routine.records([...KINDS], addDays(today, -365), today),
    ]);
    return { people: people.filter((p) => p.active), records };
  }, [api, today]);
  const { data, error, reload } = useLoad(today === null ? null : fetch);
  const save = useSave();
  const [kind, setKind] = useState<Kind>("vaccination");
  const [personId, setPersonId] = useState("");
  const [date, setDate] = useState<string | null>(null);
  const [disease, setDisease] = useState<(typeof DISEASES)[number]>("measles");
  const [basis, setBasis] = useState<(typeof BASES)[number]>("vaccinated");
  const [vaccine, setVaccine] = useState<(typeof VACCINES)[number]>("influenza");
  const [declined, setDeclined] = useState(false);
  const [consentBy, setConsentBy] = useState<"self" | "family">("family");
  const [consentDate, setConsentDate] = useState<string | null>(null);
  const [exposure, setExposure] = useState<(typeof EXPOSURES)[number]>("needle_stick");
  const [followUp, setFollowUp] = useState("");
  if (today === null || !data) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  const day = date ?? today;
  const people = data.people.filter((p) => (kind === "vaccination" ? true : p.kind === "staff"));
  const person = data.people.find((p) => p.id === personId);
  const needsConsent = kind === "vaccination" && person !== undefined && person.kind !== "staff";
  const names = new Map(data.people.map((p) => [p.id, p.name]));

  const payload = (): Record<string, unknown> => {
    switch (kind) {
      case "staff_immunity":
        return { disease, basis };
      case "vaccination":
        return {
          vaccine,
          declined,
          consent: needsConsent ? { by: consentBy, date: consentDate ?? day } : null,
        };
      case "occupational_exposure":
        return { kind: exposure, followUp, followUpDoneOn: null };
      default:
        return {};
    }
  };

  const submit = () =>
    save.run(async () => {
      await api.routine.create(kind, { id: newId(), date: day, personId, data: payload() });
      await reload();
    });

  const describe = (r: (typeof data.records)[number]) => {
    const d = r.data;
    if (r.type === "staff_immunity")
      return `${t(`disease.${d.disease as "measles"}`)} ${t(`labels.basis.${d.basis as "history"}`)}`;
    if (r.type === "vaccination")
      return `${t(`labels.vaccine.${d.vaccine as "influenza"}`)}${d.declined ? t("labels.declined") : ""}`;
    if (r.type === "occupational_exposure")
      return `${t(`labels.exposure.${d.kind as "blood"}`)}${
        typeof d.followUpDoneOn === "string"
          ? ` ${t("exposure.closedOn", { date: shortDay(d.followUpDoneOn, i18n.language, today) })}`
          : ` ${t("exposure.open")}`
      }`;
    return "";
  };

  return (
    <div className="routine-grid">
      <section className="card" data-testid="health-form">
        <h2>{t("health.new")}</h2>
        <form
          className="routine-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {t("health.kind")}
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="health-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`types.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="routine-grid">
            <label>
              {t("health.person")}
              <select
                value={personId}
                onChange={(e) => setPersonId(e.target.value)}
                data-testid="health-person"
              >
                <option value="">—</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("health.date")}
              <input type="date" value={day} max={today} onChange={(e) => setDate(e.target.value)} />
            </label>
          </div>
          {kind === "staff_immunity" && (
            <div className="routine-grid">
              <label>
                {t("health.disease")}
                <select
                  value={disease}
                  onChange={(e) => setDisease(e.target.value as (typeof DISEASES)[number])}
                >
                  {DISEASES.map((d) => (
                    <option key={d} value={d}>
                      {t(`disease.${d}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("health.basis")}
                <select value={basis} onChange={(e) => setBasis(e.target.value as (typeof BASES)[number])}>
                  {BASES.map((b) => (
                    <option key={b} value={b}>
                      {t(`labels.basis.${b}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          {kind === "vaccination" && (
            <>
              <label>
                {t("health.vaccine")}
                <select
                  value={vaccine}
                  onChange={(e) => setVaccine(e.target.value as (typeof VACCINES)[number])}
                >
                  {VACCINES.map((v) => (
                    <option key={v} value={v}>
                      {t(`labels.vaccine.${v}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className={`tick ${declined ? "is-on" : ""}`}>
                <input type="checkbox" checked={declined} onChange={(e) => setDeclined(e.target.checked)} />
                {t("health.declined")}
              </label>
              {needsConsent && (
                <div className="routine-grid">
                  <label>
                    {t("health.consentBy")}
                    <select
                      value={consentBy}
                      onChange={(e) => setConsentBy(e.target.value as "self" | "family")}
                    >
                      <option value="self">{t("health.self")}</option>
                      <option value="family">{t("health.family")}</option>
                    </select>
                  </label>
                  <label>
                    {t("health.consentDate")}
                    <input
                      type="date"
                      value={consentDate ?? day}
                      max={day}
                      onChange={(e) => setConsentDate(e.target.value)}
                    />
                  </label>
                </div>
              )}
            </>
          )}
          {kind === "occupational_exposure" && (
            <>
              <label>
                {t("health.exposure")}
                <select
                  value={exposure}
                  onChange={(e) => setExposure(e.target.value as (typeof EXPOSURES)[number])}
                >
                  {EXPOSURES.map((x) => (
                    <option key={x} value={x}>
                      {t(`labels.exposure.${x}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("health.followUp")}
                <textarea rows={2} value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
              </label>
            </>
          )}
          <ErrorNotice error={save.error} />
          {save.saved && <p className="notice notice--ok">{t("hygiene.saved")}</p>}
          <button type="submit" className="btn btn-primary btn-save" disabled={save.busy || personId === ""}>
            {t("health.save")}
          </button>
        </form>
      </section>
      <ExposureFollowUps
        exposures={data.records.filter((r) => r.type === "occupational_exposure")}
        names={names}
        today={today}
        onSaved={reload}
      />
      <section className="card">
        <h2>{t("health.history")}</h2>
        <ul className="record-history">
          {[...data.records]
            .reverse()
            .slice(0, 40)
            .map((r) => (
              <li key={r.id}>
                <strong>{shortDay(r.date, i18n.language, today)}</strong> {names.get(r.personId ?? "") ?? ""}
                　{t(`types.${r.type}`)} {describe(r)}
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}

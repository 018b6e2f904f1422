import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { usePeopleById } from "../../alerts/use-alerts.ts";
import { DayPicker } from "../../components/DayPicker.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { isDay, todayIn } from "../../lib/dates.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { bathChanges, bathGroups } from "./bath-sheet.ts";
import { RecordsNav } from "./RecordsNav.tsx";
import { canRecordBath, canRecordCases } from "./records-roles.ts";
import "../../components/alerts/alerts.css";

/**
 * The communal bath sheet of one day: tick who bathed, by unit, and save. The Legionella hint reads it (fever with
 * chest or throat symptoms within 10 days after a bath; manual p.62–63).
 */
export function BathPage({ date }: { date: string | null }) {
  const { t } = useTranslation("alerts");
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const [, navigate] = useLocation();
  const { people, error: peopleError } = usePeopleById();
  const [saved, setSaved] = useState<Set<string> | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [savedCount, setSavedCount] = useState<number | null>(null);

  const today = facility ? todayIn(facility.timeZone) : null;
  const day = date !== null && isDay(date) ? date : today;
  const mayRecord = canRecordBath(user) && day !== null && today !== null && day <= today;

  const load = useCallback(async () => {
    if (day === null) return;
    setSaved(null);
    try {
      const uses = await api.bathUses(day, day);
      const ids = new Set(uses.map((u) => u.personId));
      setSaved(ids);
      setTicked(new Set(ids));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api, day]);

  useEffect(() => {
    setSavedCount(null);
    void load();
  }, [load]);

  const groups = useMemo(
    () => (people && facility && saved ? bathGroups([...people.values()], facility.units, saved) : []),
    [people, facility, saved],
  );
  const changes = saved ? bathChanges(saved, ticked) : { add: [], remove: [] };
  const unsaved = changes.add.length + changes.remove.length > 0;

  if (!canRecordBath(user) && !canRecordCases(user))
    return <p className="notice">{t("records.notAllowedBath")}</p>;
  if (!facility || day === null || today === null) return <p className="muted">{t("panel.loading")}</p>;

  const toggle = (ids: readonly string[], on: boolean) => {
    const next = new Set(ticked);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setTicked(next);
    setSavedCount(null);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      if (changes.add.length > 0) await api.saveBathDay(day, changes.add);
      for (const personId of changes.remove) await api.removeBathUse(day, personId);
      await load();
      setSavedCount(ticked.size);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const unitName = (unitId: string | null) =>
    facility.units.find((u) => u.id === unitId)?.name ?? t("records.noUnit");

  return (
    <div className="records">
      <h1>{t("records.title")}</h1>
      <RecordsNav />
      <p className="records-lead muted">{t("bath.lead")}</p>
      <div className="records-toolbar">
        <DayPicker day={day} today={today} onChange={(d) => navigate(`/records/bath/${d}`)} />
      </div>
      {!canRecordBath(user) && <p className="notice">{t("records.notAllowedBath")}</p>}
      <ErrorNotice error={error ?? peopleError} onRetry={() => void load()} />
      {(saved === null || people === null) && !error && !peopleError && (
        <p className="muted">{t("panel.loading")}</p>
      )}
      {saved !== null && people !== null && groups.length === 0 && (
        <p className="notice">{t("bath.nobody")}</p>
      )}
      <div className="bath-units">
        {groups.map((group) => {
          const ids = group.people.map((p) => p.id);
          const count = ids.filter((id) => ticked.has(id)).length;
          return (
            <section key={group.key} className="card" data-testid={`bath-unit-${group.key}`}>
              <div className="bath-unit-head">
                <h2>{unitName(group.unitId)}</h2>
                <span className="muted">{t("bath.count", { count })}</span>
                {mayRecord && (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => toggle(ids, true)}>
                      {t("bath.all")}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => toggle(ids, false)}>
                      {t("bath.none")}
                    </button>
                  </>
                )}
              </div>
              <ul className="bath-people">
                {group.people.map((p) => {
                  const on = ticked.has(p.id);
                  return (
                    <li key={p.id}>
                      <label className={on ? "bath-person is-on" : "bath-person"}>
                        <input
                          type="checkbox"
                          data-testid={`bath-${p.id}`}
                          checked={on}
                          disabled={!mayRecord}
                          onChange={(e) => toggle([p.id], e.target.checked)}
                        />
                        <span className="bath-person-room">{p.room ?? "—"}</span>
                        <span className="bath-person-name">{p.name}</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      {mayRecord && saved !== null && people !== null && groups.length > 0 && (
        <div className="bath-savebar">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="bath-save"
            disabled={busy || !unsaved}
            onClick={() => void save()}
          >
            {busy ? t("records.saving") : t("bath.save")}
          </button>
          {unsaved && <span className="sync sync--pending sync--header">{t("bath.unsaved")}</span>}
          {!unsaved && savedCount !== null && (
            <span className="notice notice--ok" role="status" data-testid="bath-saved">
              {t("bath.saved", { count: savedCount })}
            </span>
          )}
        </div>
      )}
      {day > today && <p className="notice">{t("bath.future")}</p>}
    </div>
  );
}

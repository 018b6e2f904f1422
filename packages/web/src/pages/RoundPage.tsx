import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { usePersonHints } from "../alerts/use-alerts.ts";
import type { NewObservation, ObservationCorrection, Round } from "../api/types.ts";
import { HintsUnavailable, PersonHints } from "../components/alerts/PersonHints.tsx";
import { DayPicker } from "../components/DayPicker.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { type NewEntry, ObservationEditor } from "../components/ObservationEditor.tsx";
import { PersonRow } from "../components/PersonRow.tsx";
import { UncheckedCounter } from "../components/UncheckedCounter.tsx";
import { UnitPicker } from "../components/UnitPicker.tsx";
import { instantForDay, isDay, todayIn } from "../lib/dates.ts";
import { newId } from "../lib/ids.ts";
import { canRecord as roleCanRecord } from "../lib/roles.ts";
import { buildRows, peopleToClear, type RoundRow, uncheckedCount } from "../round/round-state.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useOutbox, useOutboxItems } from "../state/OutboxProvider.tsx";
import { useUser } from "../state/SessionProvider.tsx";

/** How long to wait after the outbox has delivered before reloading the round from the server. */
const RELOAD_AFTER_SEND_MS = 800;

/**
 * The daily round of one unit and day: every person as a row, one tap for "変わりなし", one tap for the whole unit,
 * and the entry panel for temperature and symptoms. Entries go to the outbox and show at once.
 */
export function RoundPage({ unitId, date }: { unitId: string | null; date: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const { facility, error: facilityError, reload: reloadFacility } = useFacility();
  const outbox = useOutbox();
  const items = useOutboxItems();
  const [, navigate] = useLocation();

  const timeZone = facility?.timeZone ?? "Asia/Tokyo";
  const today = todayIn(timeZone);
  const day = date !== null && isDay(date) ? date : today;
  const activeUnitId = unitId ?? facility?.units[0]?.id ?? null;
  const canRecord = roleCanRecord(user.role) && day <= today;

  const [round, setRound] = useState<Round | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // People cleared since the last render: a second tap before the row updates must not add a second entry.
  const justCleared = useRef(new Set<string>());

  const load = useCallback(
    async (quiet: boolean) => {
      if (activeUnitId === null) return;
      if (!quiet) setRound(null);
      try {
        const next = await api.round(activeUnitId, day);
        setRound(next);
        setError(null);
      } catch (e) {
        if (!quiet) setError(e);
      }
    },
    [api, activeUnitId, day],
  );

  useEffect(() => {
    justCleared.current.clear();
    setOpenId(null);
    void load(false);
  }, [load]);

  // Once the outbox change has rendered, the rows themselves show who is checked.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each outbox change on purpose.
  useEffect(() => {
    justCleared.current.clear();
  }, [items]);

  // Reload quietly once the outbox has delivered entries of this day, to show what the server stored.
  const sentHere = items.filter((i) => i.status === "sent" && i.day === day).length;
  useEffect(() => {
    if (sentHere === 0) return;
    const timer = setTimeout(() => void load(true), RELOAD_AFTER_SEND_MS);
    return () => clearTimeout(timer);
  }, [sentHere, load]);

  // The day's person hints, asked once per round view and again each time the round reloads.
  const hints = usePersonHints(facility?.id ?? null, day, today, timeZone, round);

  const rows = useMemo(
    () => (round && round.date === day ? buildRows(round, items) : []),
    [round, items, day],
  );
  const openRow = rows.find((r) => r.person.id === openId) ?? null;
  const toClear = peopleToClear(rows).filter((p) => !justCleared.current.has(p.id));

  const go = (nextUnit: string | null, nextDay: string) => {
    if (nextUnit !== null) navigate(`/round/${nextUnit}/${nextDay}`);
  };

  const enqueue = (personId: string, entry: NewEntry) => {
    const observation: NewObservation = { id: newId(), personId, at: instantForDay(day, timeZone), ...entry };
    outbox.enqueue(observation, { day, unitId: activeUnitId });
  };

  const clearOne = (row: RoundRow) => {
    if (!canRecord || row.status !== "unchecked" || justCleared.current.has(row.person.id)) return;
    justCleared.current.add(row.person.id);
    enqueue(row.person.id, { symptoms: [] });
  };

  const clearAll = () => {
    if (!canRecord) return;
    for (const person of toClear) {
      justCleared.current.add(person.id);
      enqueue(person.id, { symptoms: [] });
    }
  };

  const saveNew = (entry: NewEntry) => {
    if (openRow === null || !canRecord) return;
    justCleared.current.add(openRow.person.id);
    enqueue(openRow.person.id, entry);
    setOpenId(null);
  };

  const correct = async (id: string, correction: ObservationCorrection) => {
    await api.correctObservation(id, correction);
    await load(true);
  };

  const loadHistory = useCallback((id: string) => api.observationHistory(id), [api]);
  const closeEditor = useCallback(() => setOpenId(null), []);

  if (facilityError) return <ErrorNotice error={facilityError} onRetry={() => void reloadFacility()} />;
  if (!facility) return <p className="muted">{t("app.loading")}</p>;

  return (
    <div className="round">
      <div className="round-bar no-print">
        <h1 className="round-title">{t("round.title")}</h1>
        <UnitPicker
          units={facility.units}
          value={activeUnitId}
          label={t("round.unit")}
          onChange={(id) => go(id, day)}
        />
        <DayPicker day={day} today={today} onChange={(d) => go(activeUnitId, d)} />
      </div>

      {activeUnitId === null ? (
        <p className="notice">{t("round.noUnit")}</p>
      ) : (
        <>
          <div className="round-summary">
            <UncheckedCounter unchecked={round ? uncheckedCount(rows) : 0} total={rows.length} />
            {canRecord && (
              <button
                type="button"
                className="btn btn-primary btn-all-clear"
                data-testid="all-clear"
                disabled={round === null || toClear.length === 0}
                onClick={clearAll}
              >
                {toClear.length > 0
                  ? t("round.allClearCount", { count: toClear.length })
                  : t("round.allClear")}
              </button>
            )}
            <Link href={`/print/${activeUnitId}/${day}`} className="btn" data-testid="print-link">
              {t("round.print")}
            </Link>
          </div>
          {!roleCanRecord(user.role) && <p className="notice">{t("round.readOnly")}</p>}
          {day > today && <p className="notice">{t("round.future")}</p>}
          <ErrorNotice error={error} onRetry={() => void load(false)} />
          <HintsUnavailable error={error ? null : hints.error} />
          {round === null && !error && <p className="muted">{t("app.loading")}</p>}
          {round !== null && rows.length === 0 && <p className="notice">{t("round.noPeople")}</p>}
          <ul className="rows" data-testid="round-rows">
            {rows.map((row) => (
              <PersonRow
                key={row.person.id}
                row={row}
                canRecord={canRecord}
                onClear={clearOne}
                onOpen={(r) => setOpenId(r.person.id)}
                hints={
                  <PersonHints
                    personId={row.person.id}
                    personName={row.person.name}
                    hints={hints.byPerson.get(row.person.id) ?? []}
                  />
                }
              />
            ))}
          </ul>
        </>
      )}

      {openRow && (
        <ObservationEditor
          key={openRow.person.id}
          row={openRow}
          timeZone={timeZone}
          canRecord={canRecord}
          onSaveNew={saveNew}
          onCorrect={correct}
          onDiscard={(id) => outbox.discard(id)}
          loadHistory={loadHistory}
          onClose={closeEditor}
        />
      )}
    </div>
  );
}

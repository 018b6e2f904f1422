import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { usePersonHints } from "../alerts/use-alerts.ts";
import type { NewObservation, ObservationCorrection, Round } from "../api/types.ts";
import { HintsUnavailable, PersonHints } from "../components/alerts/PersonHints.tsx";
import { DayPicker } from "../components/DayPicker.tsx";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { type NewEntry, ObservationEditor } from "../components/ObservationEditor.tsx";
import { PersonRow } from "../components/PersonRow.tsx";
import { UncheckedCounter } from "../components/UncheckedCounter.tsx";
import { UnitPicker } from "../components/UnitPicker.tsx";
import { formatDay, instantForDay, isDay, todayIn } from "../lib/dates.ts";
import { newId } from "../lib/ids.ts";
import { canRecord as roleCanRecord } from "../lib/roles.ts";
import {
  ALL_CLEAR_KINDS,
  buildRows,
  peopleToClear,
  type RoundRow,
  sectionsOf,
  uncheckedCount,
} from "../round/round-state.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useOutbox, useOutboxItems } from "../state/OutboxProvider.tsx";
import { useUser } from "../state/SessionProvider.tsx";

/** How long to wait after the outbox has delivered before reloading the round from the server. */
const RELOAD_AFTER_SEND_MS = 800;
/** How long 元に戻す stays offered after 全員変わりなし. The server allows it for 10 minutes after it stored the entries. */
export const UNDO_ALL_CLEAR_MS = 15_000;

/** The last 全員変わりなし, while it can still be undone; `state` tells the bar below the round what to say. */
interface AllClearUndo {
  ids: string[];
  count: number;
  state: "offered" | "undoing" | "undone" | "failed";
}

/**
 * The daily round of one unit and day: every person as a row, one tap for "変わりなし", one tap for the whole unit,
 * and the entry panel for temperature and symptoms. Entries go to the outbox and show at once.
 */
export function RoundPage({ unitId, date }: { unitId: string | null; date: string | null }) {
  const { t, i18n } = useTranslation();
  const { t: tr } = useTranslation("round");
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
  const canRecord = roleCanRecord(user) && day <= today;

  const [round, setRound] = useState<Round | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [undo, setUndo] = useState<AllClearUndo | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
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
    setConfirming(false);
    setUndo(null);
    void load(false);
  }, [load]);

  // 元に戻す is offered for a short while only; what it says after an undo stays a little, then goes.
  const undoState = undo?.state ?? null;
  useEffect(() => {
    if (undoState === null || undoState === "undoing") return;
    const timer = setTimeout(() => setUndo(null), UNDO_ALL_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [undoState]);

  // Keyboard and screen-reader users land on 元に戻す once the question has closed.
  useEffect(() => {
    if (undoState === "offered") undoButton.current?.focus();
  }, [undoState]);

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

  const enqueue = (personId: string, entry: NewEntry): string => {
    const observation: NewObservation = { id: newId(), personId, at: instantForDay(day, timeZone), ...entry };
    outbox.enqueue(observation, { day, unitId: activeUnitId });
    return observation.id;
  };

  const clearOne = (row: RoundRow) => {
    if (!canRecord || row.status !== "unchecked" || justCleared.current.has(row.person.id)) return;
    justCleared.current.add(row.person.id);
    enqueue(row.person.id, { symptoms: [] });
  };

  const askAllClear = () => {
    if (canRecord && toClear.length > 0) setConfirming(true);
  };

  const clearAll = () => {
    setConfirming(false);
    if (!canRecord || toClear.length === 0) return;
    const ids: string[] = [];
    for (const person of toClear) {
      justCleared.current.add(person.id);
      ids.push(enqueue(person.id, { symptoms: [] }));
    }
    setUndo({ ids, count: ids.length, state: "offered" });
  };

  const undoAllClear = async () => {
    if (undo === null || undo.state !== "offered") return;
    setUndo({ ...undo, state: "undoing" });
    try {
      await outbox.withdraw(undo.ids);
      justCleared.current.clear();
      setUndo({ ...undo, state: "undone" });
      await load(true);
    } catch {
      setUndo({ ...undo, state: "failed" });
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
  const closeConfirm = useCallback(() => setConfirming(false), []);
  const lang = i18n.language;
  const excluded = rows.some((row) => !ALL_CLEAR_KINDS.includes(row.person.kind));

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
                onClick={askAllClear}
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
          {!roleCanRecord(user) && <p className="notice">{t("round.readOnly")}</p>}
          {day > today && <p className="notice">{t("round.future")}</p>}
          <ErrorNotice error={error} onRetry={() => void load(false)} />
          <HintsUnavailable error={error ? null : hints.error} />
          {round === null && !error && <p className="muted">{t("app.loading")}</p>}
          {round !== null && rows.length === 0 && <p className="notice">{t("round.noPeople")}</p>}
          {sectionsOf(rows).map((section) => (
            <section key={section.id} className="round-section" aria-labelledby={`section-${section.id}`}>
              <h2 className="round-section-title" id={`section-${section.id}`}>
                {tr(`sections.${section.id}`)}
                <span className="round-section-count">
                  {tr("sectionCount", { count: section.rows.length })}
                </span>
              </h2>
              <ul
                className="rows"
                data-testid={section.id === "living" ? "round-rows" : `round-rows-${section.id}`}
              >
                {section.rows.map((row) => (
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
            </section>
          ))}
        </>
      )}

      {undo && (
        <div className="undo-bar" data-testid="undo-bar" data-state={undo.state} role="status">
          <span>
            {undo.state === "undone"
              ? tr("allClear.undone", { count: undo.count })
              : undo.state === "failed"
                ? tr("allClear.undoFailed")
                : tr("allClear.done", { count: undo.count })}
          </span>
          {(undo.state === "offered" || undo.state === "undoing") && (
            <button
              ref={undoButton}
              type="button"
              className="btn"
              data-testid="undo-all-clear"
              disabled={undo.state === "undoing"}
              onClick={() => void undoAllClear()}
            >
              {undo.state === "undoing" ? tr("allClear.undoing") : tr("allClear.undo")}
            </button>
          )}
          <button
            type="button"
            className="btn btn-ghost"
            data-testid="undo-bar-close"
            onClick={() => setUndo(null)}
          >
            {tr("allClear.close")}
          </button>
        </div>
      )}

      {confirming && round && (
        <Dialog
          title={tr("allClear.title")}
          closeLabel={tr("allClear.cancel")}
          onClose={closeConfirm}
          testId="all-clear-confirm"
          size="small"
        >
          {day !== today && (
            <p className="notice notice--warn" data-testid="all-clear-past-day">
              {tr("allClear.pastDay", { day: formatDay(day, lang) })}
            </p>
          )}
          <p className="confirm-body" data-testid="all-clear-question">
            {tr("allClear.body", { unit: round.unit.name, count: toClear.length })}
          </p>
          {excluded && <p className="muted">{tr("allClear.excluded")}</p>}
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={closeConfirm}>
              {tr("allClear.cancel")}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="all-clear-confirm-yes"
              onClick={clearAll}
            >
              {tr("allClear.confirm", { count: toClear.length })}
            </button>
          </div>
        </Dialog>
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

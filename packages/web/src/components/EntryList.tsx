import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Revision } from "../api/types.ts";
import { formatTime } from "../lib/dates.ts";
import { fieldErrorText } from "../lib/error-text.ts";
import { asLang, formatTempC, symptomLabel } from "../lib/labels.ts";
import type { RoundEntry } from "../round/round-state.ts";
import { FeverBadge } from "./FeverBadge.tsx";
import { ObservationHistory } from "./ObservationHistory.tsx";

interface Props {
  entries: readonly RoundEntry[];
  timeZone: string;
  canRecord: boolean;
  editingId: string | null;
  onCorrect: (entry: RoundEntry) => void;
  onDiscard: (entry: RoundEntry) => void;
  loadHistory: (id: string) => Promise<Revision[]>;
}

/** The entries of the day for one person, each with its correction and history. */
export function EntryList({
  entries,
  timeZone,
  canRecord,
  editingId,
  onCorrect,
  onDiscard,
  loadHistory,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const [historyOf, setHistoryOf] = useState<string | null>(null);

  return (
    <section className="entries" aria-label={t("editor.todaysEntries")}>
      <h3>{t("editor.todaysEntries")}</h3>
      <ul>
        {entries.map((entry) => (
          <li
            key={entry.id}
            className={entry.id === editingId ? "entry is-editing" : "entry"}
            data-testid={`entry-${entry.id}`}
          >
            <div className="entry-line">
              <span className="entry-time">{formatTime(entry.at, timeZone)}</span>
              {entry.tempC !== null && <span className="entry-temp">{formatTempC(entry.tempC)}℃</span>}
              <FeverBadge temperatureClass={entry.temperatureClass} />
              <span>
                {entry.symptoms.length > 0
                  ? entry.symptoms.map((s) => symptomLabel(s, lang)).join("・")
                  : entry.tempC === null || entry.temperatureClass === "normal"
                    ? t("editor.nothingNew")
                    : ""}
              </span>
              {entry.note && <span className="entry-note">{entry.note}</span>}
              {entry.version !== null && entry.version > 1 && (
                <span className="muted">{t("editor.version", { version: entry.version })}</span>
              )}
              {entry.sync === "pending" && <span className="sync sync--pending">{t("round.pending")}</span>}
            </div>
            {entry.sync === "rejected" && entry.error && (
              <div className="error">
                {t("editor.rejectedExplain", {
                  message:
                    entry.error.fields.length > 0
                      ? entry.error.fields.map((f) => fieldErrorText(t, i18n.language, f)).join(" / ")
                      : entry.error.message,
                })}
              </div>
            )}
            <div className="entry-actions">
              {entry.sync === "saved" && canRecord && (
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid={`correct-${entry.id}`}
                  onClick={() => onCorrect(entry)}
                >
                  {t("editor.correct")}
                </button>
              )}
              {entry.sync === "saved" && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  data-testid={`history-toggle-${entry.id}`}
                  onClick={() => setHistoryOf(historyOf === entry.id ? null : entry.id)}
                >
                  {historyOf === entry.id ? t("editor.hideHistory") : t("editor.history")}
                </button>
              )}
              {entry.sync === "pending" && <span className="muted">{t("editor.pendingCannotCorrect")}</span>}
              {entry.sync === "rejected" && (
                <button type="button" className="btn btn-small btn-danger" onClick={() => onDiscard(entry)}>
                  {t("editor.discard")}
                </button>
              )}
            </div>
            {historyOf === entry.id && (
              <ObservationHistory observationId={entry.id} timeZone={timeZone} load={loadHistory} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

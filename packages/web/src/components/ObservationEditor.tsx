import type { SymptomCode } from "@mamori/domain/surveillance";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/errors.ts";
import type { ObservationCorrection, Revision } from "../api/types.ts";
import { formatTime } from "../lib/dates.ts";
import { errorText, fieldErrorText } from "../lib/error-text.ts";
import { formatTempC } from "../lib/labels.ts";
import { readTemperature } from "../lib/temperature-entry.ts";
import type { RoundEntry, RoundRow } from "../round/round-state.ts";
import { Dialog } from "./Dialog.tsx";
import { EntryList } from "./EntryList.tsx";
import { FeverBadge } from "./FeverBadge.tsx";
import { KindBadge } from "./KindBadge.tsx";
import { NumericKeypad } from "./NumericKeypad.tsx";
import { SymptomChips } from "./SymptomChips.tsx";

export interface NewEntry {
  tempC?: number;
  symptoms: SymptomCode[];
  note?: string;
}

interface Props {
  row: RoundRow;
  timeZone: string;
  canRecord: boolean;
  onSaveNew: (entry: NewEntry) => void;
  onCorrect: (id: string, correction: ObservationCorrection) => Promise<void>;
  onDiscard: (id: string) => void;
  loadHistory: (id: string) => Promise<Revision[]>;
  onClose: () => void;
}

interface Form {
  tempText: string;
  symptoms: SymptomCode[];
  note: string;
  reason: string;
}

const EMPTY: Form = { tempText: "", symptoms: [], note: "", reason: "" };

/**
 * The entry for one person: temperature on the keypad with the fever badge at once, symptom chips, a note; or, for an
 * entry already saved, its correction with a reason. A new entry goes to the outbox and the panel closes at once.
 */
export function ObservationEditor(props: Props) {
  const { row, timeZone, canRecord, onSaveNew, onCorrect, onDiscard, loadHistory, onClose } = props;
  const { t, i18n } = useTranslation();
  const { person } = row;
  const [editing, setEditing] = useState<RoundEntry | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reading = readTemperature(form.tempText);
  const tempError =
    reading.kind === "invalid"
      ? reading.reason === "range"
        ? t("editor.tempInvalidRange")
        : t("editor.tempInvalidFormat")
      : null;

  const startCorrection = (entry: RoundEntry) => {
    setEditing(entry);
    setError(null);
    setForm({
      tempText: entry.tempC === null ? "" : formatTempC(entry.tempC),
      symptoms: [...entry.symptoms],
      note: entry.note ?? "",
      reason: "",
    });
  };

  const startNew = () => {
    setEditing(null);
    setError(null);
    setForm(EMPTY);
  };

  const toggle = (code: SymptomCode) =>
    setForm((f) => ({
      ...f,
      symptoms: f.symptoms.includes(code) ? f.symptoms.filter((c) => c !== code) : [...f.symptoms, code],
    }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || reading.kind === "invalid") return;
    const tempC = reading.kind === "valid" ? reading.tempC : undefined;
    const note = form.note.trim();
    if (editing === null) {
      onSaveNew({
        ...(tempC === undefined ? {} : { tempC }),
        symptoms: form.symptoms,
        ...(note === "" ? {} : { note }),
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const reason = form.reason.trim();
      // A correction replaces the entry: what is left empty is no longer recorded.
      await onCorrect(editing.id, {
        ...(tempC === undefined ? {} : { tempC }),
        symptoms: form.symptoms,
        ...(note === "" ? {} : { note }),
        ...(reason === "" ? {} : { reason }),
      });
      startNew();
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields.length > 0
          ? e.fields.map((f) => fieldErrorText(t, i18n.language, f)).join(" / ")
          : errorText(t, e),
      );
    } finally {
      setBusy(false);
    }
  };

  const title = (
    <>
      <span className="dialog-room">{person.room ?? ""}</span> {person.name} <KindBadge kind={person.kind} />
      <span className="usual-temp">
        {person.baselineTempC === null
          ? t("round.noUsualTemp")
          : t("round.usualTemp", { temp: formatTempC(person.baselineTempC) })}
      </span>
    </>
  );

  return (
    <Dialog title={title} onClose={onClose} closeLabel={t("editor.cancel")} testId="observation-editor">
      {row.entries.length > 0 && (
        <EntryList
          entries={row.entries}
          timeZone={timeZone}
          canRecord={canRecord}
          editingId={editing?.id ?? null}
          onCorrect={startCorrection}
          onDiscard={(entry) => onDiscard(entry.id)}
          loadHistory={loadHistory}
        />
      )}
      {canRecord && (
        <form
          className="editor-form"
          onSubmit={submit}
          data-testid="entry-form"
          data-mode={editing ? "correct" : "new"}
        >
          {(editing || row.entries.length > 0) && (
            <div className="editor-form-head">
              <h3>
                {editing
                  ? `${t("editor.titleCorrect")}（${formatTime(editing.at, timeZone)}）`
                  : t("editor.newEntry")}
              </h3>
              {editing && (
                <button type="button" className="btn btn-small btn-ghost" onClick={startNew}>
                  {t("editor.newEntry")}
                </button>
              )}
            </div>
          )}
          <div className="editor-grid">
            <div className="editor-temp">
              <NumericKeypad
                label={t("editor.temperature")}
                status={
                  reading.kind === "valid" ? (
                    <FeverBadge tempC={reading.tempC} baselineTempC={person.baselineTempC} />
                  ) : null
                }
                value={form.tempText}
                onChange={(tempText) => setForm((f) => ({ ...f, tempText }))}
                onEnter={() => void submit()}
                invalid={tempError !== null}
                autoFocus
              />
              {tempError && (
                <p className="error" role="alert" data-testid="temp-error">
                  {tempError}
                </p>
              )}
            </div>
            <div className="editor-right">
              <div className="editor-symptoms">
                <span className="field-label">{t("editor.symptoms")}</span>
                <SymptomChips selected={form.symptoms} onToggle={toggle} />
                {form.symptoms.includes("other") && <p className="hint">{t("editor.otherHint")}</p>}
              </div>
              <label className="field">
                <span className="field-label">{t("editor.note")}</span>
                <textarea
                  data-testid="note-input"
                  rows={2}
                  maxLength={500}
                  placeholder={t("editor.notePlaceholder")}
                  value={form.note}
                  onChange={(event) => setForm((f) => ({ ...f, note: event.target.value }))}
                />
              </label>
              {editing && (
                <label className="field">
                  <span className="field-label">{t("editor.reason")}</span>
                  <input
                    data-testid="reason-input"
                    maxLength={500}
                    value={form.reason}
                    onChange={(event) => setForm((f) => ({ ...f, reason: event.target.value }))}
                  />
                </label>
              )}
            </div>
          </div>
          {error && (
            <p className="error" role="alert" data-testid="editor-error">
              {error}
            </p>
          )}
          <div className="editor-actions">
            <button type="button" className="btn btn-ghost" onClick={onClose}>
              {t("editor.cancel")}
            </button>
            <button
              type="submit"
              className="btn btn-primary btn-save"
              data-testid="save-entry"
              disabled={busy || reading.kind === "invalid"}
            >
              {busy ? t("editor.saving") : editing ? t("editor.saveCorrection") : t("editor.save")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

import type { OutbreakMeasure } from "@mamori/domain/surveillance";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EpisodeDetail } from "../../api/episodes.ts";
import { newId } from "../../lib/ids.ts";
import type { Lang } from "../../lib/labels.ts";
import { episodeErrors } from "./episode-labels.ts";

/** Records one measure of the episode: from the manual's list or in the staff's own words. */
export function EpisodeMeasureForm(props: {
  measure: OutbreakMeasure | null;
  today: string;
  lang: Lang;
  submit: (body: {
    id: string;
    catalogueId?: string;
    text?: string;
    doneDate: string;
    doneBy?: string;
    note?: string;
  }) => Promise<EpisodeDetail>;
  onSaved: (next: EpisodeDetail) => void;
}) {
  const { t } = useTranslation("episodes");
  const [id] = useState(newId);
  const [doneDate, setDoneDate] = useState(props.today);
  const [text, setText] = useState("");
  const [doneBy, setDoneBy] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = episodeErrors(t, props.lang, error);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      props.onSaved(
        await props.submit({
          id,
          ...(props.measure ? { catalogueId: props.measure.id } : { text: text.trim() }),
          doneDate,
          ...(doneBy.trim() ? { doneBy: doneBy.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form className="episode-form" onSubmit={(e) => void save(e)}>
      {!props.measure && (
        <label className="field">
          <span className="field-label">{t("measures.freeText")}</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={500}
            data-testid="measure-text"
            required
          />
          {problem.fields.text && <span className="field-error">{problem.fields.text}</span>}
        </label>
      )}
      <label className="field">
        <span className="field-label">{t("measures.doneDate")}</span>
        <input
          type="date"
          value={doneDate}
          max={props.today}
          onChange={(e) => setDoneDate(e.target.value)}
          data-testid="measure-date"
          required
        />
        {problem.fields.doneDate && (
          <span className="field-error" data-testid="measure-date-error">
            {problem.fields.doneDate}
          </span>
        )}
      </label>
      <label className="field">
        <span className="field-label">{t("measures.doneBy")}</span>
        <input
          value={doneBy}
          onChange={(e) => setDoneBy(e.target.value)}
          maxLength={100}
          data-testid="measure-by"
        />
      </label>
      <label className="field">
        <span className="field-label">{t("measures.note")}</span>
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={2}
          data-testid="measure-note"
        />
      </label>
      {problem.line && <p className="field-error">{problem.line}</p>}
      {Object.entries(problem.fields)
        .filter(([path]) => !["doneDate", "text"].includes(path))
        .map(([path, message]) => (
          <p key={path} className="field-error">
            {message}
          </p>
        ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="measure-save">
          {t("measures.save")}
        </button>
      </div>
    </form>
  );
}

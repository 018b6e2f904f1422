import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EpisodeCase, EpisodeDetail } from "../../api/episodes.ts";
import type { Lang } from "../../lib/labels.ts";
import { episodeErrors } from "./episode-labels.ts";

/** Records the day a linked case ended (or that the person is ill again). */
export function EpisodeResolveForm(props: {
  held: EpisodeCase;
  today: string;
  lang: Lang;
  submit: (resolvedDate: string) => Promise<EpisodeDetail>;
  onSaved: (next: EpisodeDetail) => void;
}) {
  const { t } = useTranslation("episodes");
  const [day, setDay] = useState(props.held.resolvedDate ?? props.today);
  const [error, setError] = useState<unknown>(null);
  const problem = episodeErrors(t, props.lang, error);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onSaved(await props.submit(day));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="episode-form" onSubmit={(e) => void save(e)}>
      <label className="field">
        <span className="field-label">{t("cases.resolvedLabel")}</span>
        <input
          type="date"
          value={day}
          min={props.held.onsetDate}
          max={props.today}
          onChange={(e) => setDay(e.target.value)}
          data-testid="resolve-date"
          required
        />
        {(problem.fields.resolvedDate ?? problem.line) && (
          <span className="field-error">{problem.fields.resolvedDate ?? problem.line}</span>
        )}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="resolve-save">
          {t("cases.save")}
        </button>
      </div>
    </form>
  );
}

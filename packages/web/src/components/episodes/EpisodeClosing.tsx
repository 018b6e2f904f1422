import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EpisodeDetail } from "../../api/episodes.ts";
import { formatDay } from "../../lib/dates.ts";
import type { Lang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { episodeErrors } from "./episode-labels.ts";

/** The committee's closing of the episode (lead or director), or its reopening with a reason. */
export function EpisodeClosing(props: {
  detail: EpisodeDetail;
  lang: Lang;
  facilityId: string;
  mayClose: boolean;
  onUpdated: (next: EpisodeDetail) => void;
}) {
  const { t } = useTranslation("episodes");
  const api = useApi();
  const { detail, lang } = props;
  const { episode, today } = detail;
  const [decision, setDecision] = useState("");
  const [decisionDate, setDecisionDate] = useState(today);
  const [override, setOverride] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const problem = episodeErrors(t, lang, error);
  const open = episode.state.status === "open";
  const notYet = decisionDate < episode.state.eligibleOn;

  const close = async (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onUpdated(
        await api.episodes.close(props.facilityId, episode.id, {
          decision: decision.trim(),
          decisionDate,
          ...(notYet && override.trim() ? { overrideReason: override.trim() } : {}),
        }),
      );
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  const reopen = async (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onUpdated(await api.episodes.reopen(props.facilityId, episode.id, reason.trim()));
      setReason("");
      setError(null);
    } catch (e) {
      setError(e);
    }
  };

  if (!open)
    return (
      <section className="card" data-testid="episode-closed">
        <h2>{t("close.heading")}</h2>
        <p data-testid="episode-decision">{t("close.decided", { decision: episode.decision ?? "" })}</p>
        {episode.overrideReason && <p>{t("close.overrideReason", { reason: episode.overrideReason })}</p>}
        {props.mayClose && (
          <form className="episode-form no-print" onSubmit={(e) => void reopen(e)}>
            <label className="field">
              <span className="field-label">{t("close.reopenReason")}</span>
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                maxLength={2000}
                data-testid="reopen-reason"
              />
            </label>
            {problem.line && <p className="field-error">{problem.line}</p>}
            {Object.values(problem.fields).map((message) => (
              <p key={message} className="field-error">
                {message}
              </p>
            ))}
            <button type="submit" className="btn" data-testid="reopen-submit">
              {t("close.reopenSubmit")}
            </button>
          </form>
        )}
      </section>
    );

  return (
    <section className="card no-print" data-testid="episode-close">
      <h2>{t("close.heading")}</h2>
      {!props.mayClose ? (
        <p className="muted">{t("close.onlyLead")}</p>
      ) : (
        <form className="episode-form" onSubmit={(e) => void close(e)}>
          <p className="muted small">{t("close.lead")}</p>
          {episode.state.openCaseCount > 0 && (
            <p className="notice notice--error" data-testid="close-ill">
              {t("close.ill", { count: episode.state.openCaseCount })}
            </p>
          )}
          <label className="field">
            <span className="field-label">{t("close.decision")}</span>
            <textarea
              value={decision}
              onChange={(e) => setDecision(e.target.value)}
              rows={3}
              maxLength={2000}
              required
              data-testid="close-decision"
            />
            {problem.fields.decision && <span className="field-error">{problem.fields.decision}</span>}
          </label>
          <label className="field">
            <span className="field-label">{t("close.decisionDate")}</span>
            <input
              type="date"
              value={decisionDate}
              min={episode.openedDate}
              max={today}
              onChange={(e) => setDecisionDate(e.target.value)}
              required
              data-testid="close-date"
            />
            {problem.fields.decisionDate && (
              <span className="field-error">{problem.fields.decisionDate}</span>
            )}
          </label>
          {notYet && (
            <label className="field">
              <span className="field-label">{t("close.override")}</span>
              <span className="muted small">
                {t("close.notYet", { date: formatDay(episode.state.eligibleOn, lang) })}
              </span>
              <textarea
                value={override}
                onChange={(e) => setOverride(e.target.value)}
                rows={2}
                maxLength={2000}
                data-testid="close-override"
              />
              {problem.fields.overrideReason && (
                <span className="field-error">{problem.fields.overrideReason}</span>
              )}
            </label>
          )}
          {problem.fields.cases && (
            <p className="field-error" data-testid="close-error-cases">
              {problem.fields.cases}
            </p>
          )}
          {problem.line && <p className="field-error">{problem.line}</p>}
          <button type="submit" className="btn btn-primary" data-testid="close-submit">
            {t("close.submit")}
          </button>
        </form>
      )}
    </section>
  );
}

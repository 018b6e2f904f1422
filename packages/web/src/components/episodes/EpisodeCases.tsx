import { useState } from "react";
import { useTranslation } from "react-i18next";
import { diseaseLabel, shortDay } from "../../alerts/alert-labels.ts";
import type { EpisodeCase, EpisodeDetail } from "../../api/episodes.ts";
import type { Lang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { episodeErrors } from "./episode-labels.ts";

/** The ill people linked to the episode and those of its group not yet linked, with the day each case ended. */
export function EpisodeCases(props: {
  detail: EpisodeDetail;
  lang: Lang;
  personName: (id: string) => string;
  mayRecord: boolean;
  facilityId: string;
  groupName: string;
  onUpdated: (next: EpisodeDetail) => void;
  onResolve: (held: EpisodeCase) => void;
}) {
  const { t } = useTranslation("episodes");
  const { t: ta } = useTranslation("alerts");
  const api = useApi();
  const { detail, lang, personName } = props;
  const [error, setError] = useState<unknown>(null);
  const what = (held: EpisodeCase) =>
    held.disease ? diseaseLabel(ta, held.disease, lang) : t("cases.fromSymptoms", { group: props.groupName });
  const link = async (held: EpisodeCase) => {
    try {
      props.onUpdated(
        await api.episodes.linkCase(
          props.facilityId,
          detail.episode.id,
          held.caseId ? { caseId: held.caseId } : { personId: held.personId, onsetDate: held.onsetDate },
        ),
      );
    } catch (e) {
      setError(e);
    }
  };
  const problem = episodeErrors(t, lang, error);
  return (
    <section className="card" data-testid="episode-cases">
      <h2>{t("cases.heading", { count: detail.cases.length })}</h2>
      {detail.cases.length === 0 ? (
        <p className="muted">{t("cases.empty")}</p>
      ) : (
        <div className="episode-table-wrap">
          <table className="table episode-table">
            <thead>
              <tr>
                <th>{t("cases.onset")}</th>
                <th>{t("cases.person")}</th>
                <th>{t("cases.what")}</th>
                <th>{t("cases.resolved")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.cases.map((held) => (
                <tr key={held.linkId ?? held.personId} data-testid={`episode-case-${held.personId}`}>
                  <td>{shortDay(held.onsetDate, lang)}</td>
                  <td>{personName(held.personId)}</td>
                  <td>{what(held)}</td>
                  <td>
                    {held.resolvedDate ? (
                      shortDay(held.resolvedDate, lang)
                    ) : (
                      <span className="muted">{t("cases.ongoing")}</span>
                    )}
                    {props.mayRecord && (
                      <button
                        type="button"
                        className="btn btn-small episode-inline-btn"
                        data-testid="case-resolve"
                        onClick={() => props.onResolve(held)}
                      >
                        {t("cases.setResolved")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {detail.candidates.length > 0 && (
        <div className="episode-candidates" data-testid="episode-candidates">
          <h3>{t("cases.candidates")}</h3>
          <p className="muted small">{t("cases.candidatesLead")}</p>
          <ul>
            {detail.candidates.map((held) => (
              <li key={`${held.caseId ?? held.personId}-${held.onsetDate}`}>
                {shortDay(held.onsetDate, lang)} {personName(held.personId)} — {what(held)}
                {props.mayRecord && (
                  <button
                    type="button"
                    className="btn btn-small episode-inline-btn"
                    onClick={() => void link(held)}
                  >
                    {t("cases.add")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem.line && <p className="field-error">{problem.line}</p>}
    </section>
  );
}

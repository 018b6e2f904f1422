import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { EpisodeSummary } from "../../api/episodes.ts";
import { formatDay } from "../../lib/dates.ts";
import { asLang } from "../../lib/labels.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";
import { episodeSubjectText } from "./episode-labels.ts";
import { useOpenEpisodes } from "./use-open-episodes.ts";
import "./episodes.css";

/**
 * Every open outbreak episode of the facility, each with its group, start, number of ill people and the countdown to
 * the end, linking to the episode — shown on top of the surveillance home until the committee closes the episode.
 * Renders nothing when no episode is open.
 */
export function OpenEpisodesPanel({ facilityId }: { facilityId: string }) {
  const { t, i18n } = useTranslation("episodes");
  const { episodes, error, reload } = useOpenEpisodes(facilityId);
  if (error) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!episodes || episodes.length === 0) return null;
  return (
    <section className="episodes-panel" aria-labelledby="episodes-panel-title" data-testid="open-episodes">
      <h2 id="episodes-panel-title">{t("panel.title")}</h2>
      <ul className="episodes-panel-list">
        {episodes.map((episode) => (
          <OpenEpisodeItem key={episode.id} episode={episode} lang={asLang(i18n.language)} />
        ))}
      </ul>
    </section>
  );
}

function OpenEpisodeItem({ episode, lang }: { episode: EpisodeSummary; lang: "ja" | "en" }) {
  const { t } = useTranslation("episodes");
  const { t: ta } = useTranslation("alerts");
  const { state } = episode;
  const start =
    state.firstOnset && state.firstOnset < episode.openedDate ? state.firstOnset : episode.openedDate;
  return (
    <li className="episodes-panel-item" data-testid={`open-episode-${episode.id}`}>
      <Link href={`/episodes/${episode.id}`} className="episodes-panel-link">
        <span className="episodes-panel-what">
          {t("panel.item", {
            subject: episodeSubjectText(ta, episode.subject, lang),
            date: formatDay(start, lang),
            count: state.caseCount,
          })}
        </span>
        <span
          className={state.eligible ? "episode-countdown episode-countdown--eligible" : "episode-countdown"}
          data-testid="open-episode-countdown"
        >
          {state.eligible
            ? t("panel.countdownEligible")
            : t("panel.countdownWaiting", { days: state.daysUntilEligible })}
        </span>
        <span className="episodes-panel-go">{t("panel.open")} ›</span>
      </Link>
    </li>
  );
}

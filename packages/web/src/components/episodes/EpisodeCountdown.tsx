import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { EpisodeDetail } from "../../api/episodes.ts";
import { formatDay } from "../../lib/dates.ts";
import type { Lang } from "../../lib/labels.ts";

/** The countdown to the end of the outbreak (manual p.56): days without a new onset against the quiet period. */
export function EpisodeCountdown({ detail, lang }: { detail: EpisodeDetail; lang: Lang }) {
  const { t } = useTranslation("episodes");
  const { state, closedDate, closedBy } = detail.episode;
  return (
    <section className="card episode-countdown-card" data-testid="episode-countdown">
      <h2>{t("countdown.heading")}</h2>
      {closedDate ? (
        <p className="episode-big">
          {t("countdown.closed", { date: formatDay(closedDate, lang), who: closedBy ?? "" })}
        </p>
      ) : (
        <>
          <p
            className={state.eligible ? "episode-big episode-big--eligible" : "episode-big"}
            data-testid="countdown-text"
          >
            {state.eligible
              ? t("countdown.eligible", { quiet: state.quietDays })
              : t("countdown.waiting", {
                  days: state.daysUntilEligible,
                  date: formatDay(state.eligibleOn, lang),
                })}
          </p>
          <div
            className="episode-meter"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={state.quietDays}
            aria-valuenow={Math.min(state.daysWithoutNewOnset, state.quietDays)}
            aria-label={t("countdown.heading")}
          >
            <span
              style={{
                width: `${(100 * Math.min(state.daysWithoutNewOnset, state.quietDays)) / state.quietDays}%`,
              }}
            />
          </div>
        </>
      )}
      <p className="muted small">
        {state.lastOnset
          ? t("countdown.lastOnset", {
              date: shortDay(state.lastOnset, lang),
              days: state.daysWithoutNewOnset,
            })
          : t("countdown.noOnset")}
      </p>
      <p className="muted small">{t("countdown.rule", { quiet: state.quietDays })}</p>
    </section>
  );
}

import { outbreakMeasuresFor } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { EpisodeDetail } from "../../api/episodes.ts";
import type { Lang } from "../../lib/labels.ts";

/** The episode's timeline: opened, measures, cases linked, closed and reopened, by day. */
export function EpisodeTimeline({
  detail,
  lang,
  personName,
}: {
  detail: EpisodeDetail;
  lang: Lang;
  personName: (id: string) => string;
}) {
  const { t } = useTranslation("episodes");
  const titleOf = (ref: string | null) =>
    ref ? (outbreakMeasuresFor(detail.episode.subject).find((m) => m.id === ref)?.title[lang] ?? "") : "";
  return (
    <section className="card" data-testid="episode-timeline">
      <h2>{t("timeline.heading")}</h2>
      <ol className="episode-timeline">
        {detail.timeline.map((entry) => (
          <li
            key={`${entry.kind}-${entry.at}-${entry.ref ?? ""}-${entry.text ?? ""}`}
            className={`timeline-${entry.kind}`}
          >
            <span className="timeline-day">{shortDay(entry.day, lang)}</span>
            <span className="timeline-what">
              {t(`timeline.${entry.kind}`)}
              {entry.kind === "measure" && `：${entry.text ?? titleOf(entry.ref)}`}
              {entry.kind === "case" && entry.ref && `：${personName(entry.ref)}`}
              {entry.kind !== "measure" && entry.kind !== "case" && entry.text && `：${entry.text}`}
            </span>
            <span className="timeline-who muted">{entry.by}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

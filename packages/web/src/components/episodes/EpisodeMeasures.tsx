import { type OutbreakMeasure, outbreakMeasuresFor } from "@mamori/domain/surveillance";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { EpisodeDetail, EpisodeMeasure } from "../../api/episodes.ts";
import type { Lang } from "../../lib/labels.ts";

/** The manual's measures for the episode's group as a checklist, with who did them and when, and other measures. */
export function EpisodeMeasures(props: {
  detail: EpisodeDetail;
  lang: Lang;
  mayRecord: boolean;
  onRecord: (measure: OutbreakMeasure | null) => void;
}) {
  const { t } = useTranslation("episodes");
  const { detail, lang } = props;
  const catalogue = outbreakMeasuresFor(detail.episode.subject);
  const byCatalogue = new Map<string, EpisodeMeasure[]>();
  for (const m of detail.measures)
    if (m.catalogueId) byCatalogue.set(m.catalogueId, [...(byCatalogue.get(m.catalogueId) ?? []), m]);
  const free = detail.measures.filter((m) => !m.catalogueId);
  const doneLine = (m: EpisodeMeasure) => (
    <li key={m.id} className="measure-done" data-testid="measure-done">
      ✓ {t("measures.done", { date: shortDay(m.doneDate, lang), who: m.doneBy ?? m.recordedBy })}
      {m.text && <span> — {m.text}</span>}
      {m.note && <span className="muted"> — {m.note}</span>}
    </li>
  );
  return (
    <section className="card" data-testid="episode-measures">
      <h2>{t("measures.heading")}</h2>
      <p className="muted small">{t("measures.lead")}</p>
      {!props.mayRecord && detail.episode.state.status === "open" && (
        <p className="muted small">{t("measures.notAllowed")}</p>
      )}
      <ul className="measure-list">
        {catalogue.map((measure) => {
          const done = byCatalogue.get(measure.id) ?? [];
          return (
            <li
              key={measure.id}
              className={done.length > 0 ? "measure measure--done" : "measure"}
              data-testid={`measure-${measure.id}`}
            >
              <div className="measure-head">
                <span className="measure-check" aria-hidden="true">
                  {done.length > 0 ? "☑" : "☐"}
                </span>
                <span className="measure-title">{measure.title[lang]}</span>
                <span className="measure-page">{t("measures.page", { pages: measure.source.pages })}</span>
              </div>
              <details className="measure-words">
                <summary>{t("measures.manualWords")}</summary>
                <p>「{measure.words}」</p>
                <p className="muted small">{measure.source.section}</p>
              </details>
              {measure.tool === "disinfection-vomit" && (
                <p className="measure-tool">
                  <Link href="/disinfection?use=vomit" data-testid="measure-disinfection-link">
                    {t("measures.disinfection")} ›
                  </Link>
                </p>
              )}
              {done.length > 0 && <ul className="measure-done-list">{done.map(doneLine)}</ul>}
              {props.mayRecord && (
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="measure-record"
                  onClick={() => props.onRecord(measure)}
                >
                  {t("measures.record")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <h3>{t("measures.free")}</h3>
      {free.length > 0 && (
        <ul className="measure-done-list" data-testid="measures-free">
          {free.map(doneLine)}
        </ul>
      )}
      {props.mayRecord && (
        <button
          type="button"
          className="btn"
          data-testid="measure-free-add"
          onClick={() => props.onRecord(null)}
        >
          {t("measures.freeAdd")}
        </button>
      )}
    </section>
  );
}

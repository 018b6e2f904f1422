import { GROUP_TEXT, type OutbreakMeasure } from "@mamori/domain/surveillance";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { personLabel, shortDay } from "../../alerts/alert-labels.ts";
import { usePeopleById } from "../../alerts/use-alerts.ts";
import type { EpisodeCase, EpisodeDetail } from "../../api/episodes.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { episodeSubjectText } from "../../components/episodes/episode-labels.ts";
import { canCloseEpisodes, canRecordEpisodes } from "../../components/episodes/episode-roles.ts";
import { EpisodeReports } from "../../components/reports/EpisodeReports.tsx";
import { formatDay } from "../../lib/dates.ts";
import { asLang } from "../../lib/labels.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import "../../components/episodes/episodes.css";
import { EpisodeCases } from "../../components/episodes/EpisodeCases.tsx";
import { EpisodeClosing } from "../../components/episodes/EpisodeClosing.tsx";
import { EpisodeCountdown } from "../../components/episodes/EpisodeCountdown.tsx";
import { EpisodeMeasureForm } from "../../components/episodes/EpisodeMeasureForm.tsx";
import { EpisodeMeasures } from "../../components/episodes/EpisodeMeasures.tsx";
import { EpisodeResolveForm } from "../../components/episodes/EpisodeResolveForm.tsx";
import { EpisodeTimeline } from "../../components/episodes/EpisodeTimeline.tsx";

type Editing =
  | { kind: "measure"; measure: OutbreakMeasure | null }
  | { kind: "resolve"; held: EpisodeCase }
  | null;

/**
 * One outbreak episode (アウトブレイク対応): what it is about and how it started, the countdown to the end (manual p.56),
 * the ill people linked to it and those of the same group not yet linked, the manual's measures as a checklist with
 * who did them and when, other measures, the timeline, and the committee's closing (lead or director) or reopening.
 */
export function EpisodePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation("episodes");
  const { t: ta } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const api = useApi();
  const user = useUser();
  const { facility } = useFacility();
  const { people } = usePeopleById();
  const fetch = useMemo(
    () => (facility ? () => api.episodes.get(facility.id, id) : null),
    [api, facility, id],
  );
  const { data, error, reload } = useLoad(fetch);
  const [detail, setDetail] = useState<EpisodeDetail | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const shown = detail?.episode.id === id ? detail : data;

  if (error && !shown) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!facility || !shown) return <p className="muted">{t("loading")}</p>;

  const { episode, today } = shown;
  const open = episode.state.status === "open";
  const mayRecord = canRecordEpisodes(user) && open;
  const updated = (next: EpisodeDetail) => {
    setDetail(next);
    setEditing(null);
  };
  const personName = (personId: string) => personLabel(ta, people?.get(personId));
  const subjectText = episodeSubjectText(ta, episode.subject, lang);

  return (
    <div className="episode-page" data-testid="episode-page">
      <p className="no-print">
        <Link href="/">‹ {t("back")}</Link>
      </p>
      <header className="episode-head">
        <h1>
          {t("title")}：{subjectText}
        </h1>
        <span
          className={open ? "episode-status episode-status--open" : "episode-status episode-status--closed"}
          data-testid="episode-status"
        >
          {open ? t("statusOpen") : t("statusClosed")}
        </span>
      </header>
      <p className="muted">
        {t("opened", { date: formatDay(episode.openedDate, lang), who: episode.openedBy })}
        {" · "}
        {episode.alert
          ? t("fromAlert", {
              alert: ta(`category.${episode.alert.code as "NORO_CLUSTER_24H"}`),
              date: shortDay(episode.alert.day, lang),
            })
          : t("byHand")}
      </p>
      {episode.note && <p>{t("note", { note: episode.note })}</p>}

      <EpisodeCountdown detail={shown} lang={lang} />

      <EpisodeCases
        detail={shown}
        lang={lang}
        personName={personName}
        mayRecord={mayRecord}
        facilityId={facility.id}
        onUpdated={updated}
        onResolve={(held) => setEditing({ kind: "resolve", held })}
        groupName={"group" in episode.subject ? GROUP_TEXT[episode.subject.group].name[lang] : subjectText}
      />

      <EpisodeMeasures
        detail={shown}
        lang={lang}
        mayRecord={mayRecord}
        onRecord={(measure) => setEditing({ kind: "measure", measure })}
      />

      <EpisodeTimeline detail={shown} lang={lang} personName={personName} />

      <EpisodeReports episodeId={episode.id} />

      <EpisodeClosing
        detail={shown}
        lang={lang}
        facilityId={facility.id}
        mayClose={canCloseEpisodes(user)}
        onUpdated={updated}
      />

      {editing?.kind === "measure" && (
        <Dialog
          title={
            editing.measure
              ? t("measures.recordTitle", { title: editing.measure.title[lang] })
              : t("measures.freeTitle")
          }
          closeLabel={ta("records.cancel")}
          onClose={() => setEditing(null)}
          testId="measure-dialog"
        >
          <EpisodeMeasureForm
            measure={editing.measure}
            today={today}
            lang={lang}
            submit={(body) => api.episodes.addMeasure(facility.id, episode.id, body)}
            onSaved={updated}
          />
        </Dialog>
      )}
      {editing?.kind === "resolve" && editing.held.linkId && (
        <Dialog
          title={t("cases.resolvedTitle", { name: people?.get(editing.held.personId)?.name ?? "" })}
          closeLabel={ta("records.cancel")}
          onClose={() => setEditing(null)}
          testId="resolve-dialog"
        >
          <EpisodeResolveForm
            held={editing.held}
            today={today}
            lang={lang}
            submit={(resolvedDate) =>
              api.episodes.resolveCase(facility.id, episode.id, editing.held.linkId!, resolvedDate)
            }
            onSaved={updated}
          />
        </Dialog>
      )}
    </div>
  );
}

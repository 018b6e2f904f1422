import { EPISODE_ALERT_CODES } from "@mamori/contract/episodes";
import {
  FACILITY_RULE_GROUPS,
  type FacilityAlert,
  facilityGroupOfDisease,
} from "@mamori/domain/surveillance";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import type { NewEpisode } from "../../api/episodes.ts";
import { newId } from "../../lib/ids.ts";
import { asLang } from "../../lib/labels.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";
import { episodeErrors } from "./episode-labels.ts";
import { canRecordEpisodes } from "./episode-roles.ts";
import { useOpenEpisodes } from "./use-open-episodes.ts";

/** The alerts an outbreak episode may start from (facility-surveillance.md §4.3). */
const STARTING_CODES: ReadonlySet<string> = new Set(EPISODE_ALERT_CODES);
const isStartingCode = (code: string): code is (typeof EPISODE_ALERT_CODES)[number] =>
  STARTING_CODES.has(code);

/** The group an alert or episode runs under, for telling whether an episode of it is already open. */
function groupKey(subject: { group: string } | { disease: string }): string {
  if ("group" in subject) return subject.group;
  return facilityGroupOfDisease(subject.disease, FACILITY_RULE_GROUPS) ?? subject.disease;
}

/** The subject of an episode started from an alert: its group (GI, ILI, SKIN) or its disease; null for other groups. */
export function episodeSubjectOfAlert(alert: FacilityAlert): NewEpisode["subject"] | null {
  if (!STARTING_CODES.has(alert.code) && alert.code !== "OUTBREAK_END_ELIGIBLE") return null;
  const subject = alert.subject as { group: string } | { disease: string };
  if ("group" in subject)
    return (FACILITY_RULE_GROUPS as readonly string[]).includes(subject.group)
      ? { group: subject.group as "GI" | "ILI" | "SKIN" }
      : null;
  return { disease: subject.disease };
}

/**
 * On a facility alert card: 「この通知からアウトブレイク対応を開始」 opens an episode from the alert and goes to it; when
 * an episode of the same group is already open, a link to it instead (the only thing shown on an end-of-outbreak
 * card). Shown to those who may record episodes.
 */
export function StartEpisodeButton({ alert, facilityId }: { alert: FacilityAlert; facilityId: string }) {
  const user = useUser();
  const subject = episodeSubjectOfAlert(alert);
  if (!subject || !canRecordEpisodes(user)) return null;
  return (
    <StartEpisode
      alert={alert}
      facilityId={facilityId}
      subject={subject}
      linkOnly={!STARTING_CODES.has(alert.code)}
    />
  );
}

function StartEpisode({
  alert,
  facilityId,
  subject,
  linkOnly,
}: {
  alert: FacilityAlert;
  facilityId: string;
  subject: NewEpisode["subject"];
  /** The end of an outbreak: a link to its open episode, never a new one. */
  linkOnly: boolean;
}) {
  const { t, i18n } = useTranslation("episodes");
  const api = useApi();
  const [, navigate] = useLocation();
  const { episodes } = useOpenEpisodes(facilityId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One id per attempt on this card, so a resend after a lost answer opens no second episode.
  const [id] = useState(newId);

  const open = episodes?.find((episode) => groupKey(episode.subject) === groupKey(subject));
  if (open)
    return (
      <p className="episode-start">
        <Link href={`/episodes/${open.id}`} className="btn" data-testid="episode-open-existing">
          {t("start.openExisting")}
        </Link>
      </p>
    );

  if (linkOnly) return null;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const detail = await api.episodes.open(facilityId, {
        id,
        subject,
        ...(isStartingCode(alert.code) ? { alert: { code: alert.code, day: alert.day } } : {}),
      });
      navigate(`/episodes/${detail.episode.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const problem = episodeErrors(t, asLang(i18n.language), error);
  const message = problem.line ?? Object.values(problem.fields)[0] ?? null;
  return (
    <p className="episode-start no-print">
      <button
        type="button"
        className="btn btn-primary"
        data-testid="episode-start"
        disabled={busy || episodes === null}
        onClick={() => void start()}
      >
        {busy ? t("start.starting") : t("start.button")}
      </button>
      {message && (
        <span className="field-error" role="alert">
          {message}
        </span>
      )}
    </p>
  );
}

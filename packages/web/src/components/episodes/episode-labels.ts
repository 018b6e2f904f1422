import { GROUP_TEXT } from "@mamori/domain/surveillance";
import type { TFunction } from "i18next";
import { diseaseLabel, shortDay } from "../../alerts/alert-labels.ts";
import type { EpisodeSubject } from "../../api/episodes.ts";
import { ApiError } from "../../api/errors.ts";
import type { Lang } from "../../lib/labels.ts";

/** What an episode is about: the symptom group ("嘔吐・下痢") or the disease. */
export function episodeSubjectText(t: TFunction<"alerts">, subject: EpisodeSubject, lang: Lang): string {
  return "group" in subject ? GROUP_TEXT[subject.group].name[lang] : diseaseLabel(t, subject.disease, lang);
}

/**
 * A failed save in the user's words: per field (by path) where the server named one, else one line. The server's
 * messages are stable English (docs/api.md); each known one has its Japanese here.
 */
export function episodeErrors(
  t: TFunction<"episodes">,
  lang: Lang,
  error: unknown,
): { fields: Record<string, string>; line: string | null } {
  if (!(error instanceof ApiError))
    return { fields: {}, line: error ? t("errors.other", { message: String(error) }) : null };
  const fields: Record<string, string> = {};
  for (const field of error.fields) {
    const m = field.message;
    const firstOnset = /first onset \((\d{4}-\d{2}-\d{2})\)/.exec(m);
    const eligibleFrom = /eligible from (\d{4}-\d{2}-\d{2})/.exec(m);
    fields[field.path] = /must not be in the future/.test(m)
      ? t("errors.future")
      : firstOnset
        ? t("errors.beforeFirstOnset", { date: shortDay(firstOnset[1]!, lang) })
        : /before the onset/.test(m)
          ? t("errors.beforeOnset")
          : /before the episode opened/.test(m)
            ? t("errors.beforeOpened")
            : eligibleFrom
              ? t("errors.overrideNeeded", { date: shortDay(eligibleFrom[1]!, lang) })
              : /still ill/.test(m)
                ? t("errors.stillIll")
                : /already open/.test(m)
                  ? t("errors.alreadyOpen")
                  : field.path === "episode"
                    ? t("errors.closed")
                    : /Too small|expected string/.test(m)
                      ? t("errors.required")
                      : t("errors.other", { message: m });
  }
  const line = error.fields.length === 0 ? t("errors.other", { message: error.message }) : null;
  return { fields, line };
}

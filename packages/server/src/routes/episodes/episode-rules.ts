import {
  type EpisodeInput,
  episodeRuleSubject,
  type FacilitySubject,
  type RuleProfile,
  type SyndromeGroup,
} from "@mamori/domain/surveillance";
import type { outbreakEpisodes } from "../../db/schema/index.ts";

type EpisodeRow = typeof outbreakEpisodes.$inferSelect;

/** The stored subject of an episode: its group, or its disease. */
export function subjectOfEpisode(row: Pick<EpisodeRow, "subjectGroup" | "subjectDisease">): FacilitySubject {
  return row.subjectGroup !== null
    ? { group: row.subjectGroup as SyndromeGroup }
    : { disease: row.subjectDisease ?? "" };
}

/**
 * The stored episodes as the rules engine reads them (facility-surveillance.md §4.3): each opens on its opening day (a
 * declaration) and ends on the committee's decision date, as of `asOfDay` — an episode opened later is left out and one
 * closed later is still open, so a past day is evaluated as it was.
 */
export function episodeRuleInputs(
  rows: readonly EpisodeRow[],
  profile: RuleProfile,
  asOfDay: string,
): EpisodeInput[] {
  return rows
    .filter((row) => row.openedDate <= asOfDay)
    .map((row) => ({
      subject: episodeRuleSubject(subjectOfEpisode(row), profile),
      openedDate: row.openedDate,
      closedDate: row.closedDate !== null && row.closedDate <= asOfDay ? row.closedDate : null,
    }));
}

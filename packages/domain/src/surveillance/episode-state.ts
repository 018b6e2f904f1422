import { facilityGroupOfDisease } from "./diseases.ts";
import type { FacilitySubject } from "./inputs.ts";
import { addIsoDays, dayNumberOf } from "./local-day.ts";
import { quietDaysFor, type RuleProfile } from "./profile-schema.ts";

/**
 * The state of a recorded outbreak episode on a day, as the episode page and the closing rule read it
 * (facility-surveillance.md §4.3; manual p.56: 「施設全体としては新しい患者が1週間出なければ、終息とみなしてもかまいません。
 * 感染対策委員会で最終的な判断をします」).
 *
 * The countdown runs from the last new onset L of the group: the end is eligible on day d when d − L ≥ quietDays (the
 * quiet period of the group in the rule profile), as `OUTBREAK_END_ELIGIBLE` of the rules engine counts it. Any new
 * onset of the group counts — linked to the episode or not yet — because the manual speaks of the facility as a whole.
 * **Decision**: an episode opened by hand before any onset counts from the day it opened.
 */
export type EpisodeCaseState = {
  /** Onset day, `YYYY-MM-DD`. */
  onsetDate: string;
  /** The first day on which the case no longer counts as ill; null while it goes on. */
  resolvedDate: string | null;
};

export type EpisodeStateInput = {
  openedDate: string;
  /** The committee's decision date when the episode is closed. */
  closedDate?: string | null;
  /** The cases linked to the episode. */
  cases: readonly EpisodeCaseState[];
  /** Onset days of the group's cases not linked to the episode (new onsets still count). */
  otherOnsetDates?: readonly string[];
  /** Days without a new onset needed (profile `outbreakEnd`, per group). */
  quietDays: number;
  /** The day the state is asked for, in the facility's zone. */
  today: string;
};

export type EpisodeStateView = {
  status: "open" | "closed";
  caseCount: number;
  /** Linked cases still ill on `today`. */
  openCaseCount: number;
  firstOnset: string | null;
  /** The latest onset on or before `today` among linked and other cases. */
  lastOnset: string | null;
  /** The day the countdown runs from: `lastOnset`, or the opening day before any onset. */
  countFrom: string;
  daysWithoutNewOnset: number;
  quietDays: number;
  /** Days still to wait; 0 once eligible. */
  daysUntilEligible: number;
  /** The first day on which the end is eligible if no new onset comes. */
  eligibleOn: string;
  eligible: boolean;
};

/**
 * Computes an episode's cases, the days since its last new onset and the countdown to end-eligibility.
 *
 * @example
 * episodeState({ openedDate: "2026-01-10", cases: [{ onsetDate: "2026-01-10", resolvedDate: "2026-01-12" }],
 *   quietDays: 7, today: "2026-01-16" })
 * // { status: "open", daysWithoutNewOnset: 6, daysUntilEligible: 1, eligibleOn: "2026-01-17", eligible: false, … }
 */
export function episodeState(input: EpisodeStateInput): EpisodeStateView {
  if (!Number.isInteger(input.quietDays) || input.quietDays < 1)
    throw new RangeError("quietDays: expected a whole number of at least 1");
  const today = dayNumberOf(input.today);
  const linkedOnsets = input.cases.map((held) => held.onsetDate).sort();
  const allOnsets = [...linkedOnsets, ...(input.otherOnsetDates ?? [])]
    .filter((day) => dayNumberOf(day) <= today)
    .sort();
  const lastOnset = allOnsets.at(-1) ?? null;
  const countFrom = lastOnset ?? input.openedDate;
  const daysWithoutNewOnset = Math.max(0, today - dayNumberOf(countFrom));
  const openCaseCount = input.cases.filter(
    (held) =>
      dayNumberOf(held.onsetDate) <= today &&
      (held.resolvedDate === null || dayNumberOf(held.resolvedDate) > today),
  ).length;
  return {
    status: input.closedDate ? "closed" : "open",
    caseCount: input.cases.length,
    openCaseCount,
    firstOnset: linkedOnsets[0] ?? null,
    lastOnset,
    countFrom,
    daysWithoutNewOnset,
    quietDays: input.quietDays,
    daysUntilEligible: Math.max(0, input.quietDays - daysWithoutNewOnset),
    eligibleOn: addIsoDays(countFrom, input.quietDays),
    eligible: daysWithoutNewOnset >= input.quietDays,
  };
}

/**
 * The first day an infected staff member may return under the school rule the manual cites as a reference for the
 * facility's own rule (manual p.52: 学校保健安全法 「発症した後 5 日を経過し、かつ、解熱した後 2 日を経過するまで」): both
 * periods must have passed, counting the day of onset and the day the fever resolved as day 0 (the reading of the
 * Ministry of Education's guidance on the rule). Null while the fever has not resolved.
 *
 * @example influenzaSchoolRuleReturnDate("2026-01-10", "2026-01-12") // "2026-01-16" (onset + 6 days)
 * @example influenzaSchoolRuleReturnDate("2026-01-10", "2026-01-15") // "2026-01-18" (fever resolved + 3 days)
 */
export function influenzaSchoolRuleReturnDate(
  onsetDate: string,
  feverResolvedDate: string | null,
): string | null {
  if (feverResolvedDate === null) return null;
  if (feverResolvedDate < onsetDate) throw new RangeError("feverResolvedDate: must not be before the onset");
  const afterOnset = addIsoDays(onsetDate, 5 + 1);
  const afterFever = addIsoDays(feverResolvedDate, 2 + 1);
  return afterOnset > afterFever ? afterOnset : afterFever;
}

/**
 * The subject the facility rules run an episode under: a disease of one of the profile's facility groups runs under its
 * group (an influenza episode is the ILI outbreak), other diseases under their own name.
 *
 * @example episodeRuleSubject({ disease: "norovirus" }, profile) // { group: "GI" }
 * @example episodeRuleSubject({ disease: "tuberculosis" }, profile) // { disease: "tuberculosis" }
 */
export function episodeRuleSubject(subject: FacilitySubject, profile: RuleProfile): FacilitySubject {
  if ("group" in subject) return subject;
  const group = facilityGroupOfDisease(subject.disease, profile.facilityGroups);
  return group ? { group } : subject;
}

/**
 * The quiet period of an episode's subject, read from the rule profile (`outbreakEnd.quietDaysByGroup`, else
 * `outbreakEnd.quietDays`; manual p.56: one week for norovirus).
 *
 * @example episodeQuietDays({ disease: "norovirus" }, DEFAULT_PROFILE) // 7
 */
export function episodeQuietDays(subject: FacilitySubject, profile: RuleProfile): number {
  const ruleSubject = episodeRuleSubject(subject, profile);
  return quietDaysFor(profile, "group" in ruleSubject ? ruleSubject.group : ruleSubject.disease);
}

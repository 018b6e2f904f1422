import type { FacilityCase } from "./cases.ts";
import { dayNumberOf } from "./local-day.ts";
import { type Onset, personOnsets } from "./onsets.ts";
import type { ObservationIndex } from "./person-days.ts";
import type { SyndromeGroup } from "./syndrome-groups.ts";

/** The subject under which the store keeps the new onsets of the norovirus-type cluster's symptoms (profile.noroCluster). */
export const CLUSTER_ONSET_SUBJECT = "cluster";

/**
 * New onsets kept by the store for a run of past days, given instead of the observations of those days.
 *
 * A new onset on day d depends only on the records of d and of the gap days before it, so the onsets of days that can no
 * longer change can be kept as observations arrive and read back as they are; the rules then need the rounds only of
 * the days around the kept run: the observations given must cover the gap days before `fromDay` (when the evaluation
 * reaches back that far) and every day from `toDay + 1 − gapDays` on. Onsets derived from observations on days in
 * [`fromDay`, `toDay`] are ignored; the kept ones stand for them.
 */
export type KeptOnsetHistory = {
  /** First day (YYYY-MM-DD, local) whose onsets are kept ones. */
  fromDay: string;
  /** Last day (YYYY-MM-DD, local) whose onsets are kept ones. */
  toDay: string;
  /**
   * The first local day with any observation in the evaluation's window (the observations given leave out the kept
   * days, so their first day may be later); null when there is none.
   */
  firstObservedDay: string | null;
  /** The kept onsets of those days: per person, the syndrome group (or `cluster`), the day and the instant. */
  onsets: readonly {
    personId: string;
    subject: SyndromeGroup | typeof CLUSTER_ONSET_SUBJECT;
    day: string;
    atMs: number;
  }[];
};

/** A kept history with its days as day numbers, onsets grouped by subject and person. */
export type HeldHistory = {
  fromDay: number;
  toDay: number;
  firstObservedDay: number | undefined;
  bySubject: Map<string, Map<string, Onset[]>>;
};

/**
 * Reads a kept history: days to day numbers, onsets per subject and person.
 *
 * @throws RangeError naming the field when a day is not an ISO date or the run is empty
 */
export function holdHistory(history: KeptOnsetHistory): HeldHistory {
  const day = (text: string, field: string) => {
    try {
      return dayNumberOf(text);
    } catch {
      throw new RangeError(`history.${field}: not an ISO date (YYYY-MM-DD)`);
    }
  };
  const fromDay = day(history.fromDay, "fromDay");
  const toDay = day(history.toDay, "toDay");
  if (toDay < fromDay) throw new RangeError("history.toDay: before history.fromDay");
  const bySubject = new Map<string, Map<string, Onset[]>>();
  history.onsets.forEach((onset, i) => {
    const onsetDay = day(onset.day, `onsets[${i}].day`);
    if (onsetDay < fromDay || onsetDay > toDay) return;
    let byPerson = bySubject.get(onset.subject);
    if (!byPerson) {
      byPerson = new Map();
      bySubject.set(onset.subject, byPerson);
    }
    const list = byPerson.get(onset.personId);
    const held = { personId: onset.personId, day: onsetDay, atMs: onset.atMs, dayPosition: -1 };
    if (list) list.push(held);
    else byPerson.set(onset.personId, [held]);
  });
  return {
    fromDay,
    toDay,
    firstObservedDay:
      history.firstObservedDay === null ? undefined : day(history.firstObservedDay, "firstObservedDay"),
    bySubject,
  };
}

/**
 * The new onsets of one subject per person: those the observations show outside the kept run, and the kept ones inside
 * it, each person's in day order. People appear in id order.
 */
export function onsetsWithHistory(
  index: ObservationIndex,
  compiled: readonly number[],
  gapDays: number,
  history: HeldHistory,
  subject: string,
): Map<string, Onset[]> {
  const kept = history.bySubject.get(subject) ?? new Map<string, Onset[]>();
  const persons = new Set<string>([...index.timelines.map((timeline) => timeline.personId), ...kept.keys()]);
  const result = new Map<string, Onset[]>();
  for (const personId of [...persons].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const timeline = index.byPersonId.get(personId);
    const observed = timeline
      ? personOnsets(timeline, compiled, gapDays).filter(
          (onset) => onset.day < history.fromDay || onset.day > history.toDay,
        )
      : [];
    const all = [...observed, ...(kept.get(personId) ?? [])].sort((a, b) => a.day - b.day);
    if (all.length > 0) result.set(personId, all);
  }
  return result;
}

/**
 * Implicit cases of one group from a person's new onsets: one per onset, resolved on the day of the next (as
 * `implicitCasesOfPerson` counts when symptom-free days close nothing).
 */
export function implicitCasesFromOnsets(group: SyndromeGroup, onsets: readonly Onset[]): FacilityCase[] {
  return onsets.map((onset, i) => ({
    personId: onset.personId,
    source: "implicit",
    disease: undefined,
    status: undefined,
    groups: [group],
    onsetDay: onset.day,
    onsetMs: onset.atMs,
    resolvedDay: onsets[i + 1]?.day ?? null,
    outcomes: [],
  }));
}

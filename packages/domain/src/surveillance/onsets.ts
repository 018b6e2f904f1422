import type { ObservationIndex, PersonTimeline } from "./person-days.ts";
import { compileCondition, type SymptomCondition, satisfiesCondition } from "./symptom-mask.ts";

/**
 * New onsets (新たな発症, manual 付録4② p.84).
 *
 * Person p has a new onset of a symptom or group S on day d when S is present on d and absent on each of the
 * `gapDays` days before (facility-surveillance.md §3: **decision**, default 3; a day without any record counts as absent).
 * The onset time is that of the first observation on d at which the day's record shows S (for a two-part group such as
 * ILI, the observation that completes it).
 */
export const DEFAULT_ONSET_GAP_DAYS = 3;

export type Onset = {
  readonly personId: string;
  /** Local day number of the onset. */
  readonly day: number;
  /** Epoch milliseconds of the first observation showing the condition that day. */
  readonly atMs: number;
  /** Position of that day in the person's timeline. */
  readonly dayPosition: number;
};

/**
 * New onsets of one condition in one person's timeline, in time order.
 *
 * @param timeline the person's observations by day
 * @param condition a symptom condition (a group's, see `SYNDROME_GROUP_CONDITIONS`, or `[["vomiting"]]` for a symptom)
 * @param gapDays days of absence needed before a new onset (default 3)
 * @example personOnsets(timeline, [["vomiting", "watery_stool", "diarrhea"]]) // GI onsets of this person
 */
export function personOnsets(
  timeline: PersonTimeline,
  condition: SymptomCondition | readonly number[],
  gapDays: number = DEFAULT_ONSET_GAP_DAYS,
): Onset[] {
  const compiled = compiledOf(condition);
  const onsets: Onset[] = [];
  const { days, dayMask } = timeline;
  let lastPresent = Number.NEGATIVE_INFINITY;
  for (let position = 0; position < days.length; position++) {
    if (!satisfiesCondition(dayMask[position]!, compiled)) continue;
    const day = days[position]!;
    if (day - lastPresent > gapDays) {
      onsets.push({
        personId: timeline.personId,
        day,
        atMs: onsetTime(timeline, position, compiled),
        dayPosition: position,
      });
    }
    lastPresent = day;
  }
  return onsets;
}

/**
 * Time of the first observation of a day at which the day's record (accumulated in time order) meets the condition.
 *
 * @returns epoch milliseconds; the day's last observation time if the condition is met only by the whole day
 */
export function onsetTime(timeline: PersonTimeline, position: number, compiled: readonly number[]): number {
  const start = timeline.dayObsStart[position]!;
  const end = timeline.dayObsStart[position + 1] ?? timeline.obsMs.length;
  let accumulated = 0;
  for (let i = start; i < end; i++) {
    accumulated |= timeline.obsMask[i]!;
    if (satisfiesCondition(accumulated, compiled)) return timeline.obsMs[i]!;
  }
  return timeline.obsMs[end - 1]!;
}

/**
 * New onsets of one condition across the facility, ordered by time, then person id.
 *
 * @example findNewOnsets(index, SYNDROME_GROUP_CONDITIONS.GI).length // number of GI onsets in the index
 */
export function findNewOnsets(
  index: ObservationIndex,
  condition: SymptomCondition | readonly number[],
  gapDays: number = DEFAULT_ONSET_GAP_DAYS,
): Onset[] {
  const compiled = compiledOf(condition);
  const all: Onset[] = [];
  for (const timeline of index.timelines) {
    for (const onset of personOnsets(timeline, compiled, gapDays)) all.push(onset);
  }
  return all.sort(
    (a, b) => a.atMs - b.atMs || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
}

/**
 * Number of new onsets on each day from `fromDay` to `toDay` (inclusive): the rows of the weekly trend sheet
 * (manual 付録4② p.84, 新たな発症者数).
 *
 * @returns counts, index 0 for `fromDay`
 * @example countOnsetsByDay(onsets, day - 6, day) // seven counts, the last for `day`
 */
export function countOnsetsByDay(
  onsets: readonly { day: number }[],
  fromDay: number,
  toDay: number,
): number[] {
  const counts = new Array<number>(Math.max(0, toDay - fromDay + 1)).fill(0);
  for (const onset of onsets) {
    const offset = onset.day - fromDay;
    if (offset >= 0 && offset < counts.length) counts[offset]! += 1;
  }
  return counts;
}

function compiledOf(condition: SymptomCondition | readonly number[]): readonly number[] {
  return typeof condition[0] === "number"
    ? (condition as readonly number[])
    : compileCondition(condition as SymptomCondition);
}

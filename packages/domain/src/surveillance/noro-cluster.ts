import { compareText } from "./person-days.ts";

/**
 * The norovirus-type cluster (manual p.54): "24 時間のうちに、水様便や嘔吐症状の発症者が 2 人以上になった場合" — two or
 * more distinct persons whose new onset of watery stool or vomiting falls within any 24-hour span, by onset time
 * (facility-surveillance.md §4.2). The alert belongs to the day of the later onset (contracts/evaluate.md).
 *
 * **Decision**: "within 24 hours" includes exactly 24 hours (onset times t₁ ≤ t₂ with t₂ − t₁ ≤ 24 h). The onsets are
 * those of the symptom set as a whole: a person's new onset of "vomiting or watery stool" (3-day gap), so one person
 * never counts twice.
 */
export type TimedOnset = { readonly personId: string; readonly day: number; readonly atMs: number };

export type TimeCluster = {
  /** Local day number of the later onsets. */
  day: number;
  /** Distinct persons of every qualifying span whose latest onset falls on the day, sorted. */
  personIds: string[];
  /** Their onsets, in time order. */
  onsets: TimedOnset[];
};

/**
 * Days on which `minPersons` distinct persons have onsets within `windowMs` of each other, the later one on that day.
 *
 * @param onsets new onsets ordered by time
 * @param windowMs the span, in milliseconds (24 h = 86,400,000)
 * @param minPersons distinct persons needed (2)
 * @example findTimeClusters(onsets, 24 * 3_600_000, 2) // [{ day, personIds: ["r01", "r07"], onsets: […] }]
 */
export function findTimeClusters(
  onsets: readonly TimedOnset[],
  windowMs: number,
  minPersons: number,
): TimeCluster[] {
  const byDay = new Map<number, Map<TimedOnset, true>>();
  let low = 0;
  let high = 0;
  for (let j = 0; j < onsets.length; j++) {
    const current = onsets[j]!;
    while (onsets[low]!.atMs < current.atMs - windowMs) low += 1;
    if (high < j) high = j;
    while (high + 1 < onsets.length && onsets[high + 1]!.atMs <= current.atMs) high += 1;
    const persons = new Set<string>();
    for (let i = low; i <= high; i++) persons.add(onsets[i]!.personId);
    if (persons.size < minPersons) continue;
    let members = byDay.get(current.day);
    if (!members) {
      members = new Map();
      byDay.set(current.day, members);
    }
    for (let i = low; i <= high; i++) members.set(onsets[i]!, true);
  }
  return [...byDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, members]) => {
      const list = [...members.keys()].sort((a, b) => a.atMs - b.atMs || compareText(a.personId, b.personId));
      return {
        day,
        personIds: [...new Set(list.map((onset) => onset.personId))].sort(compareText),
        onsets: list,
      };
    });
}

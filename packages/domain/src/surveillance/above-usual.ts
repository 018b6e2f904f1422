import { earsC } from "@mamori/domain/detection";
import type { FacilityAlert } from "./alerts.ts";
import { type CaseRegistry, casesOfSameInfection } from "./cases.ts";
import { isoDayOf } from "./local-day.ts";
import { compareText } from "./person-days.ts";
import type { RuleProfile } from "./profile-schema.ts";
import { RULE_SOURCES } from "./rule-sources.ts";

/**
 * Above the usual trend (通常の発生動向を上回る, criterion ウ of the 2005 notice, manual p.48; the manual's advice to compare
 * "日常的な発生状況" with "現時点での発生状況", p.33). facility-surveillance.md §4.4: daily new-onset counts per group are
 * compared with the facility's own history by EARS (default C2, alpha 0.001, minSigma 0.5; detection.md), needing at
 * least 28 days of history and at least 2 onsets on the day. The statistic is `earsC` of `@mamori/domain/detection`,
 * which agrees with R surveillance 1.20.3.
 *
 * **Decisions**: the history starts on the facility's first observed day (days before it are unknown, not zero); "28
 * days of history" means d − first day ≥ 28; a day's count is the number of distinct persons whose case of the group
 * (implicit or recorded, after replacement) has its onset that day. The director decides whether to report (§4.1 C).
 */
export type AboveUsualInput = {
  registry: CaseRegistry;
  profile: RuleProfile;
  /** Day number of the first observation of the facility; undefined when there is none. */
  firstDay: number | undefined;
  firstLookbackDay: number;
  asOfDay: number;
};

/**
 * Daily new-onset counts of one group from `fromDay` to `toDay` (distinct persons per day).
 *
 * @example dailyOnsetCounts(registry, "GI", day - 27, day) // 28 counts, the last for `day`
 */
export function dailyOnsetCounts(
  registry: CaseRegistry,
  group: RuleProfile["aboveUsual"]["groups"][number],
  fromDay: number,
  toDay: number,
): { counts: number[]; personIds: string[][] } {
  const persons: Set<string>[] = Array.from({ length: Math.max(0, toDay - fromDay + 1) }, () => new Set());
  for (const held of casesOfSameInfection(registry, { group })) {
    const offset = held.onsetDay - fromDay;
    if (offset >= 0 && offset < persons.length) persons[offset]!.add(held.personId);
  }
  return {
    counts: persons.map((set) => set.size),
    personIds: persons.map((set) => [...set].sort(compareText)),
  };
}

/**
 * `ABOVE_USUAL` alerts for the lookback days, per group of the profile's `aboveUsual.groups`.
 *
 * @example aboveUsualAlerts({ registry, profile, firstDay, firstLookbackDay, asOfDay }).map((a) => a.subject) // [{ group: "GI" }]
 */
export function aboveUsualAlerts(input: AboveUsualInput): FacilityAlert[] {
  const { registry, profile, firstDay, firstLookbackDay, asOfDay } = input;
  const settings = profile.aboveUsual;
  if (firstDay === undefined || settings.groups.length === 0) return [];
  const firstTestable = Math.max(firstLookbackDay, firstDay + settings.minHistoryDays);
  if (firstTestable > asOfDay) return [];
  const alerts: FacilityAlert[] = [];
  for (const group of settings.groups) {
    const { counts, personIds } = dailyOnsetCounts(registry, group, firstDay, asOfDay);
    const days: number[] = [];
    for (let day = firstTestable; day <= asOfDay; day++) {
      if (counts[day - firstDay]! >= settings.minOnsets) days.push(day);
    }
    if (days.length === 0) continue;
    const result = earsC(counts, {
      method: settings.method,
      alpha: settings.alpha,
      minSigma: settings.minSigma,
      range: days.map((day) => day - firstDay + 1),
    });
    result.range.forEach((index, i) => {
      const upperbound = result.upperbound[i];
      if (!result.alarm[i] || upperbound == null) return;
      const day = firstDay + index - 1;
      alerts.push({
        code: "ABOVE_USUAL",
        subject: { group },
        day: isoDayOf(day),
        profile: profile.id,
        evidence: {
          source: RULE_SOURCES.ABOVE_USUAL,
          count: counts[index - 1]!,
          upperbound,
          method: settings.method,
          alpha: settings.alpha,
          minSigma: settings.minSigma,
          historyDays: day - firstDay,
          minHistoryDays: settings.minHistoryDays,
          minOnsets: settings.minOnsets,
          personIds: personIds[index - 1]!,
        },
      });
    });
  }
  return alerts;
}

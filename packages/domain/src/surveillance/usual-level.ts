import { earsC, earsHistoryDays } from "@mamori/domain/detection";
import type { RuleProfile } from "./profile-schema.ts";

/** The EARS settings of a rule profile's "above the usual trend" (facility-surveillance.md §4.4). */
export type UsualLevelSettings = Pick<
  RuleProfile["aboveUsual"],
  "method" | "alpha" | "minSigma" | "minHistoryDays" | "minOnsets"
>;

export type UsualLevel = {
  /** The usual upper bound per day of the series (counts); null where the day cannot be tested. */
  upperbound: (number | null)[];
  /** Whether the day is above the usual level: count > upper bound and count ≥ minOnsets. */
  above: boolean[];
};

/** EARS's default baseline (7 days), as `earsC` and the facility's alert use it. */
const BASELINE_DAYS = 7;

/**
 * The usual level of a daily new-onset series, day by day — the same test as the facility's `ABOVE_USUAL` alert
 * (facility-surveillance.md §4.4; criterion ウ of the 2005 notice, manual p.48 「通常の発生動向を上回る」), applied to
 * any series of daily counts: a facility's shared counts, or the sum of a region's facilities for the health
 * centre's region view. A day is tested when it has at least `minHistoryDays` days of history since `firstDay`
 * (earlier days are unknown, not zero) and the method's baseline lies within the series; it is above the usual
 * level when EARS (`earsC`, agreeing with R surveillance 1.20.3) raises an alarm and the count is at least
 * `minOnsets`.
 *
 * @param counts daily new onsets (persons), oldest first; `counts[i]` is the day `fromDay + i`
 * @param fromDay the day number of `counts[0]`
 * @param firstDay the day number of the first observed day of the series' facility (or of the region's earliest); undefined when nothing was ever observed
 * @param testFromDay the first day number to test (earlier days only serve as baseline)
 * @example usualLevel([0,0,0,0,0,0,0,0,0,0,3], { fromDay: 100, firstDay: 60, testFromDay: 110, settings: DEFAULT_ABOVE_USUAL_SETTINGS })
 * // { upperbound: [null ×10, 1.545116153083907], above: [false ×10, true] }
 */
export function usualLevel(
  counts: readonly number[],
  options: {
    fromDay: number;
    firstDay: number | undefined;
    testFromDay: number;
    settings: UsualLevelSettings;
  },
): UsualLevel {
  const { fromDay, firstDay, testFromDay, settings } = options;
  const upperbound: (number | null)[] = counts.map(() => null);
  const above: boolean[] = counts.map(() => false);
  if (firstDay === undefined) return { upperbound, above };
  const history = earsHistoryDays(settings.method, BASELINE_DAYS);
  const range: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    const day = fromDay + i;
    if (day < testFromDay || i < history || day - firstDay < settings.minHistoryDays) continue;
    range.push(i + 1);
  }
  if (range.length === 0) return { upperbound, above };
  const result = earsC(counts, {
    method: settings.method,
    alpha: settings.alpha,
    minSigma: settings.minSigma,
    range,
  });
  result.range.forEach((index, k) => {
    upperbound[index - 1] = result.upperbound[k] ?? null;
    above[index - 1] = result.alarm[k]! && counts[index - 1]! >= settings.minOnsets;
  });
  return { upperbound, above };
}

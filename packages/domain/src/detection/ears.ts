import { DetectionInputError } from "./errors.ts";
import { qnorm } from "./qnorm.ts";
import {
  assertCounts,
  assertFinite,
  assertInteger,
  assertKnownKeys,
  assertProbability,
  assertRange,
} from "./validate.ts";

export type EarsMethod = "C1" | "C2" | "C3";

export interface EarsControl {
  method: EarsMethod;
  /** Significance level; R's default is 0.001 for C1 and C2 and 0.025 for C3. */
  alpha?: number;
  /** Days in the baseline window (default 7, at least 3). */
  baseline?: number;
  /** Floor for the baseline standard deviation (default 0), in counts. */
  minSigma?: number;
  /** 1-based indices of the days to evaluate. */
  range: readonly number[];
}

export interface EarsResult {
  /** The evaluated 1-based indices, sorted ascending as R sorts them. */
  range: number[];
  /** Upper bound per evaluated day, in counts; null where R gives NaN (C3 on a perfectly flat series). */
  upperbound: (number | null)[];
  alarm: boolean[];
}

const EARS_KEYS = ["method", "alpha", "baseline", "minSigma", "range"] as const;

/**
 * How many days before t an EARS method needs: the baseline, plus C2's 2-day guard band, plus C3's two lagged C2
 * statistics (surveillance 1.20.3, `earsC`: maxLag). Days.
 * @example earsHistoryDays("C3", 7) // 11
 */
export function earsHistoryDays(method: EarsMethod, baseline: number): number {
  return method === "C1" ? baseline : method === "C2" ? baseline + 2 : baseline + 4;
}

/**
 * R's default range for `earsC` when none is given: every day from the first with a full history to the last.
 * @example earsDefaultRange("C2", 7, 30) // [10, 11, …, 30]
 */
export function earsDefaultRange(method: EarsMethod, baseline: number, length: number): number[] {
  const out: number[] = [];
  for (let t = earsHistoryDays(method, baseline) + 1; t <= length; t++) out.push(t);
  return out;
}

/**
 * EARS C1, C2 and C3 aberration detection (CDC Early Aberration Reporting System), exactly as
 * `surveillance::earsC` 1.20.3 computes them.
 *
 * - C1: baseline = the `baseline` days before t; upper bound = mean + z·max(sd, minSigma), z = qnorm(1 − alpha).
 * - C2: the same with the baseline ending 3 days before t (a 2-day guard band).
 * - C3: from the C2 statistics C2(s) = (y_s − mean_s)/max(sd_s, minSigma) of t−2 and t−1, upper bound =
 *   max(0, y_t + max(sd_t, minSigma)·(z − Σ max(0, C2(s) − 1))); the alarm rule is y_t > upper bound, as for C1/C2.
 *
 * Sources: Hutwagner L. et al. (2003) "The bioterrorism preparedness and response Early Aberration Reporting System
 * (EARS)", J Urban Health 80:i89–i96; Fricker R. D. et al. (2008) Stat Med 27:3407–3429; R package surveillance
 * 1.20.3, `earsC`. Counts in, counts out (sd with the n − 1 denominator, as R's `sd`).
 *
 * R's conventions kept: `range` is sorted; C3's default alpha is 0.025 (C1/C2: 0.001); where C3 meets a flat
 * baseline with minSigma 0, R computes 0·∞ = NaN — we return a null upper bound and no alarm (R's NA).
 *
 * @example earsC([2, 3, 2, 4, 3, 2, 3, 9], { method: "C1", range: [8] })
 * // { range: [8], upperbound: [5.050281764439327], alarm: [true] }
 * @throws DetectionInputError for negative or non-integer counts, unknown control keys or methods, or a range that
 *   needs more history than the series has.
 */
export function earsC(observed: readonly number[], control: EarsControl): EarsResult {
  if (control === null || typeof control !== "object")
    throw new DetectionInputError("control", "must be an object");
  assertKnownKeys(control, EARS_KEYS);
  assertCounts(observed);
  const method = control.method;
  if (method !== "C1" && method !== "C2" && method !== "C3") {
    throw new DetectionInputError("control.method", `must be "C1", "C2" or "C3" (got ${String(method)})`);
  }
  const baseline = assertInteger(control.baseline ?? 7, "control.baseline", 3);
  const minSigma = assertFinite(control.minSigma ?? 0, "control.minSigma", 0);
  const alpha = assertProbability(control.alpha ?? (method === "C3" ? 0.025 : 0.001), "control.alpha");
  const range = assertRange(control.range, observed.length).sort((a, b) => a - b);
  const history = earsHistoryDays(method, baseline);
  const first = range[0];
  if (first !== undefined && first - history < 1) {
    throw new DetectionInputError(
      "control.range",
      `EARS ${method} with a ${baseline}-day baseline needs ${history} days before each evaluated day; ` +
        `day ${first} has only ${first - 1}`,
    );
  }
  const z = qnorm(1 - alpha);
  const upperbound: (number | null)[] = new Array(range.length);
  const alarm: boolean[] = new Array(range.length);
  for (let i = 0; i < range.length; i++) {
    const t = range[i]!;
    const y = observed[t - 1]!;
    let upper: number;
    if (method === "C3") {
      const sigma = Math.max(baselineSd(observed, t - 2 - baseline, t - 3), minSigma);
      const lag2 = Math.max(0, c2Statistic(observed, t - 2, baseline, minSigma) - 1);
      const lag1 = Math.max(0, c2Statistic(observed, t - 1, baseline, minSigma) - 1);
      upper = Math.max(0, y + sigma * (z - (lag2 + lag1)));
    } else {
      const end = method === "C1" ? t - 1 : t - 3;
      const from = end - baseline + 1;
      upper = baselineMean(observed, from, end) + z * Math.max(baselineSd(observed, from, end), minSigma);
    }
    const finite = !Number.isNaN(upper);
    upperbound[i] = finite ? upper : null;
    alarm[i] = finite && y > upper;
  }
  return { range, upperbound, alarm };
}

/** C2 statistic of day t (1-based): (y_t − mean)/max(sd, minSigma) over days t−baseline−2 … t−3. */
function c2Statistic(observed: readonly number[], t: number, baseline: number, minSigma: number): number {
  const end = t - 3;
  const from = end - baseline + 1;
  return (
    (observed[t - 1]! - baselineMean(observed, from, end)) /
    Math.max(baselineSd(observed, from, end), minSigma)
  );
}

/** Mean of observed days from…to (1-based, inclusive). Integer sums are exact, so this is R's `mean`. */
function baselineMean(observed: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let s = from; s <= to; s++) sum += observed[s - 1]!;
  return sum / (to - from + 1);
}

/** Sample standard deviation (n − 1 denominator, two-pass as R's `sd`) of observed days from…to (1-based). */
function baselineSd(observed: readonly number[], from: number, to: number): number {
  const n = to - from + 1;
  const mean = baselineMean(observed, from, to);
  let squares = 0;
  for (let s = from; s <= to; s++) {
    const d = observed[s - 1]! - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}

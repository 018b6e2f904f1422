import { DetectionInputError } from "./errors.ts";

/** Parameters of the reference-value selection of farringtonFlexible. */
export interface ReferenceSelection {
  /** Time points per year (52 weekly, 12 monthly, 365 daily). */
  frequency: number;
  /** Years to go back. */
  b: number;
  /** Half-width of the window around each reference point, in time points. */
  w: number;
  /** Levels of the seasonal factor; 1 = only the windows, as in Farrington's original. */
  noPeriods: number;
  /** Most recent time points left out (outbreaks still going on must not raise the baseline). */
  pastWeeksNotIncluded: number;
}

/**
 * The reference values of one time point, as filled by {@link selectReferenceValues}: their 1-based time
 * indices (ascending) and the seasonal-factor level of each (0-based among the levels present, R's factor order).
 */
export class ReferenceValues {
  count = 0;
  index: Int32Array;
  level: Int32Array;
  levelCount = 0;
  /** The level of the evaluated time point (R predicts with `seasgroups = factor(noPeriods)`). */
  currentLevel = 0;
  /** Block value (1…noPeriods, 0 = not a reference value) per 1-based time index; reused between calls. */
  private blocks: Int32Array;
  private levelOfValue: Int32Array;

  constructor(capacity = 512) {
    this.index = new Int32Array(capacity);
    this.level = new Int32Array(capacity);
    this.blocks = new Int32Array(capacity + 1);
    this.levelOfValue = new Int32Array(64);
  }

  private perLevel = new Int32Array(64);

  /** @internal Zeroed scratch counts, one per level. */
  levelCounts(): Int32Array {
    if (this.perLevel.length < this.levelCount) this.perLevel = new Int32Array(this.levelCount);
    this.perLevel.fill(0, 0, this.levelCount);
    return this.perLevel;
  }

  /** @internal */
  prepare(length: number, noPeriods: number): { blocks: Int32Array; levelOfValue: Int32Array } {
    if (this.blocks.length < length + 1) {
      this.blocks = new Int32Array(length + 1);
      this.index = new Int32Array(length);
      this.level = new Int32Array(length);
    }
    if (this.levelOfValue.length < noPeriods + 1) this.levelOfValue = new Int32Array(noPeriods + 1);
    return { blocks: this.blocks, levelOfValue: this.levelOfValue };
  }
}

/**
 * Checks that time point k (1-based) has the history farringtonFlexible needs, as R does: the reference points
 * k − frequency·i (i = 1…b) must exist, and no window may reach below index 0 (R stops with an error there).
 * @example assertReferenceHistory(262, 364, { frequency: 52, b: 5, w: 3, noPeriods: 1, pastWeeksNotIncluded: 3 }, "range")
 * // throws DetectionInputError: time point 262 needs 263 time points before it
 */
export function assertReferenceHistory(
  k: number,
  seriesLength: number,
  s: ReferenceSelection,
  field: string,
): void {
  const oldest = k - s.frequency * s.b;
  if (oldest < 1 || oldest - s.w < 0) {
    throw new DetectionInputError(
      field,
      `time point ${k} needs ${s.b} years of history (${s.frequency * s.b + s.w} time points before it with ` +
        `b = ${s.b}, w = ${s.w}); it has ${k - 1}`,
    );
  }
  if (k - s.pastWeeksNotIncluded < 0) {
    throw new DetectionInputError(field, `time point ${k} is earlier than pastWeeksNotIncluded allows`);
  }
  if (k > seriesLength) throw new DetectionInputError(field, `time point ${k} is past the end of the series`);
}

/**
 * Selects the reference values of time point k (1-based) the way surveillance 1.20.3 does for a series indexed by
 * position (`algo.farrington.data.glm` and `blocks`): the windows k − frequency·i ± w (i = 1…b) and the current
 * window k − w … k form level `noPeriods`; with `noPeriods` > 1 the weeks between consecutive windows are split into
 * noPeriods − 1 blocks (levels 1…noPeriods − 1, the first blocks one longer when the split is uneven); finally the
 * `pastWeeksNotIncluded` + 1 most recent points (k − pastWeeksNotIncluded … k) are dropped.
 *
 * R quirk kept: a block of length 0 (when frequency − 2w − 1 < noPeriods − 1) is R's descending range a:(a − 1),
 * which relabels the two neighbouring points; we reproduce that instead of failing.
 *
 * Source: Noufaily A. et al. (2013) "An improved algorithm for outbreak detection in multiple surveillance systems",
 * Stat Med 32:1206–1222, §3; surveillance 1.20.3 R/farringtonFlexible.R.
 * @example
 * const refs = new ReferenceValues();
 * selectReferenceValues(313, 364, { frequency: 52, b: 5, w: 3, noPeriods: 1, pastWeeksNotIncluded: 3 }, refs);
 * refs.count // 35: weeks 50…56, 102…108, …, 258…264
 */
export function selectReferenceValues(
  k: number,
  seriesLength: number,
  s: ReferenceSelection,
  out: ReferenceValues,
): void {
  const { frequency, b, w, noPeriods: p } = s;
  const { blocks, levelOfValue } = out.prepare(seriesLength, p);
  const lowest = Math.max(0, k - frequency * b - w);
  blocks.fill(0, lowest, k + 1);

  assign(blocks, k - w, k, p);
  for (let i = 1; i <= b; i++) {
    const refWeek = k - frequency * i;
    assign(blocks, refWeek - w, refWeek + w, p);
    if (p !== 1) {
      const period = frequency - 2 * w - 1;
      if (period < p - (2 * w + 1)) {
        throw new DetectionInputError(
          "control.noPeriods",
          `too many periods (${p}) for ${frequency} time points a year and w = ${w}`,
        );
      }
      const blockLength = Math.floor(period / (p - 1));
      const rest = period - blockLength * (p - 1);
      let start = refWeek + w + 1;
      for (let j = 1; j <= p - 1; j++) {
        const length = blockLength + (j <= rest ? 1 : 0);
        assign(blocks, start, start + length - 1, j);
        start += length;
      }
    }
  }
  const dropFrom = Math.max(lowest, k - s.pastWeeksNotIncluded);
  blocks.fill(0, dropFrom, k + 1);

  // Levels present, in ascending order (R's as.factor on numbers).
  levelOfValue.fill(-1, 0, p + 1);
  for (let t = Math.max(1, lowest); t <= k; t++) {
    const v = blocks[t]!;
    if (v !== 0) levelOfValue[v] = 0;
  }
  let levelCount = 0;
  for (let v = 1; v <= p; v++) if (levelOfValue[v] === 0) levelOfValue[v] = levelCount++;
  if (levelOfValue[p]! < 0) {
    throw new DetectionInputError(
      "control.pastWeeksNotIncluded",
      `leaves no reference value in the windows around time point ${k}`,
    );
  }
  let count = 0;
  for (let t = Math.max(1, lowest); t <= k; t++) {
    const v = blocks[t]!;
    if (v !== 0) {
      out.index[count] = t;
      out.level[count] = levelOfValue[v]!;
      count++;
    }
  }
  out.count = count;
  out.levelCount = levelCount;
  out.currentLevel = levelOfValue[p]!;
  assertFittable(out, k, s);
}

/**
 * Refuses reference sets on which R's fit is numerically undefined: a seasonal level with a single reference value
 * (its hat value is 1, so its Anscombe residual divides by zero and R's result depends on rounding noise in its QR
 * decomposition), or no residual degrees of freedom (R stops with an error). Only degenerate settings reach this —
 * w = 0 with b ≤ 2, or many periods with few years.
 */
function assertFittable(out: ReferenceValues, k: number, s: ReferenceSelection): void {
  const perLevel = out.levelCounts();
  for (let i = 0; i < out.count; i++) perLevel[out.level[i]!]! += 1;
  const lonely = perLevel.subarray(0, out.levelCount).indexOf(1);
  if (lonely >= 0) {
    throw new DetectionInputError(
      "control",
      `at time point ${k} a seasonal level has a single reference value (b = ${s.b}, w = ${s.w}, ` +
        `noPeriods = ${s.noPeriods}, pastWeeksNotIncluded = ${s.pastWeeksNotIncluded}): the model cannot be fitted; ` +
        "use more years (b) or a wider window (w)",
    );
  }
  // Levels + trend + 1 residual degree of freedom at least.
  if (out.count < out.levelCount + 2) {
    throw new DetectionInputError(
      "control",
      `at time point ${k} there are only ${out.count} reference values for ${out.levelCount + 1} parameters`,
    );
  }
}

/** R's `x[a:b] <- v` for positions 0…length: the range may run downwards, and index 0 is ignored. */
function assign(blocks: Int32Array, a: number, b: number, value: number): void {
  const from = Math.max(1, Math.min(a, b));
  const to = Math.max(a, b);
  for (let t = from; t <= to; t++) blocks[t] = value;
}

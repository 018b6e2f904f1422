import { anscombeWeights } from "./anscombe-weights.ts";
import { yLogY, yPow23 } from "./count-tables.ts";
import { pt } from "./distributions.ts";
import { DetectionInputError } from "./errors.ts";
import {
  type FarringtonControl,
  type ResolvedFarringtonControl,
  resolveFarringtonControl,
} from "./farrington-control.ts";
import { deltaUpperBound, noufailyUpperBound } from "./farrington-threshold.ts";
import { qnorm } from "./qnorm.ts";
import { GlmFit, type GlmInput } from "./quasi-poisson-glm.ts";
import {
  assertReferenceHistory,
  type ReferenceSelection,
  ReferenceValues,
  selectReferenceValues,
} from "./reference-values.ts";
import { assertCounts, assertInteger } from "./validate.ts";

const DBL_EPSILON = 2.220446049250313e-16;

export interface FarringtonOptions {
  /** Time points per year: 52 for weekly, 12 monthly, 365 daily counts. */
  frequency: number;
  control?: FarringtonControl;
  /** Population per time point (same length as the counts), used with `populationOffset`; default all 1 as R. */
  population?: readonly number[];
}

export interface FarringtonResult {
  /** Evaluated 1-based time points, in the order given. */
  range: number[];
  /** Upper threshold per time point, in counts; null where R gives NA (fewer than limit54 cases, no model). */
  upperbound: (number | null)[];
  alarm: boolean[];
  /** Expected count from the model (R's `control$expected`); null where R gives NA. */
  expected: (number | null)[];
  /** Whether the linear trend was kept; null where no model could be fitted. */
  trend: (boolean | null)[];
}

/** One evaluated time point. */
export interface FarringtonPoint {
  upperbound: number | null;
  alarm: boolean;
  expected: number | null;
  trend: boolean | null;
}

/**
 * Farrington outbreak detection in its flexible form — the original algorithm of Farrington et al. (1996) and the
 * improved one of Noufaily et al. (2013) — exactly as R's `surveillance::farringtonFlexible` 1.20.3 computes it for
 * a series indexed by position (sts without dates).
 *
 * For each time point k of `control.range`: reference values from the b previous years (windows ± w, and with
 * noPeriods > 1 the rest of each year as a seasonal factor), without the pastWeeksNotIncluded latest points; a
 * quasi-Poisson log-linear GLM with a linear trend, kept only when significant (t-test at pThresholdTrend), b ≥ 3,
 * and when the prediction does not exceed the largest reference value; reweighting of past outbreaks by Anscombe
 * residuals; the upper threshold by `delta`, `nbPlugin` or `muan`; the limit54 rule (no threshold and no alarm
 * with fewer than limit54[0] cases in the last limit54[1] points). Alarm when the count exceeds the threshold.
 *
 * R behaviour reproduced on purpose (see README.md in this folder): the prediction's standard error uses the
 * estimated dispersion even when φ is floored at 1; the nbPlugin/muan score is computed against the link-scale
 * prediction; a first fit that does not converge in 25 iterations drops the trend and, failing again, gives no
 * result (null, R's NA) — which is what happens when every reference value is zero and the baseline is long.
 *
 * Sources: Farrington C. P. et al. (1996) J R Stat Soc A 159:547–563; Noufaily A. et al. (2013) Stat Med
 * 32:1206–1222; Salmon M., Schumacher D., Höhle M. (2016) "Monitoring count time series in R: aberration detection
 * in public health surveillance", J Stat Softw 70(10). Counts per time point.
 *
 * @example
 * farringtonFlexible(weeklyCounts, { frequency: 52, control: { ...FARRINGTON_NOUFAILY, range: [313] } })
 * // { range: [313], upperbound: [2], alarm: [false], expected: [0.31…], trend: [false] }
 * @throws DetectionInputError for negative or non-integer counts, unknown control keys or threshold methods, or a
 *   range that needs more years of history than the series has.
 */
export function farringtonFlexible(
  observed: readonly number[],
  options: FarringtonOptions,
): FarringtonResult {
  sharedEngine ??= new FarringtonEngine();
  const engine = sharedEngine;
  const prepared = engine.prepare(observed, options);
  const { range } = prepared.control;
  const result: FarringtonResult = {
    range: range.slice(),
    upperbound: new Array(range.length),
    alarm: new Array(range.length),
    expected: new Array(range.length),
    trend: new Array(range.length),
  };
  for (let i = 0; i < range.length; i++) {
    const point = engine.evaluate(prepared, range[i]!);
    result.upperbound[i] = point.upperbound;
    result.alarm[i] = point.alarm;
    result.expected[i] = point.expected;
    result.trend[i] = point.trend;
  }
  return result;
}

/** Working memory reused by {@link farringtonFlexible}; the computation is synchronous, so one per thread is safe. */
let sharedEngine: FarringtonEngine | undefined;

/** A validated series with its resolved control, ready for {@link FarringtonEngine.evaluate}. */
export interface PreparedSeries {
  observed: readonly number[];
  frequency: number;
  logPopulation: Float64Array | null;
  control: ResolvedFarringtonControl;
  /** The reference-value parameters of `control`. */
  selection: ReferenceSelection;
  /** qnorm(1 − alpha), computed once. */
  z: number;
}

/**
 * The farringtonFlexible computation with its working memory kept between calls, for evaluating many series
 * without allocating (the national run evaluates tens of thousands). Not re-entrant: use one engine per thread.
 */
export class FarringtonEngine {
  private readonly refs = new ReferenceValues();
  private readonly fit = new GlmFit();
  private input: GlmInput = {
    n: 0,
    y: new Float64Array(512),
    yLogY: new Float64Array(512),
    t: new Float64Array(512),
    level: new Int32Array(512),
    levels: 1,
    offset: null,
  };
  private offsetBuffer = new Float64Array(512);
  private yPow23 = new Float64Array(512);
  private omega = new Float64Array(512);

  /** Validates counts, population and control (throws DetectionInputError) and resolves R's defaults. */
  prepare(observed: readonly number[], options: FarringtonOptions): PreparedSeries {
    if (options === null || typeof options !== "object")
      throw new DetectionInputError("options", "must be an object");
    const frequency = assertInteger(options.frequency, "frequency", 1);
    assertCounts(observed);
    const control = resolveFarringtonControl(options.control ?? {}, observed.length, frequency);
    let logPopulation: Float64Array | null = null;
    if (control.populationOffset) {
      logPopulation = new Float64Array(observed.length);
      const population = options.population;
      if (population !== undefined) {
        if (!Array.isArray(population) || population.length !== observed.length) {
          throw new DetectionInputError(
            "population",
            `must have one value per time point (${observed.length})`,
          );
        }
        for (let i = 0; i < population.length; i++) {
          const p = population[i];
          if (typeof p !== "number" || !Number.isFinite(p) || p <= 0) {
            throw new DetectionInputError(`population[${i}]`, `must be a positive number (got ${String(p)})`);
          }
          logPopulation[i] = Math.log(p);
        }
      }
    }
    const selection: ReferenceSelection = {
      frequency,
      b: control.b,
      w: control.w,
      noPeriods: control.noPeriods,
      pastWeeksNotIncluded: control.pastWeeksNotIncluded,
    };
    for (let i = 0; i < control.range.length; i++) {
      const k = control.range[i]!;
      assertReferenceHistory(k, observed.length, selection, `control.range[${i}]`);
      if (k - control.limit54Weeks < 0) {
        throw new DetectionInputError(
          `control.range[${i}]`,
          `time point ${k} is earlier than limit54 allows`,
        );
      }
    }
    return { observed, frequency, logPopulation, control, selection, z: qnorm(1 - control.alpha) };
  }

  /** Evaluates one 1-based time point k of a prepared series. */
  evaluate(series: PreparedSeries, k: number): FarringtonPoint {
    const { observed, control } = series;
    const refs = this.refs;
    selectReferenceValues(k, observed.length, series.selection, refs);
    const input = this.buildInput(series, k);

    // R fits the trend model even when b < 3 and then always drops the trend (it needs three years); the final
    // model is then the trend-free fit, so we go straight to it (same result, and no rounding-noise failure of
    // a trend fit on one or two years that R would discard anyway).
    const model = this.fitModel(input, control, control.trend && control.b >= 3);
    if (model === null) return noModel();
    let phi = model.phi;
    let doTrend = false;
    if (model.withTrend) {
      const fit = this.fit;
      const mu0 = Math.max(Math.exp(this.linearPredictor(series, k)), DBL_EPSILON);
      const tValue = fit.beta / Math.sqrt(reportedDispersion(fit, control) / fit.sxx);
      const pValue = 2 * pt(-Math.abs(tValue), fit.dfResidual);
      let maxResponse = 0;
      for (let i = 0; i < input.n; i++) if (input.y[i]! > maxResponse) maxResponse = input.y[i]!;
      doTrend = control.b >= 3 && pValue < control.pThresholdTrend && mu0 <= maxResponse;
      if (!doTrend) {
        const refit = this.fitModel(input, control, false);
        if (refit === null) return noModel();
        phi = refit.phi;
      }
    }

    const fit = this.fit;
    const eta0 = this.linearPredictor(series, k);
    const seEta0 = Math.sqrt(fit.predictionVariance(refs.currentLevel) * reportedDispersion(fit, control));
    const y = observed[k - 1]!;
    let upper: number;
    let predFit: number;
    let expected: number;
    if (control.thresholdMethod === "delta") {
      const mu0 = Math.max(Math.exp(eta0), DBL_EPSILON);
      predFit = mu0;
      expected = mu0;
      upper = deltaUpperBound(mu0, seEta0 * mu0, phi, control.powertrans, series.z);
    } else {
      predFit = eta0;
      expected = Math.exp(eta0);
      upper = noufailyUpperBound(eta0, seEta0, phi, control.thresholdMethod, control.alpha, series.z);
    }

    let recent = 0;
    for (let t = k - control.limit54Weeks + 1; t <= k; t++) if (t >= 1) recent += observed[t - 1]!;
    const enoughCases = recent >= control.limit54Cases;
    if (!enoughCases || Number.isNaN(upper))
      return { upperbound: null, alarm: false, expected: null, trend: doTrend };
    const score = (y - predFit) / (upper - predFit);
    return { upperbound: upper, alarm: score > 1 && y !== 0, expected, trend: doTrend };
  }

  /**
   * R's `algo.farrington.fitGLM.flexible`: fit; if it does not converge, drop the trend and fit again (no result if
   * that fails too); φ = max(dispersion, 1); with `reweight`, refit with Anscombe weights (R does not check that
   * refit's convergence) and take φ again.
   */
  private fitModel(
    input: GlmInput,
    control: ResolvedFarringtonControl,
    withTrend: boolean,
  ): { phi: number; withTrend: boolean } | null {
    const fit = this.fit;
    const n = input.n;
    fit.ensureCapacity(n, input.levels);
    fit.priorWeights.fill(1, 0, n);
    let trendInModel = withTrend;
    fit.fit(input, trendInModel);
    if (!fit.ok || !fit.converged) {
      if (!trendInModel) return null;
      trendInModel = false;
      fit.priorWeights.fill(1, 0, n);
      fit.fit(input, false);
      if (!fit.ok || !fit.converged) return null;
    }
    let phi = Math.max(fit.dispersion, 1);
    if (!Number.isFinite(phi)) return null;
    if (control.reweight) {
      if (!anscombeWeights(input, fit, phi, control.weightsThreshold, this.yPow23, this.omega)) return null;
      fit.priorWeights.set(this.omega.subarray(0, n));
      fit.fit(input, trendInModel);
      if (!fit.ok) return null;
      phi = Math.max(fit.dispersion, 1);
      if (!Number.isFinite(phi)) return null;
    }
    return { phi, withTrend: trendInModel };
  }

  /** η̂ at time point k for the current level (t is centred on k, so the trend term vanishes). */
  private linearPredictor(series: PreparedSeries, k: number): number {
    const eta = this.fit.alpha[this.refs.currentLevel]!;
    return series.logPopulation === null ? eta : eta + series.logPopulation[k - 1]!;
  }

  private buildInput(series: PreparedSeries, k: number): GlmInput {
    const refs = this.refs;
    const n = refs.count;
    if (this.input.y.length < n) {
      this.input = {
        ...this.input,
        y: new Float64Array(n),
        yLogY: new Float64Array(n),
        t: new Float64Array(n),
        level: new Int32Array(n),
      };
      this.offsetBuffer = new Float64Array(n);
      this.yPow23 = new Float64Array(n);
      this.omega = new Float64Array(n);
    }
    const input = this.input;
    const { observed, logPopulation } = series;
    for (let i = 0; i < n; i++) {
      const index = refs.index[i]!;
      const y = observed[index - 1]!;
      input.y[i] = y;
      input.yLogY[i] = yLogY(y);
      this.yPow23[i] = yPow23(y);
      input.t[i] = index - k;
      input.level[i] = refs.level[i]!;
      if (logPopulation !== null) this.offsetBuffer[i] = logPopulation[index - 1]!;
    }
    input.n = n;
    input.levels = refs.levelCount;
    input.offset = logPopulation === null ? null : this.offsetBuffer;
    return input;
  }
}

/**
 * The dispersion R's `summary.glm` reports for the final model — used for the trend's t-test and the prediction's
 * standard error. farringtonFlexible's fit function stores the Anscombe weights in `model$weights` after fitting, so
 * with `reweight` summary.glm sums prior weights × squared working residuals instead of working weights × squared
 * working residuals (README.md, quirk 1). φ itself is computed before that and is the proper estimate.
 */
function reportedDispersion(fit: GlmFit, control: ResolvedFarringtonControl): number {
  return control.reweight ? fit.priorWeightedDispersion : fit.dispersion;
}

function noModel(): FarringtonPoint {
  return { upperbound: null, alarm: false, expected: null, trend: null };
}

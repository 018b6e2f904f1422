import { DetectionInputError } from "./errors.ts";
import {
  assertBoolean,
  assertFinite,
  assertInteger,
  assertKnownKeys,
  assertProbability,
  assertRange,
} from "./validate.ts";

export type ThresholdMethod = "delta" | "nbPlugin" | "muan";
export type PowerTransform = "2/3" | "1/2" | "none";

/** The control list of `surveillance::farringtonFlexible` (same names, same defaults). */
export interface FarringtonControl {
  /** 1-based time points to evaluate; default: from frequency·b + w + 1 to the end. */
  range?: readonly number[];
  /** Years of history (default 5). */
  b?: number;
  /** Half-window around each reference week (default 3). */
  w?: number;
  /** Down-weight past outbreaks by their Anscombe residuals (default true). */
  reweight?: boolean;
  /** Anscombe residual above which a reference value is down-weighted (default 2.58). */
  weightsThreshold?: number;
  /** Accepted for compatibility with R; has no effect. */
  verbose?: boolean;
  /** Accepted for compatibility with R; has no effect. */
  glmWarnings?: boolean;
  /** One-sided level of the prediction interval (default 0.05). */
  alpha?: number;
  /** Try a linear time trend (default true). */
  trend?: boolean;
  /** Significance level of the trend's t-test (default 0.05). */
  pThresholdTrend?: number;
  /** [cases, weeks]: no alarm unless ≥ cases in the last `weeks` time points (default [5, 4]). */
  limit54?: readonly number[];
  /** Power transformation of the delta method (default "2/3"). */
  powertrans?: PowerTransform;
  /** Only R's "algo.farrington.fitGLM.flexible" exists. */
  fitFun?: "algo.farrington.fitGLM.flexible";
  /** Use log(population) as an offset (default false). */
  populationOffset?: boolean;
  /** Levels of the seasonal factor (default 1 = windows only). */
  noPeriods?: number;
  /** Most recent time points left out of the baseline (default null = w). */
  pastWeeksNotIncluded?: number | null;
  /** "delta" (Farrington 1996), "nbPlugin" or "muan" (Noufaily 2013); default "delta". */
  thresholdMethod?: ThresholdMethod;
}

export interface ResolvedFarringtonControl {
  range: number[];
  b: number;
  w: number;
  reweight: boolean;
  weightsThreshold: number;
  alpha: number;
  trend: boolean;
  pThresholdTrend: number;
  limit54Cases: number;
  limit54Weeks: number;
  powertrans: PowerTransform;
  populationOffset: boolean;
  noPeriods: number;
  pastWeeksNotIncluded: number;
  thresholdMethod: ThresholdMethod;
}

export const FARRINGTON_CONTROL_KEYS = [
  "range",
  "b",
  "w",
  "reweight",
  "weightsThreshold",
  "verbose",
  "glmWarnings",
  "alpha",
  "trend",
  "pThresholdTrend",
  "limit54",
  "powertrans",
  "fitFun",
  "populationOffset",
  "noPeriods",
  "pastWeeksNotIncluded",
  "thresholdMethod",
] as const;

/** Farrington et al. (1996) as in the fixtures `farrington_original`: windows only, 2/3-power delta threshold. */
export const FARRINGTON_ORIGINAL: FarringtonControl = Object.freeze({
  b: 5,
  w: 3,
  reweight: true,
  weightsThreshold: 1,
  alpha: 0.05,
  trend: true,
  pThresholdTrend: 0.05,
  limit54: [5, 4],
  powertrans: "2/3",
  noPeriods: 1,
  pastWeeksNotIncluded: null,
  thresholdMethod: "delta",
  populationOffset: false,
});

/** Noufaily et al. (2013) as in the fixtures `farrington_noufaily`: 10-level season, 26 weeks left out, NB plug-in. */
export const FARRINGTON_NOUFAILY: FarringtonControl = Object.freeze({
  b: 5,
  w: 3,
  reweight: true,
  weightsThreshold: 2.58,
  alpha: 0.05,
  trend: true,
  pThresholdTrend: 0.05,
  limit54: [5, 4],
  powertrans: "2/3",
  noPeriods: 10,
  pastWeeksNotIncluded: 26,
  thresholdMethod: "nbPlugin",
  populationOffset: false,
});

/** The Noufaily set with the `muan` threshold at alpha 0.01 (fixtures `farrington_noufaily_muan`). */
export const FARRINGTON_NOUFAILY_MUAN: FarringtonControl = Object.freeze({
  ...FARRINGTON_NOUFAILY,
  alpha: 0.01,
  thresholdMethod: "muan",
});

const THRESHOLD_METHODS: readonly ThresholdMethod[] = ["delta", "nbPlugin", "muan"];
const POWER_TRANSFORMS: readonly PowerTransform[] = ["2/3", "1/2", "none"];

/**
 * Validates a farringtonFlexible control list and fills R's defaults (`surveillance` 1.20.3, `farringtonFlexible`):
 * b = 5, w = 3, reweight, weightsThreshold 2.58, alpha 0.05, trend, pThresholdTrend 0.05, limit54 [5, 4],
 * powertrans "2/3", noPeriods 1, pastWeeksNotIncluded = w, thresholdMethod "delta", range from frequency·b + w + 1.
 * @example resolveFarringtonControl({ b: 3 }, 200, 52).range[0] // 160
 * @throws DetectionInputError naming the bad key (unknown key, unknown thresholdMethod, out-of-range value).
 */
export function resolveFarringtonControl(
  control: FarringtonControl,
  seriesLength: number,
  frequency: number,
): ResolvedFarringtonControl {
  if (control === null || typeof control !== "object" || Array.isArray(control)) {
    throw new DetectionInputError("control", "must be an object");
  }
  assertKnownKeys(control, FARRINGTON_CONTROL_KEYS);
  const b = assertInteger(control.b ?? 5, "control.b", 1);
  const w = assertInteger(control.w ?? 3, "control.w", 0);
  if (2 * w + 1 > frequency) {
    throw new DetectionInputError(
      "control.w",
      `the window 2w + 1 = ${2 * w + 1} is longer than a year (${frequency})`,
    );
  }
  const reweight = assertBoolean(control.reweight ?? true, "control.reweight");
  const weightsThreshold = assertFinite(
    control.weightsThreshold ?? 2.58,
    "control.weightsThreshold",
    -Infinity,
  );
  if (control.verbose !== undefined) assertBoolean(control.verbose, "control.verbose");
  if (control.glmWarnings !== undefined) assertBoolean(control.glmWarnings, "control.glmWarnings");
  const alpha = assertProbability(control.alpha ?? 0.05, "control.alpha");
  const trend = assertBoolean(control.trend ?? true, "control.trend");
  const pThresholdTrend = assertFinite(control.pThresholdTrend ?? 0.05, "control.pThresholdTrend", 0, 1);
  const limit54 = control.limit54 ?? [5, 4];
  if (!Array.isArray(limit54) || limit54.length !== 2) {
    throw new DetectionInputError("control.limit54", "must be [cases, weeks]");
  }
  const limit54Cases = assertFinite(limit54[0], "control.limit54[0]", 0);
  const limit54Weeks = assertInteger(limit54[1], "control.limit54[1]", 1);
  const powertrans = control.powertrans ?? "2/3";
  if (!POWER_TRANSFORMS.includes(powertrans)) {
    throw new DetectionInputError(
      "control.powertrans",
      `must be "2/3", "1/2" or "none" (got ${JSON.stringify(powertrans)})`,
    );
  }
  if (control.fitFun !== undefined && control.fitFun !== "algo.farrington.fitGLM.flexible") {
    throw new DetectionInputError(
      "control.fitFun",
      `only "algo.farrington.fitGLM.flexible" exists (got ${JSON.stringify(control.fitFun)})`,
    );
  }
  const populationOffset = assertBoolean(control.populationOffset ?? false, "control.populationOffset");
  const noPeriods = assertInteger(control.noPeriods ?? 1, "control.noPeriods", 1);
  const pastWeeksNotIncluded =
    control.pastWeeksNotIncluded === null || control.pastWeeksNotIncluded === undefined
      ? w
      : assertInteger(control.pastWeeksNotIncluded, "control.pastWeeksNotIncluded", 0);
  const thresholdMethod = control.thresholdMethod ?? "delta";
  if (!THRESHOLD_METHODS.includes(thresholdMethod)) {
    throw new DetectionInputError(
      "control.thresholdMethod",
      `unknown threshold method ${JSON.stringify(thresholdMethod)} (known: delta, nbPlugin, muan)`,
    );
  }
  let range: number[];
  if (control.range === undefined || control.range === null) {
    range = [];
    for (let k = frequency * b + w + 1; k <= seriesLength; k++) range.push(k);
  } else {
    range = assertRange(control.range, seriesLength);
  }
  return {
    range,
    b,
    w,
    reweight,
    weightsThreshold,
    alpha,
    trend,
    pThresholdTrend,
    limit54Cases,
    limit54Weeks,
    powertrans,
    populationOffset,
    noPeriods,
    pastWeeksNotIncluded,
    thresholdMethod,
  };
}

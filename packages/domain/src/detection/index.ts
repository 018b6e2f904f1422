export { anscombeWeights } from "./anscombe-weights.ts";
export { qnbinom, qpois } from "./discrete-quantile.ts";
export { pnbinom, ppois, pt } from "./distributions.ts";
export {
  type EarsControl,
  type EarsMethod,
  type EarsResult,
  earsC,
  earsDefaultRange,
  earsHistoryDays,
} from "./ears.ts";
export { DetectionInputError } from "./errors.ts";
export {
  FARRINGTON_CONTROL_KEYS,
  FARRINGTON_NOUFAILY,
  FARRINGTON_NOUFAILY_MUAN,
  FARRINGTON_ORIGINAL,
  type FarringtonControl,
  type PowerTransform,
  type ResolvedFarringtonControl,
  resolveFarringtonControl,
  type ThresholdMethod,
} from "./farrington-control.ts";
export {
  FarringtonEngine,
  type FarringtonOptions,
  type FarringtonPoint,
  type FarringtonResult,
  farringtonFlexible,
  type PreparedSeries,
} from "./farrington-flexible.ts";
export { deltaUpperBound, noufailyUpperBound } from "./farrington-threshold.ts";
export { qnorm } from "./qnorm.ts";
export { GlmFit, type GlmInput } from "./quasi-poisson-glm.ts";
export { type ReferenceSelection, ReferenceValues, selectReferenceValues } from "./reference-values.ts";

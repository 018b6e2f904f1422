import { qnbinom, qpois } from "./discrete-quantile.ts";
import type { PowerTransform } from "./farrington-control.ts";

/**
 * Upper threshold of Farrington et al. (1996): a normal approximation on the power-transformed scale,
 * U = (μ₀^e + z·√(Var))^(1/e) with e = 2/3 (or 1/2, 1) and Var = (e·μ₀^(e−1))²·μ₀·τ, τ = φ + Var(μ̂₀)/μ₀.
 *
 * Exactly R's `algo.farrington.threshold.farrington` (surveillance 1.20.3): both bounds are computed and the larger
 * non-NaN one is the upper bound (R's `sort(…, na.last = FALSE)[2]`). `seFit` is the standard error of μ̂₀ on the
 * response scale, `z` = qnorm(1 − alpha). Counts; NaN when R gives NA.
 *
 * Source: Farrington C. P., Andrews N. J., Beale A. D., Catchpole M. A. (1996) "A statistical algorithm for the
 * early detection of outbreaks of infectious disease", J R Stat Soc A 159:547–563, §3.4.
 * @example deltaUpperBound(10, 1.2, 1.5, "2/3", qnorm(0.95)) // 17.363188089606613 (R: (10^(2/3) + qnorm(0.95) * sqrt(4/9 * 10^(1/3) * (1.5 + 1.2^2/10)))^(3/2))
 */
export function deltaUpperBound(
  mu0: number,
  seFit: number,
  phi: number,
  powertrans: PowerTransform,
  z: number,
): number {
  const tau = phi + (seFit * seFit) / mu0;
  let se: number;
  let exponent: number;
  if (powertrans === "none") {
    se = Math.sqrt(mu0 * tau);
    exponent = 1;
  } else if (powertrans === "1/2") {
    se = Math.sqrt((1 / 4) * tau);
    exponent = 1 / 2;
  } else {
    se = Math.sqrt((4 / 9) * mu0 ** (1 / 3) * tau);
    exponent = 2 / 3;
  }
  const centre = mu0 ** exponent;
  const lower = (centre - z * se) ** (1 / exponent);
  const upper = (centre + z * se) ** (1 / exponent);
  if (Number.isNaN(lower)) return upper;
  if (Number.isNaN(upper)) return lower;
  return Math.max(lower, upper);
}

/**
 * Upper threshold of Noufaily et al. (2013): the (1 − alpha) quantile of a negative binomial with mean μ and
 * variance φ·μ (size μ/(φ − 1), prob 1/φ), or of a Poisson when φ = 1. With `nbPlugin` μ = exp(η̂₀); with `muan`
 * μ = exp(η̂₀ + qnorm(1 − alpha)·se(η̂₀)), the upper quantile of the estimated mean. Counts; NaN when μ overflows.
 *
 * Exactly R's `algo.farrington.threshold.noufaily` (surveillance 1.20.3).
 * Source: Noufaily A., Enki D. G., Farrington P., Garthwaite P., Andrews N., Charlett A. (2013) "An improved
 * algorithm for outbreak detection in multiple surveillance systems", Stat Med 32:1206–1222, §3.3.
 * @example noufailyUpperBound(Math.log(10), 0.1, 2, "nbPlugin", 0.05, qnorm(0.95)) // 18 (R: qnbinom(0.95, 10, 0.5))
 */
export function noufailyUpperBound(
  eta0: number,
  seEta0: number,
  phi: number,
  method: "nbPlugin" | "muan",
  alpha: number,
  z: number,
): number {
  const mu = method === "nbPlugin" ? Math.exp(eta0) : Math.exp(seEta0 === 0 ? eta0 : eta0 + seEta0 * z);
  if (mu === Number.POSITIVE_INFINITY) return Number.NaN;
  return phi > 1 ? qnbinom(1 - alpha, mu / (phi - 1), 1 / phi) : qpois(1 - alpha, mu);
}

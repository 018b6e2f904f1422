import betainc from "@stdlib/math-base-special-betainc";
import gammainc from "@stdlib/math-base-special-gammainc";
import studentTCdf from "@stdlib/stats-base-dists-t-cdf";

/**
 * Lower-tail probability of Student's t distribution with `df` degrees of freedom, R's `pt(t, df)`.
 *
 * Used for the t-test of the trend coefficient in a quasi-Poisson GLM (R's `summary.glm`, p = 2·pt(−|t|, df)).
 * Source: @stdlib/stats-base-dists-t-cdf (regularised incomplete beta, Boost's algorithm). Unitless.
 * @example pt(-2, 10) // 0.03669401738537018
 */
export function pt(t: number, df: number): number {
  return studentTCdf(t, df);
}

/**
 * Cumulative probability P(X ≤ x) of the negative binomial distribution, R's `pnbinom(x, size, prob)`.
 *
 * Computed as R does (nmath/pnbinom.c): the regularised incomplete beta I_prob(size, ⌊x⌋ + 1), here from
 * @stdlib/math-base-special-betainc. `size = 0` is R's point mass at zero. x in counts.
 * @example pnbinom(3, 2.5, 0.4) // 0.5045339
 */
export function pnbinom(x: number, size: number, prob: number): number {
  if (!(size >= 0) || !(prob > 0 && prob <= 1) || !Number.isFinite(size)) return Number.NaN;
  if (x < 0) return 0;
  if (size === 0 || x === Number.POSITIVE_INFINITY) return 1;
  return betainc(prob, size, Math.floor(x + 1e-7) + 1);
}

/**
 * Cumulative probability P(X ≤ x) of the Poisson distribution with mean `lambda`, R's `ppois(x, lambda)`.
 *
 * Computed as R does (nmath/ppois.c): the upper regularised incomplete gamma Q(⌊x⌋ + 1, lambda), here from
 * @stdlib/math-base-special-gammainc. x in counts.
 * @example ppois(3, 2.5) // 0.7575761
 */
export function ppois(x: number, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) return Number.NaN;
  if (x < 0) return 0;
  if (lambda === 0 || x === Number.POSITIVE_INFINITY) return 1;
  return gammainc(lambda, Math.floor(x + 1e-7) + 1, true, true);
}

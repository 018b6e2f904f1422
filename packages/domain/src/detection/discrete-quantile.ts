import { pnbinom, ppois } from "./distributions.ts";
import { qnorm } from "./qnorm.ts";

const DBL_EPSILON = 2.220446049250313e-16;

/**
 * Smallest integer y ≥ 0 with cdf(y) ≥ p — the quantile search of R's discrete distributions (R 4.2,
 * nmath/qDiscrete_search.h): start from the Cornish–Fisher approximation, fuzz p down by 8·DBL_EPSILON for left
 * continuity, then step left or right; beyond 4096 the steps start at y/64 and shrink eightfold, as in R.
 */
function discreteQuantile(
  p: number,
  mu: number,
  sigma: number,
  gamma: number,
  cdf: (y: number) => number,
): number {
  const z = qnorm(p);
  let y = Math.round(mu + sigma * (z + (gamma * (z * z - 1)) / 6));
  if (!(y >= 0)) y = 0;
  const target = p * (1 - 8 * DBL_EPSILON);
  if (y < 4096) return search(y, 1, target, cdf);
  let increment = Math.floor(y / 64);
  let previous: number;
  do {
    previous = increment;
    y = search(y, increment, target, cdf);
    increment = Math.max(1, Math.floor(increment / 8));
  } while (previous > 1 && increment > y * 1e-15);
  return y;
}

function search(start: number, increment: number, p: number, cdf: (y: number) => number): number {
  let y = start;
  if (cdf(y) >= p) {
    // The answer is y or to its left.
    while (y > 0) {
      const lower = Math.max(0, y - increment);
      if (cdf(lower) < p) return y;
      y = lower;
    }
    return y;
  }
  for (;;) {
    y += increment;
    if (cdf(y) >= p) return y;
  }
}

/**
 * Quantile of the negative binomial distribution, R's `qnbinom(p, size, prob)`: the smallest count y with
 * P(X ≤ y) ≥ p, X counting failures before the `size`-th success with success probability `prob` (mean
 * size·(1−prob)/prob). Noufaily et al. (2013) use it for the upper threshold with size = μ/(φ−1), prob = 1/φ.
 *
 * Source: R 4.2 nmath/qnbinom.c (Cornish–Fisher start, search on pnbinom). Counts.
 * @example qnbinom(0.95, 5, 0.25) // 31
 */
export function qnbinom(p: number, size: number, prob: number): number {
  if (Number.isNaN(p) || Number.isNaN(size) || Number.isNaN(prob)) return Number.NaN;
  if (prob === 0 && size === 0) return 0;
  if (prob <= 0 || prob > 1 || size < 0 || p < 0 || p > 1) return Number.NaN;
  if (prob === 1 || size === 0) return 0;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const Q = 1 / prob;
  const P = (1 - prob) * Q;
  const mu = size * P;
  const sigma = Math.sqrt(size * P * Q);
  const gamma = (Q + P) / sigma;
  return discreteQuantile(p, mu, sigma, gamma, (y) => pnbinom(y, size, prob));
}

/**
 * Quantile of the Poisson distribution with mean `lambda`, R's `qpois(p, lambda)`: the smallest count y with
 * P(X ≤ y) ≥ p. farringtonFlexible uses it instead of the negative binomial when the dispersion φ is 1.
 *
 * Source: R 4.2 nmath/qpois.c (Cornish–Fisher start, search on ppois). Counts.
 * @example qpois(0.95, 4) // 8
 */
export function qpois(p: number, lambda: number): number {
  if (Number.isNaN(p) || Number.isNaN(lambda)) return Number.NaN;
  if (!Number.isFinite(lambda) || lambda < 0 || p < 0 || p > 1) return Number.NaN;
  if (lambda === 0 || p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const sigma = Math.sqrt(lambda);
  return discreteQuantile(p, lambda, sigma, 1 / sigma, (y) => ppois(y, lambda));
}

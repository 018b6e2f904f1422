import type { GlmFit, GlmInput } from "./quasi-poisson-glm.ts";

/**
 * Reweighting of past outbreaks (Farrington et al. 1996, §3.3): standardised Anscombe residuals
 * s_i = 3/2·(y_i^(2/3)·μ_i^(−1/6) − μ_i^(1/2)) / √(φ·(1 − h_i)), then weights ω_i = γ·s_i^(−2) for s_i above
 * `threshold` and γ otherwise, γ chosen so that the weights sum to n.
 *
 * Exactly R's `anscombe.residuals` and `algo.farrington.assign.weights` (surveillance 1.20.3), with R's hat values
 * of the last IRLS step. Writes the weights into `out`; returns false when a residual is not a number (a reference
 * value with hat value 1), where R's glm would fail.
 *
 * Source: Farrington C. P. et al. (1996) J R Stat Soc A 159:547–563, §3.3; McCullagh & Nelder (1989) §2.4.2.
 */
export function anscombeWeights(
  input: GlmInput,
  fit: GlmFit,
  phi: number,
  threshold: number,
  yPow23: Float64Array,
  out: Float64Array,
): boolean {
  const n = input.n;
  const { level, t } = input;
  const { mu: fitted, workingWeights, levelWeight, levelMeanT, withTrend, sxx } = fit;
  let denominator = 0;
  for (let i = 0; i < n; i++) {
    const mu = fitted[i]!;
    // Hat value of the last least-squares step (GlmFit.hat, inlined).
    const w = workingWeights[i]!;
    let hat = 0;
    if (w !== 0) {
      const l = level[i]!;
      let h = 1 / levelWeight[l]!;
      if (withTrend) {
        const d = t[i]! - levelMeanT[l]!;
        h += (d * d) / sxx;
      }
      hat = w * h;
    }
    // μ^(−1/6) as 1/∛√μ: two native roots instead of a power (within a few ulps of R's pow).
    const rootMu = Math.sqrt(mu);
    const raw = 1.5 * (yPow23[i]! / Math.cbrt(rootMu) - rootMu);
    const s = raw / Math.sqrt(phi * (1 - hat));
    if (Number.isNaN(s)) return false;
    out[i] = s;
    denominator += s > threshold ? 1 / (s * s) : 1;
  }
  const gamma = n / denominator;
  for (let i = 0; i < n; i++) {
    const s = out[i]!;
    out[i] = s > threshold ? gamma * (1 / (s * s)) : gamma;
  }
  return true;
}

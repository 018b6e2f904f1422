/**
 * Quasi-Poisson log-linear GLM fitted by iteratively reweighted least squares, reproducing R's `glm.fit` step by
 * step for the models of farringtonFlexible: log μ_i = α_{level(i)} + β·t_i + offset_i, i.e. one intercept per
 * seasonal level (R's treatment contrasts span the same space) and an optional linear trend.
 *
 * Reproduced from R 4.2 `glm.fit` (stats/R/glm.R): start μ = y + 0.1, η = log μ; μ = max(e^η, DBL_EPSILON) (the
 * `make.link("log")` floor); at most 25 iterations; stop when |dev − dev_old| / (|dev| + 0.1) < 1e-8; step
 * halving when the deviance is not finite. Like R, the working weights, the covariance and the hat values kept at
 * the end are those of the last iteration's weighted least-squares step (computed from the μ *before* that step);
 * the residuals use the final μ. The dispersion is R's `summary.glm` estimate Σ w·r² / (n − rank).
 *
 * The design has a block structure, so each step is solved in closed form: per level the weighted means of t and of
 * the working response z, then β = S_tz / S_tt from the within-level sums (two passes, for accuracy) and
 * α_l = z̄_l − β·t̄_l. The same structure gives the unscaled covariance of the prediction for level l at t = 0
 * (1/A_l + t̄_l²/S_tt) and the hat values h_i = w_i·(1/A_l + (t_i − t̄_l)²/S_tt) without forming a matrix.
 *
 * Source: McCullagh P., Nelder J. A. (1989) Generalized Linear Models, 2nd ed., §2.5 (IRLS) and §9.2
 * (quasi-likelihood); R Core Team, R 4.2 `glm.fit`, `summary.glm`, `predict.glm`, `lm.influence`.
 */

const DBL_EPSILON = 2.220446049250313e-16;
const MAX_ITERATIONS = 25;
const CONVERGENCE_EPSILON = 1e-8;

export interface GlmInput {
  n: number;
  /** Counts. */
  y: Float64Array;
  /** y·log(y) (0 for y = 0), precomputed once per series: the deviance needs it every iteration. */
  yLogY: Float64Array;
  /** Time covariate, centred on the prediction time point (so the prediction is at t = 0). */
  t: Float64Array;
  /** Level index 0…levels−1 of each observation. */
  level: Int32Array;
  levels: number;
  /** log(population) per observation, or null. */
  offset: Float64Array | null;
}

export class GlmFit {
  converged = false;
  withTrend = false;
  iterations = 0;
  /** Intercept per level (log scale). */
  alpha: Float64Array;
  /** Trend per time point (log scale); 0 without trend. */
  beta = 0;
  eta: Float64Array;
  mu: Float64Array;
  /** Prior weights used in the fit. */
  priorWeights: Float64Array;
  /** Working weights w_i = prior_i · μ_i of the last least-squares step (R's `model$weights`). */
  workingWeights: Float64Array;
  /** Σ working weights per level (last step). */
  levelWeight: Float64Array;
  /** Weighted mean of t per level (last step). */
  levelMeanT: Float64Array;
  /** Within-level weighted sum of squares of t (last step); the unscaled variance of β is 1/sxx. */
  sxx = 0;
  /** R's summary.glm dispersion (not floored at 1): Σ w·r² / (n − rank) with the working weights w. */
  dispersion = 0;
  /**
   * The same sum with the prior weights in place of the working weights: what summary.glm returns once
   * farringtonFlexible has overwritten `model$weights` with the Anscombe weights (see README.md, quirk 1).
   */
  priorWeightedDispersion = 0;
  dfResidual = 0;
  /** Whether the fit could be computed at all (false when R's glm would fail or alias a column). */
  ok = true;
  private z: Float64Array;
  private levelZ: Float64Array;
  private alphaOld: Float64Array;

  constructor(capacity = 512, levels = 16) {
    this.eta = new Float64Array(capacity);
    this.mu = new Float64Array(capacity);
    this.z = new Float64Array(capacity);
    this.priorWeights = new Float64Array(capacity);
    this.workingWeights = new Float64Array(capacity);
    this.alpha = new Float64Array(levels);
    this.alphaOld = new Float64Array(levels);
    this.levelWeight = new Float64Array(levels);
    this.levelMeanT = new Float64Array(levels);
    this.levelZ = new Float64Array(levels);
  }

  ensureCapacity(n: number, levels: number): void {
    if (this.eta.length < n) {
      this.eta = new Float64Array(n);
      this.mu = new Float64Array(n);
      this.z = new Float64Array(n);
      this.priorWeights = new Float64Array(n);
      this.workingWeights = new Float64Array(n);
    }
    if (this.alpha.length < levels) {
      this.alpha = new Float64Array(levels);
      this.alphaOld = new Float64Array(levels);
      this.levelWeight = new Float64Array(levels);
      this.levelMeanT = new Float64Array(levels);
      this.levelZ = new Float64Array(levels);
    }
  }

  /** Unscaled variance of the linear predictor of `level` at t = 0 (R's x₀ᵀ(XᵀWX)⁻¹x₀). */
  predictionVariance(level: number): number {
    const a = 1 / this.levelWeight[level]!;
    if (!this.withTrend) return a;
    const m = this.levelMeanT[level]!;
    return a + (m * m) / this.sxx;
  }

  /** Hat value of observation i (R's `hatvalues`), from the last least-squares step. */
  hat(input: GlmInput, i: number): number {
    const w = this.workingWeights[i]!;
    if (w === 0) return 0;
    const l = input.level[i]!;
    let h = 1 / this.levelWeight[l]!;
    if (this.withTrend) {
      const d = input.t[i]! - this.levelMeanT[l]!;
      h += (d * d) / this.sxx;
    }
    return w * h;
  }

  /**
   * Fits the model to `input` with the prior weights already in `priorWeights`. Returns false (and sets `ok`)
   * when the model cannot be fitted the way R would (a level without positive weight, an unidentifiable trend, or
   * R's "no valid set of coefficients" failure).
   */
  fit(input: GlmInput, withTrend: boolean): boolean {
    const { n, y, yLogY, t, level, levels, offset } = input;
    const {
      eta,
      mu,
      z,
      priorWeights: pw,
      workingWeights: ww,
      alpha,
      alphaOld,
      levelWeight,
      levelMeanT,
      levelZ,
    } = this;
    this.withTrend = withTrend;
    this.converged = false;
    this.ok = true;

    let nGood = 0;
    for (let i = 0; i < n; i++) {
      const m = y[i]! + 0.1;
      eta[i] = Math.log(m);
      mu[i] = Math.max(Math.exp(eta[i]!), DBL_EPSILON);
      if (pw[i]! > 0) nGood++;
    }
    let devOld = deviance(n, y, yLogY, mu, eta, pw);
    let betaOld = 0;
    let haveOld = false;
    let iter = 0;
    for (iter = 1; iter <= MAX_ITERATIONS; iter++) {
      // Weighted least squares on the working response z = (η − offset) + (y − μ)/μ with weights prior·μ.
      levelWeight.fill(0, 0, levels);
      levelMeanT.fill(0, 0, levels);
      levelZ.fill(0, 0, levels);
      for (let i = 0; i < n; i++) {
        const m = mu[i]!;
        const wi = pw[i]! * m;
        ww[i] = wi;
        const zi = (offset === null ? eta[i]! : eta[i]! - offset[i]!) + (y[i]! - m) / m;
        z[i] = zi;
        if (wi > 0) {
          const l = level[i]!;
          levelWeight[l] = levelWeight[l]! + wi;
          levelMeanT[l] = levelMeanT[l]! + wi * t[i]!;
          levelZ[l] = levelZ[l]! + wi * zi;
        }
      }
      for (let l = 0; l < levels; l++) {
        const a = levelWeight[l]!;
        if (!(a > 0)) return this.fail();
        levelMeanT[l] = levelMeanT[l]! / a;
        levelZ[l] = levelZ[l]! / a;
      }
      let beta = 0;
      if (withTrend) {
        let sxx = 0;
        let sxz = 0;
        let stt = 0;
        for (let i = 0; i < n; i++) {
          const wi = ww[i]!;
          if (wi > 0) {
            const l = level[i]!;
            const d = t[i]! - levelMeanT[l]!;
            sxx += wi * d * d;
            sxz += wi * d * (z[i]! - levelZ[l]!);
            stt += wi * t[i]! * t[i]!;
          }
        }
        // R's QR (glm.fit passes tolerance min(1e-7, epsilon/1000) = 1e-11 on column norms) would alias the trend.
        if (!(sxx > 1e-22 * stt)) return this.fail();
        this.sxx = sxx;
        beta = sxz / sxx;
      }
      for (let l = 0; l < levels; l++) alpha[l] = levelZ[l]! - beta * levelMeanT[l]!;

      let dev = this.update(input, beta);
      if (!Number.isFinite(dev)) {
        // R: step halving towards the previous coefficients ("step size truncated due to divergence").
        if (!haveOld) return this.fail();
        for (let halving = 1; !Number.isFinite(dev); halving++) {
          if (halving > MAX_ITERATIONS) return this.fail();
          for (let l = 0; l < levels; l++) alpha[l] = (alpha[l]! + alphaOld[l]!) / 2;
          beta = (beta + betaOld) / 2;
          dev = this.update(input, beta);
        }
      }
      this.beta = beta;
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < CONVERGENCE_EPSILON) {
        this.converged = true;
        break;
      }
      devOld = dev;
      alphaOld.set(alpha.subarray(0, levels));
      betaOld = beta;
      haveOld = true;
    }
    this.iterations = Math.min(iter, MAX_ITERATIONS);

    // summary.glm: dispersion = Σ w·((y − μ)/μ)² over positive working weights / (n.ok − rank).
    const rank = levels + (withTrend ? 1 : 0);
    this.dfResidual = nGood - rank;
    let pearson = 0;
    let priorWeighted = 0;
    for (let i = 0; i < n; i++) {
      const r = (y[i]! - mu[i]!) / mu[i]!;
      const wi = ww[i]!;
      if (wi > 0) pearson += wi * r * r;
      const pi = pw[i]!;
      if (pi > 0) priorWeighted += pi * r * r;
    }
    this.dispersion = pearson / this.dfResidual;
    this.priorWeightedDispersion = priorWeighted / this.dfResidual;
    return true;
  }

  /** η and μ from the coefficients; returns the deviance (NaN or ∞ when μ overflowed). */
  private update(input: GlmInput, beta: number): number {
    const { n, t, level, offset, y, yLogY } = input;
    const { eta, mu, alpha } = this;
    for (let i = 0; i < n; i++) {
      let e = alpha[level[i]!]! + beta * t[i]!;
      if (offset !== null) e += offset[i]!;
      eta[i] = e;
      mu[i] = Math.max(Math.exp(e), DBL_EPSILON);
    }
    let dev = deviance(n, y, yLogY, mu, eta, this.priorWeights);
    for (let i = 0; i < n; i++) if (!Number.isFinite(mu[i]!)) dev = Number.NaN;
    return dev;
  }

  private fail(): false {
    this.ok = false;
    return false;
  }
}

/**
 * Poisson deviance Σ 2·w·(y·log(y/μ) − (y − μ)), with y·log(y/μ) taken as y·log y − y·η where μ = e^η (exact up to
 * rounding, and one logarithm fewer per observation and iteration); where μ was floored at DBL_EPSILON, log μ is used.
 */
function deviance(
  n: number,
  y: Float64Array,
  yLogY: Float64Array,
  mu: Float64Array,
  eta: Float64Array,
  pw: Float64Array,
): number {
  let dev = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    const m = mu[i]!;
    if (yi > 0) {
      const e = eta[i]!;
      const logMu = m > DBL_EPSILON ? e : Math.log(m);
      dev += pw[i]! * (yLogY[i]! - yi * logMu - (yi - m));
    } else {
      dev += pw[i]! * m;
    }
  }
  return 2 * dev;
}

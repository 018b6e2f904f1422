import { startEta, startMu } from "./count-tables.ts";

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
 * The design has a block structure, so each step is solved in closed form from per-level sums: with
 * A_l = Σw, T_l = Σw·t, Z_l = Σw·z and the within-level sums S_tt = Σ_l (Σw·t² − T_l²/A_l),
 * S_tz = Σ_l (Σw·t·z − T_l·Z_l/A_l): β = S_tz / S_tt and α_l = (Z_l − β·T_l)/A_l. The same structure gives the
 * unscaled variance of the prediction for level l at t = 0 (1/A_l + t̄_l²/S_tt) and the hat values
 * h_i = w_i·(1/A_l + (t_i − t̄_l)²/S_tt) without forming a matrix. (t is centred on the evaluated week, so the
 * one-pass within-level sums lose at most a digit.) One pass over the data per iteration computes the new μ, the
 * deviance, and the sums of the next step. Without trend and offset, μ is constant within a level after the first
 * step, so the iterations run on per-level sufficient statistics — the same iterates, without the pass.
 *
 * Source: McCullagh P., Nelder J. A. (1989) Generalized Linear Models, 2nd ed., §2.5 (IRLS) and §9.2
 * (quasi-likelihood); R Core Team, R 4.2 `glm.fit`, `summary.glm`, `predict.glm`, `lm.influence`.
 */

const DBL_EPSILON = 2.220446049250313e-16;
const LOG_DBL_EPSILON = Math.log(DBL_EPSILON);
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

/** Per-level sums of one least-squares step. */
class StepSums {
  a: Float64Array;
  t: Float64Array;
  tt: Float64Array;
  z: Float64Array;
  tz: Float64Array;
  constructor(levels: number) {
    this.a = new Float64Array(levels);
    this.t = new Float64Array(levels);
    this.tt = new Float64Array(levels);
    this.z = new Float64Array(levels);
    this.tz = new Float64Array(levels);
  }
  clear(levels: number): void {
    this.a.fill(0, 0, levels);
    this.t.fill(0, 0, levels);
    this.tt.fill(0, 0, levels);
    this.z.fill(0, 0, levels);
    this.tz.fill(0, 0, levels);
  }
}

export class GlmFit {
  converged = false;
  withTrend = false;
  iterations = 0;
  /** Intercept per level (log scale). */
  alpha: Float64Array;
  /** Trend per time point (log scale); 0 without trend. */
  beta = 0;
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
  /** Σ prior·(y·log y − y): the part of the deviance that does not depend on μ. */
  private devianceConstant = 0;
  /** Whether the fit could be computed at all (false when R's glm would fail or alias a column). */
  ok = true;
  // Two sets of step sums and working weights: the step being solved and the next one being accumulated.
  private sumsA: StepSums;
  private sumsB: StepSums;
  private weightsA: Float64Array;
  private weightsB: Float64Array;
  private alphaOld: Float64Array;
  // Per-level sufficient statistics of the levels-only fit.
  private levelPrior: Float64Array;
  private levelY: Float64Array;
  private levelYLogY: Float64Array;
  private expAlpha: Float64Array;

  constructor(capacity = 512, levels = 16) {
    this.mu = new Float64Array(capacity);
    this.priorWeights = new Float64Array(capacity);
    this.weightsA = new Float64Array(capacity);
    this.weightsB = new Float64Array(capacity);
    this.workingWeights = this.weightsA;
    this.alpha = new Float64Array(levels);
    this.alphaOld = new Float64Array(levels);
    this.levelWeight = new Float64Array(levels);
    this.levelMeanT = new Float64Array(levels);
    this.sumsA = new StepSums(levels);
    this.sumsB = new StepSums(levels);
    this.levelPrior = new Float64Array(levels);
    this.levelY = new Float64Array(levels);
    this.levelYLogY = new Float64Array(levels);
    this.expAlpha = new Float64Array(levels);
  }

  ensureCapacity(n: number, levels: number): void {
    if (this.mu.length < n) {
      const priorWeights = new Float64Array(n);
      priorWeights.set(this.priorWeights);
      this.priorWeights = priorWeights;
      this.mu = new Float64Array(n);
      this.weightsA = new Float64Array(n);
      this.weightsB = new Float64Array(n);
      this.workingWeights = this.weightsA;
    }
    if (this.alpha.length < levels) {
      this.alpha = new Float64Array(levels);
      this.alphaOld = new Float64Array(levels);
      this.levelWeight = new Float64Array(levels);
      this.levelMeanT = new Float64Array(levels);
      this.sumsA = new StepSums(levels);
      this.sumsB = new StepSums(levels);
      this.levelPrior = new Float64Array(levels);
      this.levelY = new Float64Array(levels);
      this.levelYLogY = new Float64Array(levels);
      this.expAlpha = new Float64Array(levels);
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
   * Fits the model to `input` with the prior weights already in `priorWeights`. Returns false (and clears `ok`)
   * when the model cannot be fitted the way R would (a level without positive weight, an unidentifiable trend, or
   * R's "no valid set of coefficients" failure).
   */
  fit(input: GlmInput, withTrend: boolean): boolean {
    this.ensureCapacity(input.n, input.levels);
    this.withTrend = withTrend;
    this.converged = false;
    this.ok = true;
    this.beta = 0;
    const ok =
      withTrend || input.offset !== null ? this.iterate(input, withTrend) : this.iterateLevels(input);
    if (!ok) {
      this.ok = false;
      return false;
    }
    this.summarise(input);
    return true;
  }

  /** The general IRLS loop: one fused pass per iteration. */
  private iterate(input: GlmInput, withTrend: boolean): boolean {
    const { n, y, yLogY, t, level, levels, offset } = input;
    const { mu, priorWeights: pw, alpha, alphaOld } = this;

    // Start (glm.fit: mustart = y + 0.1, eta = log(mustart), mu = linkinv(eta)) and the first step's sums.
    let sums = this.sumsA;
    let weights = this.weightsA;
    let nextSums = this.sumsB;
    let nextWeights = this.weightsB;
    sums.clear(levels);
    let devOld = 0;
    let constant = 0;
    for (let i = 0; i < n; i++) {
      const yi = y[i]!;
      const e = startEta(yi);
      const m = startMu(yi);
      mu[i] = m;
      const p = pw[i]!;
      devOld += yi > 0 ? p * (yLogY[i]! - yi * e - (yi - m)) : p * m;
      constant += p * (yLogY[i]! - yi);
      accumulate(sums, weights, i, p * m, offset === null ? e : e - offset[i]!, yi, m, t[i]!, level[i]!);
    }
    devOld *= 2;
    this.devianceConstant = constant;

    let betaOld = 0;
    let haveOld = false;
    let iter = 1;
    for (; iter <= MAX_ITERATIONS; iter++) {
      // Solve the step whose sums were just accumulated; its weights are R's model$weights if it is the last.
      this.workingWeights = weights;
      if (!this.solve(sums, levels, withTrend)) return false;
      nextSums.clear(levels);
      let dev = this.updateAndAccumulate(input, nextSums, nextWeights);
      if (!Number.isFinite(dev)) {
        // glm.fit: step halving towards the previous coefficients ("step size truncated due to divergence").
        if (!haveOld) return false;
        for (let halving = 1; !Number.isFinite(dev); halving++) {
          if (halving > MAX_ITERATIONS) return false;
          for (let l = 0; l < levels; l++) alpha[l] = (alpha[l]! + alphaOld[l]!) / 2;
          this.beta = (this.beta + betaOld) / 2;
          nextSums.clear(levels);
          dev = this.updateAndAccumulate(input, nextSums, nextWeights);
        }
      }
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < CONVERGENCE_EPSILON) {
        this.converged = true;
        break;
      }
      devOld = dev;
      alphaOld.set(alpha.subarray(0, levels));
      betaOld = this.beta;
      haveOld = true;
      [sums, nextSums] = [nextSums, sums];
      [weights, nextWeights] = [nextWeights, weights];
    }
    this.iterations = Math.min(iter, MAX_ITERATIONS);
    return true;
  }

  /** Weighted least squares from per-level sums; keeps what the covariance and hat values need. */
  private solve(sums: StepSums, levels: number, withTrend: boolean): boolean {
    const { alpha, levelWeight, levelMeanT } = this;
    let beta = 0;
    if (withTrend) {
      let sxx = 0;
      let sxz = 0;
      let stt = 0;
      for (let l = 0; l < levels; l++) {
        const a = sums.a[l]!;
        if (!(a > 0)) return false;
        sxx += sums.tt[l]! - (sums.t[l]! * sums.t[l]!) / a;
        sxz += sums.tz[l]! - (sums.t[l]! * sums.z[l]!) / a;
        stt += sums.tt[l]!;
      }
      // R's QR (glm.fit passes tolerance min(1e-7, epsilon/1000) = 1e-11 on column norms) would alias the trend.
      if (!(sxx > 1e-22 * stt)) return false;
      this.sxx = sxx;
      beta = sxz / sxx;
    }
    for (let l = 0; l < levels; l++) {
      const a = sums.a[l]!;
      if (!(a > 0)) return false;
      levelWeight[l] = a;
      levelMeanT[l] = sums.t[l]! / a;
      alpha[l] = (sums.z[l]! - beta * sums.t[l]!) / a;
    }
    this.beta = beta;
    return true;
  }

  /**
   * New μ from the coefficients, the deviance Σ 2·p·(y·log(y/μ) − (y − μ)) (non-finite when μ overflowed — R's
   * validmu check), and the next step's working weights and per-level sums, in one pass.
   */
  private updateAndAccumulate(input: GlmInput, sums: StepSums, weights: Float64Array): number {
    const { n, t, level, offset, y } = input;
    const { mu, alpha, priorWeights: pw } = this;
    const beta = this.beta;
    // Along consecutive weeks of one level, μ advances by the factor e^β: an exponential is taken only at the start
    // of each such run (and every 32 values, so rounding cannot build up: the product agrees with exp(η) to about
    // 1e-15). With a population offset, or an extreme β, exp(η) is taken for every value.
    const q = Math.exp(beta);
    const stepping = offset === null && q > 0 && q < Number.POSITIVE_INFINITY;
    let previousT = Number.NaN;
    let previousLevel = -1;
    let m = 0;
    let dev = 0;
    // Reference values come in time order, so levels come in runs: sum each run in registers and store it once.
    let run = n > 0 ? level[0]! : 0;
    let sa = 0;
    let st = 0;
    let stt = 0;
    let sz = 0;
    let stz = 0;
    for (let i = 0; i < n; i++) {
      const l = level[i]!;
      if (l !== run) {
        sums.a[run] = sums.a[run]! + sa;
        sums.t[run] = sums.t[run]! + st;
        sums.tt[run] = sums.tt[run]! + stt;
        sums.z[run] = sums.z[run]! + sz;
        sums.tz[run] = sums.tz[run]! + stz;
        sa = st = stt = sz = stz = 0;
        run = l;
      }
      const ti = t[i]!;
      const linear = alpha[l]! + beta * ti;
      const e = offset === null ? linear : linear + offset[i]!;
      if (stepping && l === previousLevel && ti === previousT + 1 && (i & 31) !== 0) m *= q;
      else m = Math.exp(e);
      previousT = ti;
      previousLevel = l;
      // The log link's floor: μ = max(e^η, DBL_EPSILON); then log μ is no longer η.
      let mi = m;
      let logMu = e;
      if (mi < DBL_EPSILON) {
        mi = DBL_EPSILON;
        logMu = LOG_DBL_EPSILON;
      }
      mu[i] = mi;
      const yi = y[i]!;
      const p = pw[i]!;
      // The deviance's μ-dependent part; Σ p·(y·log y − y) is added once (see `devianceConstant`).
      dev += p * (mi - yi * logMu);
      // Next step: weight prior·μ, working response z = η − offset + (y − μ)/μ.
      const w = p * mi;
      weights[i] = w;
      if (w > 0) {
        const z = linear + (yi - mi) / mi;
        const wt = w * ti;
        sa += w;
        st += wt;
        stt += wt * ti;
        sz += w * z;
        stz += wt * z;
      }
    }
    if (n > 0) {
      sums.a[run] = sums.a[run]! + sa;
      sums.t[run] = sums.t[run]! + st;
      sums.tt[run] = sums.tt[run]! + stt;
      sums.z[run] = sums.z[run]! + sz;
      sums.tz[run] = sums.tz[run]! + stz;
    }
    return 2 * (this.devianceConstant + dev);
  }

  /**
   * IRLS for α_l only (no trend, no offset). After the first step every μ in a level is the same, so the step
   * α_l ← α_l + (Σp·y − μ_l·Σp)/(μ_l·Σp) and the deviance need only per-level sums — glm.fit's iterates, computed
   * in O(levels) instead of O(n) per iteration.
   */
  private iterateLevels(input: GlmInput): boolean {
    const { n, y, yLogY, t, level, levels } = input;
    const { mu, priorWeights: pw, alpha, levelWeight, levelPrior, levelY, levelYLogY } = this;
    const sums = this.sumsA;
    const firstWeights = this.weightsA;
    sums.clear(levels);
    levelPrior.fill(0, 0, levels);
    levelY.fill(0, 0, levels);
    levelYLogY.fill(0, 0, levels);
    let devOld = 0;
    for (let i = 0; i < n; i++) {
      const yi = y[i]!;
      const e = startEta(yi);
      const m = startMu(yi);
      const p = pw[i]!;
      const l = level[i]!;
      devOld += yi > 0 ? p * (yLogY[i]! - yi * e - (yi - m)) : p * m;
      accumulate(sums, firstWeights, i, p * m, e, yi, m, t[i]!, l);
      levelPrior[l] = levelPrior[l]! + p;
      levelY[l] = levelY[l]! + p * yi;
      levelYLogY[l] = levelYLogY[l]! + p * yLogY[i]!;
    }
    devOld *= 2;
    // The first step starts from the observation-wise μ = y + 0.1.
    if (!this.solve(sums, levels, false)) return false;
    let iter = 1;
    for (; iter <= MAX_ITERATIONS; iter++) {
      if (iter > 1) {
        // Step from the current μ_l: weights prior·μ_l, working response α_l + (y − μ_l)/μ_l.
        for (let l = 0; l < levels; l++) {
          const a = levelMu(alpha[l]!) * levelPrior[l]!;
          if (!(a > 0)) return false;
          levelWeight[l] = a;
          alpha[l] = alpha[l]! + (levelY[l]! - a) / a;
        }
      }
      let dev = 0;
      for (let l = 0; l < levels; l++) {
        const e = alpha[l]!;
        let m = Math.exp(e);
        let logMu = e;
        if (m < DBL_EPSILON) {
          m = DBL_EPSILON;
          logMu = LOG_DBL_EPSILON;
        }
        dev += levelYLogY[l]! - logMu * levelY[l]! - levelY[l]! + m * levelPrior[l]!;
      }
      dev *= 2;
      if (!Number.isFinite(dev)) return false;
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < CONVERGENCE_EPSILON) {
        this.converged = true;
        break;
      }
      devOld = dev;
    }
    this.iterations = Math.min(iter, MAX_ITERATIONS);
    // Observation-wise state as glm.fit leaves it: the final μ, and the working weights of the last step
    // (prior·μ_l of the μ before that step, which is levelWeight/levelPrior).
    const lastStepWasFirst = iter === 1;
    const weights = lastStepWasFirst ? firstWeights : this.weightsB;
    const finalMu = this.expAlpha;
    for (let l = 0; l < levels; l++) finalMu[l] = levelMu(alpha[l]!);
    for (let i = 0; i < n; i++) {
      const l = level[i]!;
      mu[i] = finalMu[l]!;
      if (!lastStepWasFirst) weights[i] = pw[i]! * (levelWeight[l]! / levelPrior[l]!);
    }
    this.workingWeights = weights;
    return true;
  }

  /** summary.glm: dispersion = Σ w·((y − μ)/μ)² over positive working weights / (n.ok − rank). */
  private summarise(input: GlmInput): void {
    const { n, y } = input;
    const { mu, priorWeights: pw, workingWeights: ww } = this;
    let nGood = 0;
    let pearson = 0;
    let priorWeighted = 0;
    for (let i = 0; i < n; i++) {
      const r = (y[i]! - mu[i]!) / mu[i]!;
      const wi = ww[i]!;
      if (wi > 0) pearson += wi * r * r;
      const p = pw[i]!;
      if (p > 0) {
        priorWeighted += p * r * r;
        nGood++;
      }
    }
    this.dfResidual = nGood - (input.levels + (this.withTrend ? 1 : 0));
    this.dispersion = pearson / this.dfResidual;
    this.priorWeightedDispersion = priorWeighted / this.dfResidual;
  }
}

/** μ = max(e^η, DBL_EPSILON), the log link's inverse in R. */
function levelMu(e: number): number {
  const m = Math.exp(e);
  return m < DBL_EPSILON ? DBL_EPSILON : m;
}

/** Adds observation i to the next step: weight w = prior·μ, working response z = η − offset + (y − μ)/μ. */
function accumulate(
  sums: StepSums,
  weights: Float64Array,
  i: number,
  w: number,
  linear: number,
  y: number,
  m: number,
  t: number,
  l: number,
): void {
  weights[i] = w;
  if (w > 0) {
    const z = linear + (y - m) / m;
    const wt = w * t;
    sums.a[l] = sums.a[l]! + w;
    sums.t[l] = sums.t[l]! + wt;
    sums.tt[l] = sums.tt[l]! + wt * t;
    sums.z[l] = sums.z[l]! + w * z;
    sums.tz[l] = sums.tz[l]! + wt * z;
  }
}

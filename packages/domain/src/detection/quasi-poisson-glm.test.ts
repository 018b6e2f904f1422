import { describe, expect, it } from "vitest";
import { GlmFit, type GlmInput } from "./quasi-poisson-glm.ts";

// Reference: R 4.2.2 (`options(digits = 17)`):
//   y <- c(3,5,2,8,6,4,9,12,7,5,3,4); t <- 1:12; g <- factor(rep(c(1,2,3), 4))
//   pop <- c(100,110,120,130,100,110,120,130,100,110,120,130)
//   m <- glm(y ~ 1 + t + g + offset(log(pop)), family = quasipoisson)
//   m$iter; coef(m); summary(m)$dispersion; hatvalues(m)
//   predict.glm(m, data.frame(t = 13, g = factor(3, levels = 1:3), pop = 140), se.fit = TRUE, type = "link")
// Same IRLS iterations as glm.fit, so 1e-12 relative holds (observed: ~1e-15).
const y = [3, 5, 2, 8, 6, 4, 9, 12, 7, 5, 3, 4];
const pop = [100, 110, 120, 130, 100, 110, 120, 130, 100, 110, 120, 130];
const R = {
  iterations: 4,
  intercept: -3.0339115305180133,
  trend: 0.021412230942841934,
  g2: 0.014851175682028999,
  g3: -0.42884464055734961,
  dispersion: 1.4392028746136338,
  hat: [
    0.34656539540158315, 0.39721876754032442, 0.35990081132673624, 0.30163627177293506, 0.23614662910047135,
    0.24791794190098312, 0.28144340464667861, 0.30124473421048836, 0.23056393258720148, 0.41690555972271037,
    0.44832111362845084, 0.43213543816143685,
  ],
  predictionFit: 1.7572452537908863,
  predictionSe: 0.36870344524339393,
};

function input(centre: number, withOffset: boolean): GlmInput {
  const n = y.length;
  return {
    n,
    y: Float64Array.from(y),
    yLogY: Float64Array.from(y, (v) => (v > 0 ? v * Math.log(v) : 0)),
    t: Float64Array.from(y, (_, i) => i + 1 - centre),
    level: Int32Array.from(y, (_, i) => i % 3),
    levels: 3,
    offset: withOffset ? Float64Array.from(pop, Math.log) : null,
  };
}

const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

describe("quasi-Poisson log-linear GLM (IRLS as R's glm.fit)", () => {
  it("reproduces R's coefficients, iterations, dispersion, hat values and prediction", () => {
    const data = input(13, true);
    const fit = new GlmFit();
    fit.priorWeights.fill(1);
    expect(fit.fit(data, true)).toBe(true);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(R.iterations);
    // Level intercepts at t = 13 (our centring) map back to R's treatment contrasts.
    close(fit.beta, R.trend);
    close(fit.alpha[0]! - 13 * fit.beta, R.intercept);
    close(fit.alpha[1]! - fit.alpha[0]!, R.g2);
    close(fit.alpha[2]! - fit.alpha[0]!, R.g3);
    close(fit.dispersion, R.dispersion);
    R.hat.forEach((h, i) => {
      close(fit.hat(data, i), h);
    });
    // Prediction for level 3 at t = 13 with population 140.
    close(fit.alpha[2]! + Math.log(140), R.predictionFit);
    close(Math.sqrt(fit.predictionVariance(2) * fit.dispersion), R.predictionSe);
  });

  it("trend without offset, levels in runs of consecutive weeks with a gap (the run-wise exponential path)", () => {
    // R: g4 <- factor(rep(1:3, each = 4)); t2 <- c(1:6, 9:14); m <- glm(y ~ 1 + t2 + g4, family = quasipoisson)
    //    m$iter = 4; coef(m) = 1.164705085930696 0.13144031038282455 -0.13913490842966814 -1.2603358825523552
    //    summary(m)$dispersion = 1.0179977406163796; hatvalues(m)[c(1, 12)] = 0.26287919516013697 0.36167636775507722
    const times = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14];
    const data = {
      ...input(14, false),
      t: Float64Array.from(times, (x) => x - 14),
      level: Int32Array.from(times, (_, i) => Math.floor(i / 4)),
    };
    const fit = new GlmFit();
    fit.priorWeights.fill(1);
    expect(fit.fit(data, true)).toBe(true);
    expect(fit.iterations).toBe(4);
    close(fit.beta, 0.13144031038282455);
    close(fit.alpha[0]! - 14 * fit.beta, 1.164705085930696);
    close(fit.alpha[1]! - fit.alpha[0]!, -0.13913490842966814);
    close(fit.alpha[2]! - fit.alpha[0]!, -1.2603358825523552);
    close(fit.dispersion, 1.0179977406163796);
    close(fit.hat(data, 0), 0.26287919516013697);
    close(fit.hat(data, 11), 0.36167636775507722);
  });

  it("intercept-only with prior weights: R glm(y ~ 1, quasipoisson, weights = w)", () => {
    // R: m0 <- glm(y ~ 1, family = quasipoisson, weights = c(1,1,1,0.5,1,1,1,2,1,1,1,1))
    //    m0$iter = 4; coef(m0) = 1.8050046964649611; summary(m0)$dispersion = 1.9127391110018572
    const data = { ...input(0, false), level: new Int32Array(12), levels: 1 };
    const fit = new GlmFit();
    fit.priorWeights.set([1, 1, 1, 0.5, 1, 1, 1, 2, 1, 1, 1, 1]);
    expect(fit.fit(data, false)).toBe(true);
    expect(fit.iterations).toBe(4);
    close(fit.alpha[0]!, 1.8050046964649611);
    close(fit.dispersion, 1.9127391110018572);
  });

  it("all-zero counts: μ is floored at DBL_EPSILON; 35 values converge in 24 iterations, 230 do not in 25 (R)", () => {
    // R: glm(rep(0, 35) ~ 1, family = quasipoisson)$iter is 24 (converged); with rep(0, 230) glm warns
    // "algorithm did not converge" after 25.
    const zeros = (n: number): GlmInput => ({
      n,
      y: new Float64Array(n),
      yLogY: new Float64Array(n),
      t: new Float64Array(n),
      level: new Int32Array(n),
      levels: 1,
      offset: null,
    });
    const small = new GlmFit(512);
    small.priorWeights.fill(1);
    small.fit(zeros(35), false);
    expect(small.converged).toBe(true);
    expect(small.iterations).toBe(24);
    const large = new GlmFit(512);
    large.priorWeights.fill(1);
    large.fit(zeros(230), false);
    expect(large.converged).toBe(false);
  });
});

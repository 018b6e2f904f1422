/**
 * Synthetic surveillance series for the detection benchmark: reproducible from (seed, index), so the main thread,
 * the worker threads and R all see the same numbers without shipping them around.
 *
 * Weekly series: negative-binomial counts around a baseline level drawn log-uniformly between 0.05 and 200 cases a
 * week (mixed levels: from a small care home to a large hospital), with an annual cycle, a mild trend, and
 * occasional outbreaks. Daily series: Poisson counts around 0.2–8 a day with a weekly cycle and short bursts.
 */

/** Mulberry32: a small, fast 32-bit generator, good enough for test data. Returns uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedFor(seed: number, index: number, stream: number): number {
  let h =
    Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(index + 1, 0xc2b2ae35) ^
    Math.imul(stream, 0x27d4eb2f);
  h ^= h >>> 16;
  return h >>> 0;
}

function normal(u: () => number): number {
  // Box–Muller.
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
function gamma(shape: number, u: () => number): number {
  if (shape < 1) return gamma(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Poisson: inversion for small means, normal approximation (rounded, ≥ 0) for large ones. */
function poisson(mean: number, u: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = u();
  while (p > limit) {
    p *= u();
    k++;
  }
  return k;
}

/** Weekly counts, `weeks` long (the last is the week to evaluate). */
export function weeklySeries(seed: number, index: number, weeks: number): number[] {
  const u = mulberry32(seedFor(seed, index, 1));
  const level = Math.exp(Math.log(0.05) + u() * (Math.log(200) - Math.log(0.05)));
  const amplitude = u() * 0.8;
  const phase = u() * 2 * Math.PI;
  const trendPerYear = (u() - 0.5) * 0.3;
  const dispersion = 1 + u() * 2; // variance / mean
  const out: number[] = new Array(weeks);
  for (let t = 0; t < weeks; t++) {
    let mean =
      level * Math.exp(amplitude * Math.sin((2 * Math.PI * t) / 52 + phase) + (trendPerYear * t) / 52);
    if (u() < 0.01) mean *= 3 + u() * 5; // an outbreak week
    const size = mean / (dispersion - 1);
    out[t] = poisson(size > 0 ? gamma(size, u) * (dispersion - 1) : 0, u);
  }
  return out;
}

/** Daily counts for `days` days. */
export function dailySeries(seed: number, index: number, days: number): number[] {
  const u = mulberry32(seedFor(seed, index, 2));
  const level = 0.2 + u() * 7.8;
  const out: number[] = new Array(days);
  for (let t = 0; t < days; t++) {
    const weekday = t % 7;
    let mean = level * (weekday >= 5 ? 0.6 : 1.1);
    if (u() < 0.01) mean *= 3 + u() * 3;
    out[t] = poisson(mean, u);
  }
  return out;
}

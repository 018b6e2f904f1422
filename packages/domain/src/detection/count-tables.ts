/**
 * Per-count constants that the Farrington fit needs for every reference value of every series: y·log y (deviance),
 * y^(2/3) (Anscombe residuals), and glm.fit's starting point η = log(y + 0.1), μ = max(exp(η), DBL_EPSILON).
 * Counts are small integers, so they are tabulated once (0…4095) instead of recomputed with a logarithm or a power
 * per value; larger counts are computed on the spot with the same expressions.
 */
const SIZE = 4096;
const DBL_EPSILON = 2.220446049250313e-16;

const yLogYTable = new Float64Array(SIZE);
const yPow23Table = new Float64Array(SIZE);
const startEtaTable = new Float64Array(SIZE);
const startMuTable = new Float64Array(SIZE);
for (let y = 0; y < SIZE; y++) {
  yLogYTable[y] = y > 0 ? y * Math.log(y) : 0;
  yPow23Table[y] = y ** (2 / 3);
  startEtaTable[y] = Math.log(y + 0.1);
  startMuTable[y] = Math.max(Math.exp(startEtaTable[y]!), DBL_EPSILON);
}

/** y·log(y), 0 for y = 0. */
export function yLogY(y: number): number {
  return y < SIZE ? yLogYTable[y]! : y * Math.log(y);
}

/** y^(2/3). */
export function yPow23(y: number): number {
  return y < SIZE ? yPow23Table[y]! : y ** (2 / 3);
}

/** glm.fit's starting linear predictor for the Poisson family: log(y + 0.1). */
export function startEta(y: number): number {
  return y < SIZE ? startEtaTable[y]! : Math.log(y + 0.1);
}

/** glm.fit's starting mean: max(exp(log(y + 0.1)), DBL_EPSILON) (the log link's floor). */
export function startMu(y: number): number {
  return y < SIZE ? startMuTable[y]! : Math.max(Math.exp(Math.log(y + 0.1)), DBL_EPSILON);
}

import { DetectionInputError } from "./errors.ts";

/** Throws unless every count is a finite non-negative integer (cases per day or per week). */
export function assertCounts(observed: readonly number[], field = "observed"): void {
  if (!Array.isArray(observed)) throw new DetectionInputError(field, "must be an array of counts");
  for (let i = 0; i < observed.length; i++) {
    const x = observed[i];
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0) {
      throw new DetectionInputError(
        `${field}[${i}]`,
        `counts must be non-negative integers (got ${String(x)})`,
      );
    }
  }
}

/** Throws unless `control` has only the listed keys (a misspelt option must not be silently ignored). */
export function assertKnownKeys(control: object, known: readonly string[], field = "control"): void {
  for (const key of Object.keys(control)) {
    if (!known.includes(key)) {
      throw new DetectionInputError(`${field}.${key}`, `unknown control key (known: ${known.join(", ")})`);
    }
  }
}

export function assertInteger(
  value: unknown,
  field: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const bound = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `between ${min} and ${max}`;
    throw new DetectionInputError(field, `must be an integer ${bound} (got ${String(value)})`);
  }
  return value;
}

export function assertFinite(
  value: unknown,
  field: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    const bound = max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `between ${min} and ${max}`;
    throw new DetectionInputError(field, `must be a number ${bound} (got ${String(value)})`);
  }
  return value;
}

/** A probability strictly between 0 and 1 (a significance level such as `alpha`). */
export function assertProbability(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new DetectionInputError(field, `must be a number strictly between 0 and 1 (got ${String(value)})`);
  }
  return value;
}

export function assertBoolean(value: unknown, field: string): boolean {
  if (typeof value !== "boolean")
    throw new DetectionInputError(field, `must be true or false (got ${String(value)})`);
  return value;
}

/** 1-based time indices inside a series of `n` points. */
export function assertRange(range: unknown, n: number, field = "control.range"): number[] {
  if (!Array.isArray(range)) throw new DetectionInputError(field, "must be an array of 1-based time indices");
  const out: number[] = new Array(range.length);
  for (let i = 0; i < range.length; i++) {
    const k = range[i];
    if (typeof k !== "number" || !Number.isInteger(k) || k < 1 || k > n) {
      throw new DetectionInputError(
        `${field}[${i}]`,
        `must be a 1-based time index between 1 and ${n}, the length of the series (got ${String(k)})`,
      );
    }
    out[i] = k;
  }
  return out;
}

/**
 * The one error type of the detection engine: input that the algorithms cannot evaluate. It names the offending
 * field (`observed[12]`, `control.range`, `control.thresholdMethod`…) so the CLI and the API can say exactly what to
 * fix. The engine never answers bad input with NaN: it throws this instead.
 */
export class DetectionInputError extends Error {
  override readonly name = "DetectionInputError";
  /** Stable identifier for callers that map errors (the API answers it as a 400). */
  readonly id = "detection.invalid_input";

  constructor(
    /** Path of the bad field, e.g. `observed[3]` or `control.range`. */
    readonly field: string,
    /** What is wrong with it, in plain words. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

import type { FieldError } from "./types.ts";

/** A 4xx or 5xx answer of the Mamori API, carrying its stable error id and, for validation, the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly id: string;
  readonly fields: FieldError[];
  /** Seconds to wait, from a Retry-After header (rate limiting). */
  readonly retryAfterS: number | null;

  constructor(
    status: number,
    id: string,
    message: string,
    fields: FieldError[] = [],
    retryAfterS: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.id = id;
    this.fields = fields;
    this.retryAfterS = retryAfterS;
  }
}

/** The request never got an answer: the device is offline, the server is down, or the connection dropped. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NetworkError";
  }
}

/** Whether a failure may go away by sending the same request again later. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return false;
}

/** The index `i` of paths like `observations[2].tempC` or `rows[3].kind`, or null. */
export function indexOfPath(path: string, collection: string): number | null {
  const match = new RegExp(`^${collection}\\[(\\d+)\\]`).exec(path);
  return match ? Number(match[1]) : null;
}

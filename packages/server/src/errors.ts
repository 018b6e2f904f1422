/**
 * The one error module of the server: every expected failure is an AppError with an HTTP status and a stable id that
 * clients switch on. Anything else is answered as a plain 500 by the global handler in app.ts.
 */
import type { FieldErrorCode, FieldError as SentFieldError } from "@mamori/contract/errors";

/**
 * A problem with one field as a handler writes it: its path as clients write it (`observations[2].tempC`), a message,
 * and the contract's code where a client should say more than "invalid" (`{code: "too_long", params: {max: 20000}}`).
 * Without a code it is sent as `invalid` with its message.
 */
export type FieldError = Omit<SentFieldError, "code"> & { code?: FieldErrorCode };

const withCode = (fields: FieldError[]): SentFieldError[] =>
  fields.map((f) => ({ ...f, code: f.code ?? "invalid" }));

export class AppError extends Error {
  readonly fields?: SentFieldError[];
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    fields?: FieldError[],
  ) {
    super(message);
    this.fields = fields && withCode(fields);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in first.");
export const forbidden = () => new AppError(403, "forbidden", "Your role may not do this.");
/** Also the answer for records of another organisation, so nobody learns that they exist. */
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found.`);
export const conflict = (message: string, fields?: FieldError[]) =>
  new AppError(409, "conflict", message, fields);
/**
 * An id that several facilities sending to one office use, named without the facility: the caller names one with
 * `?facility=` (field `facility`, code `ambiguous_id`, `params.facilities`: those the caller may see).
 */
export const ambiguousId = (what: string, facilities: { id: string; name: string }[]) =>
  new AppError(
    409,
    "ambiguous_id",
    `${what} id is used by ${facilities.length} facilities; name one with ?facility=.`,
    [{ path: "facility", code: "ambiguous_id", message: "name the facility", params: { facilities } }],
  );
export const validationFailed = (fields: FieldError[]) =>
  new AppError(400, "validation_failed", `Invalid input: ${fields.map((f) => f.path).join(", ")}`, fields);

/** Formats a zod issue path as clients write it: `observations[2].tempC`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/**
 * The one error module of the server: every expected failure is an AppError with an HTTP status and a stable id that
 * clients switch on. Anything else is answered as a plain 500 by the global handler in app.ts.
 */
/**
 * A problem with one field: its path as clients write it (`observations[2].tempC`), a message, and where known a
 * stable code with its parameters that a client can translate (`{code: "too_long", params: {max: 20000}}`).
 */
export type FieldError = { path: string; message: string; code?: string; params?: Record<string, unknown> };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in first.");
export const forbidden = () => new AppError(403, "forbidden", "Your role may not do this.");
/** Also the answer for records of another organisation, so nobody learns that they exist. */
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found.`);
export const conflict = (message: string, fields?: FieldError[]) =>
  new AppError(409, "conflict", message, fields);
export const validationFailed = (fields: FieldError[]) =>
  new AppError(400, "validation_failed", `Invalid input: ${fields.map((f) => f.path).join(", ")}`, fields);

/** Formats a zod issue path as clients write it: `observations[2].tempC`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

import { AppError } from "../errors.ts";

/**
 * What a database failure means for the caller. The schemas at the edge refuse bad input with the field named; these
 * are the safety net behind them, so that a value PostgreSQL refuses, a race on a unique key or a lost connection is
 * never answered as a 500.
 */
export type DatabaseFailure = "unavailable" | "conflict" | "invalid_value" | "read_only";

// SQLSTATE classes and codes, PostgreSQL manual appendix A.
const UNAVAILABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const INVALID_VALUE_CODES = new Set([
  "22001", // string_data_right_truncation
  "22003", // numeric_value_out_of_range
  "22007", // invalid_datetime_format
  "22008", // datetime_field_overflow
  "22021", // character_not_in_repertoire
  "22P02", // invalid_text_representation
  "22P05", // untranslatable_character
  "54000", // program_limit_exceeded
]);
const NETWORK_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);
const CONNECTION_MESSAGES = [
  "Connection terminated",
  "connection timeout",
  "Client has encountered a connection error",
  "Cannot use a pool after calling end",
  "timeout exceeded when trying to connect",
];

/** Classifies an error thrown by a query (Drizzle wraps the driver's error in `cause`). */
export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (code === "23505") return "conflict";
      if (code === "25006") return "read_only";
      if (INVALID_VALUE_CODES.has(code)) return "invalid_value";
      if (UNAVAILABLE_CODES.has(code) || NETWORK_ERRORS.has(code)) return "unavailable";
    }
    if (typeof message === "string" && CONNECTION_MESSAGES.some((m) => message.includes(m)))
      return "unavailable";
  }
  return undefined;
}

/** The answer for a classified database failure. */
export function databaseFailureError(failure: DatabaseFailure): AppError {
  switch (failure) {
    case "unavailable":
      return new AppError(
        503,
        "database_unavailable",
        "The database cannot be reached just now. Try again shortly.",
      );
    case "read_only":
      return new AppError(
        503,
        "database_read_only",
        "The database accepts no changes just now. Try again shortly.",
      );
    case "conflict":
      return new AppError(
        409,
        "conflict",
        "Another request changed the same record at the same time. Reload and try again.",
      );
    case "invalid_value":
      return new AppError(400, "invalid_value", "A value is outside what can be stored.");
  }
}

import type { FieldError } from "../errors.ts";
import { validationFailed } from "../errors.ts";

/**
 * The longest text any JSON field may carry. Free-text notes and minutes stay far below it; a longer value is refused
 * before any schema, lookup or fuzzy match spends time on it.
 */
export const MAX_TEXT_LENGTH = 20_000;

/**
 * The most items any JSON list may hold. The longest lists Mamori takes (an observation batch, a bath day's people) stay
 * at 500; a longer list is refused before a schema reports each of its items one by one.
 */
export const MAX_LIST_ITEMS = 1_000;

/**
 * Checks every string of a parsed request part (body, query or params) for what PostgreSQL cannot store or what only
 * an attacker sends: a NUL character (PostgreSQL text refuses it), an unpaired UTF-16 surrogate (it cannot be encoded
 * and would be stored altered, so an identical resend would no longer compare equal), and a text longer than
 * MAX_TEXT_LENGTH; and a list longer than MAX_LIST_ITEMS. Returns one field error per bad string or list, named as
 * clients write paths (`observations[2].note`).
 */
export function findBadStrings(value: unknown, path = "", found: FieldError[] = []): FieldError[] {
  if (found.length >= 20) return found;
  // A file sent as it is (an uploaded .xlsx) holds bytes, not text.
  if (Buffer.isBuffer(value)) return found;
  if (typeof value === "string") {
    const problem = stringProblem(value);
    if (problem) found.push({ path: path || "body", ...problem });
  } else if (Array.isArray(value) && value.length > MAX_LIST_ITEMS) {
    found.push({
      path: path || "body",
      code: "too_many",
      message: `more than ${MAX_LIST_ITEMS} items`,
      params: { max: MAX_LIST_ITEMS },
    });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      findBadStrings(item, `${path}[${index}]`, found);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = stringProblem(key);
      const keyPath = keyProblem ? `${path}${path ? "." : ""}?` : `${path}${path ? "." : ""}${key}`;
      if (keyProblem) found.push({ path: keyPath, ...keyProblem });
      else findBadStrings(item, keyPath, found);
    }
  }
  return found;
}

function stringProblem(text: string): Omit<FieldError, "path"> | undefined {
  if (text.length > MAX_TEXT_LENGTH)
    return {
      code: "too_long",
      message: `longer than ${MAX_TEXT_LENGTH} characters`,
      params: { max: MAX_TEXT_LENGTH },
    };
  if (text.includes("\u0000")) return { code: "nul_character", message: "contains a NUL character" };
  if (!text.isWellFormed()) return { code: "unpaired_surrogate", message: "contains an unpaired surrogate" };
  return undefined;
}

/** Throws a 400 naming every bad string of the request's body, query and route parameters. */
export function assertCleanInput(request: { body?: unknown; query?: unknown; params?: unknown }): void {
  const found = [
    ...findBadStrings(request.params).map((f) => ({ ...f, path: `params.${f.path}` })),
    ...findBadStrings(request.query).map((f) => ({ ...f, path: `query.${f.path}` })),
    ...findBadStrings(request.body),
  ];
  if (found.length > 0) throw validationFailed(found);
}

import type { z } from "zod";

/**
 * Messages that name the field: `observations[3].tempC: expected a number between 30 and 45`
 * (contracts/evaluate.md). Used for rule profiles here and for scenario files by the CLI.
 */

/**
 * Formats a zod issue path as `a.b[3].c`.
 *
 * @example formatIssuePath(["observations", 3, "tempC"]) // "observations[3].tempC"
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text.length === 0 ? String(key) : `.${String(key)}`;
  }
  return text;
}

/**
 * One line for one issue, naming its field; unknown fields are named as fields of their own.
 *
 * @example describeIssue({ code: "unrecognized_keys", keys: ["temp"], path: ["observations", 0], message: "" })
 * // 'observations[0].temp: unknown field'
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return `${formatIssuePath([...issue.path, key])}: unknown field`;
  }
  const path = formatIssuePath(issue.path);
  return path.length > 0 ? `${path}: ${issue.message}` : issue.message;
}

/**
 * The line for the first issue of a failed parse.
 *
 * @example firstIssueMessage(schema.safeParse(value).error!) // "criteria.default.B.minPersons: expected …"
 */
export function firstIssueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? describeIssue(issue) : "invalid input";
}

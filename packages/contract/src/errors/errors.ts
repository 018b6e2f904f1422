/**
 * Field errors of the Mamori API: `{path, code, params, message}`. Clients translate by `code` (with `params`), never by
 * matching the English `message`, which is there for logs and for people reading the API by hand.
 */
export const FIELD_ERROR_CODES = [
  /** Missing, or an empty string where text is required. */
  "required",
  /** Text longer than `params.max` characters. */
  "too_long",
  /** Text shorter than `params.min` characters. */
  "too_short",
  /** A number above `params.max` (`params.inclusive` false: at or above). */
  "too_big",
  /** A number below `params.min`. */
  "too_small",
  /** A list of more than `params.max` items. */
  "too_many",
  /** A list of fewer than `params.min` items. */
  "too_few",
  /** Not a multiple of `params.divisor` (e.g. temperatures to one decimal: 0.1). */
  "not_multiple_of",
  /** Of the wrong type (`params.expected`). */
  "invalid_type",
  /** Text that does not match the format `params.format` (uuid, date, datetime, regex …). */
  "invalid_format",
  /** Not one of the allowed values (`params.values` where known). */
  "invalid_option",
  /** A key the schema does not know (`params.keys`). */
  "unknown_key",
  /** Text with a NUL character. */
  "nul_character",
  /** Text with an unpaired surrogate (broken Unicode). */
  "unpaired_surrogate",
  /** The username is taken by another account. */
  "taken",
  /** The current password given is not the user's. */
  "wrong_password",
  /** A wrong or already used second-factor code. */
  "wrong_code",
  /** A second-factor code was sent when none is expected. */
  "not_expected",
  /** The organisation's last administrator cannot lose the role. */
  "last_administrator",
  /** An upload that is not an .xlsx workbook. */
  "not_xlsx",
  /** An upload above `params.max` bytes. */
  "too_large",
  /** A report form with defined names Mamori does not know (`params.names`). */
  "unknown_names",
  /** A report form without defined names. */
  "no_names",
  /** The record changed since it was read (`version` is stale): read it again. */
  "stale_version",
  /** A CRE case was already notified to the health centre. */
  "already_sent",
  /** A CRE case that is not (or not yet) notifiable. */
  "not_notifiable",
  /** The hospital has no health centre to notify. */
  "no_health_centre",
  /**
   * An office named a report or notification by an id that several of the facilities sending to it use: name the
   * facility (`?facility=`); `params.facilities` lists them (`[{id, name}]`).
   */
  "ambiguous_id",
  /** No second-factor set-up is under way. */
  "no_enrolment",
  /** The account has no second factor. */
  "no_second_factor",
  /** The role and organisation require a second factor. */
  "second_factor_required",
  /** A questionnaire item Mamori does not know. */
  "unknown_item",
  /** The same person cannot make both entries of a double entry. */
  "same_person",
  /** Questionnaire answers (@mamori/domain/questionnaire `InvalidAnswer`): an item that takes no answer. */
  "not_a_question",
  /** More answers than the item takes. */
  "too_many_answers",
  /** An answer of the wrong type for the item. */
  "wrong_type",
  /** An answer that is not one of the item's options. */
  "not_an_option",
  /** A constraint of the questionnaire; `message` is its text. */
  "constraint",
  /** Any other rule of the field; `message` says which (clients may match known messages for a better text). */
  "invalid",
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** One field at fault: its path as clients write it (`observations[2].tempC`), a code, its parameters, and a message. */
export type FieldError = {
  path: string;
  code: FieldErrorCode;
  params?: Record<string, unknown>;
  message: string;
};

/** The body of every 4xx and 5xx answer: a stable id, an English message, and for 400/409 the fields at fault. */
export type ErrorBody = { error: { id: string; message: string; fields?: FieldError[] } };

/** What a zod issue carries besides its path and message (zod 4's issue shapes, loosely). */
export type IssueDetails = {
  code: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  divisor?: number;
  values?: readonly unknown[];
  keys?: readonly string[];
  input?: unknown;
  params?: Record<string, unknown>;
  message?: string;
};

const num = (value: number | bigint | undefined) => (typeof value === "bigint" ? Number(value) : value);

/** The contract's code and parameters for a zod issue. */
export function codeOfIssue(issue: IssueDetails): Pick<FieldError, "code" | "params"> {
  const list = issue.origin === "array" || issue.origin === "set";
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return { code: "too_long", params: { max: num(issue.maximum) } };
      return {
        code: list ? "too_many" : "too_big",
        params: { max: num(issue.maximum), inclusive: issue.inclusive ?? true },
      };
    case "too_small":
      if (issue.origin === "string")
        return num(issue.minimum) === 1
          ? { code: "required" }
          : { code: "too_short", params: { min: num(issue.minimum) } };
      return {
        code: list ? "too_few" : "too_small",
        params: { min: num(issue.minimum), inclusive: issue.inclusive ?? true },
      };
    case "invalid_type":
      // zod says "received undefined" for a missing field (the input itself is not reported).
      return issue.message?.endsWith("received undefined")
        ? { code: "required" }
        : { code: "invalid_type", params: { expected: issue.expected } };
    case "invalid_format":
      return { code: "invalid_format", params: { format: issue.format } };
    case "invalid_value":
    case "invalid_union":
      return issue.values
        ? { code: "invalid_option", params: { values: issue.values } }
        : { code: "invalid_option" };
    case "not_multiple_of":
      return { code: "not_multiple_of", params: { divisor: num(issue.divisor) } };
    case "unrecognized_keys":
      return { code: "unknown_key", params: { keys: issue.keys } };
    case "custom": {
      const code = issue.params?.code;
      return typeof code === "string" && (FIELD_ERROR_CODES as readonly string[]).includes(code)
        ? { code: code as FieldErrorCode }
        : { code: "invalid" };
    }
    default:
      return { code: "invalid" };
  }
}

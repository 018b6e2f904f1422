import type { TFunction } from "i18next";
import { ApiError } from "../../api/errors.ts";
import type { FieldError } from "../../api/types.ts";
import type { Lang } from "../../lib/labels.ts";
import { fieldErrorMessage } from "../../lib/server-messages.ts";

// The server names fields and says what is wrong in English (docs/api.md); the records screens say it in plain
// Japanese under the field concerned.

type MessageKey =
  | "beforeOnset"
  | "beforeStart"
  | "diseaseCode"
  | "dayFormat"
  | "unknownPerson"
  | "alreadyRecorded"
  | "choose"
  | "tooMany"
  | "required"
  | "unknownProfile"
  | "future"
  | "diseaseOrGroup";

const RULES: [RegExp, MessageKey][] = [
  [/must not be before the onset/, "beforeOnset"],
  [/must not be before the start/, "beforeStart"],
  [/must not be in the future/, "future"],
  [/^name a disease, or the group/, "diseaseOrGroup"],
  [/disease code/, "diseaseCode"],
  [/expected a day as YYYY-MM-DD/, "dayFormat"],
  [/^unknown person/, "unknownPerson"],
  [/already recorded/, "alreadyRecorded"],
  [/^Invalid (option|UUID)/, "choose"],
  [/^Too big: expected array/, "tooMany"],
  [/^(Too small: expected string|Invalid input: expected string)/, "required"],
  [/^one of /, "unknownProfile"],
];

/** A server message about a field, in the user's language. */
export function recordFieldMessage(t: TFunction<"alerts">, lang: Lang, field: FieldError): string {
  for (const [pattern, key] of RULES) {
    if (pattern.test(field.message)) return t(`serverMessages.${key}`);
  }
  return fieldErrorMessage(field, lang);
}

/** The field errors of a failed save, by path (`onsetDate`, `outcomes[1].date`); empty for other failures. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.fields : [];
}

import type { TFunction } from "i18next";
import { ApiError, NetworkError } from "../api/errors.ts";
import type { FieldError } from "../api/types.ts";
import { ja } from "../i18n/ja.ts";
import { asLang } from "./labels.ts";
import { fieldErrorMessage } from "./server-messages.ts";

/** A plain sentence for a failed call, in the user's language; never a stack trace. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t("errors.network");
  if (error instanceof ApiError) {
    if (error.status >= 500) return t("errors.server");
    if (error.status === 403) return t("errors.forbidden");
    if (error.status === 404) return t("errors.notFound");
    if (error.status === 409) return t("errors.conflict");
    if (error.status === 400) return t("errors.validation");
    return t("errors.generic", { id: error.id });
  }
  return t("errors.generic", { id: "unknown" });
}

/** The name of a field for a path such as `observations[2].tempC` or `rows[3].kind`: its last part, translated. */
export function fieldName(t: TFunction, path: string): string {
  const last =
    path
      .split(".")
      .at(-1)
      ?.replace(/\[\d+\]$/, "") ?? path;
  return last in ja.fields ? t(`fields.${last as keyof typeof ja.fields}`) : last;
}

/** "種別: 種別「入居者」は使えません…" — a field error with its field name and message in the user's language. */
export function fieldErrorText(t: TFunction, lang: string, field: FieldError): string {
  return `${fieldName(t, field.path)}: ${fieldErrorMessage(field, asLang(lang))}`;
}

import { useTranslation } from "react-i18next";
import { ApiError } from "../api/errors.ts";
import { errorText, fieldErrorText } from "../lib/error-text.ts";
import { asLang } from "../lib/labels.ts";
import { fieldErrorMessage } from "../lib/server-messages.ts";

/** The field errors of a failed save that name `path` (400 validation, or 409 for a taken username). */
function fieldsAt(error: unknown, path: string) {
  return error instanceof ApiError ? error.fields.filter((f) => f.path === path) : [];
}

/** The `aria-describedby` of an input whose FieldMessage shows, so a screen reader reads the problem with it. */
export function describedBy(error: unknown, path: string, local?: string | null): string | undefined {
  return (local ?? null) !== null || fieldsAt(error, path).length > 0 ? `${path}-error` : undefined;
}

/**
 * What is wrong with one field, under it: the form's own check first (already in the user's words), else what the
 * server said about that field, in the user's language.
 */
export function FieldMessage({
  error,
  path,
  local,
}: {
  error: unknown;
  path: string;
  local?: string | null;
}) {
  const { i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const server = fieldsAt(error, path)[0];
  const text = local ?? (server ? fieldErrorMessage(server, lang) : null);
  if (text === null) return null;
  return (
    <span className="field-error" id={`${path}-error`} data-testid={`field-error-${path}`}>
      {text}
    </span>
  );
}

/**
 * Why a save failed, above the buttons: the reason in plain words, and any field the server named that the form has
 * no place for. Fields shown beside their input (`shownPaths`) are not repeated.
 */
export function FormProblem({ error, shownPaths }: { error: unknown; shownPaths: readonly string[] }) {
  const { t, i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  const others = fields.filter((f) => !shownPaths.includes(f.path));
  // A refusal about fields (a 400, or a 409 for a taken username) is explained beside them: here only "check them".
  const aboutFields = fields.length > 0 && others.length === 0;
  return (
    <div className="notice notice--error" role="alert" data-testid="form-problem">
      <p>{aboutFields ? t("errors.validation") : errorText(t, error)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((f) => (
            <li key={`${f.path}:${f.message}`}>{fieldErrorText(t, i18n.language, f)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

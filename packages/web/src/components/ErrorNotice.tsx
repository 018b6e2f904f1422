import { useTranslation } from "react-i18next";
import { ApiError } from "../api/errors.ts";
import { errorText, fieldErrorText } from "../lib/error-text.ts";

/** A failed call in plain words, and for a 400 each field the server named. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice">
      <p>{errorText(t, error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>{fieldErrorText(t, i18n.language, f)}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  );
}

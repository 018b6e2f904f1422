import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/errors.ts";
import { alertsJa } from "../../i18n/alerts.ja.ts";
import { errorText } from "../../lib/error-text.ts";
import { asLang } from "../../lib/labels.ts";
import { recordFieldMessage } from "./record-errors.ts";

interface Props {
  error: unknown;
  /** Paths the form shows under their own field; any other field the server names is listed here. */
  shownPaths: RegExp;
}

/** Why a save failed, in plain words: "check the fields" for a 400 (each named under its field), else the reason. */
export function FormError({ error, shownPaths }: Props) {
  const { t, i18n } = useTranslation("alerts");
  const { t: tApp } = useTranslation();
  if (error === null || error === undefined) return null;
  const lang = asLang(i18n.language);
  const fields = error instanceof ApiError ? error.fields : [];
  const others = fields.filter((f) => !shownPaths.test(f.path));
  const fieldName = (path: string) => {
    const last =
      path
        .split(".")
        .at(-1)
        ?.replace(/\[\d+\]$/, "") ?? path;
    return last in alertsJa.fields ? t(`fields.${last as keyof typeof alertsJa.fields}`) : last;
  };
  return (
    <div className="notice notice--error form-wide" role="alert" data-testid="form-error">
      <p>
        {error instanceof ApiError && error.status === 400
          ? t("records.checkFields")
          : errorText(tApp, error)}
      </p>
      {others.length > 0 && (
        <ul>
          {others.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              {fieldName(f.path)}: {recordFieldMessage(t, lang, f)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { asLang } from "../../lib/labels.ts";
import { fieldErrorsOf, recordFieldMessage } from "./record-errors.ts";

/**
 * The save of a record form: `submit` runs `save`, shows the form busy meanwhile, and keeps what went wrong (shown by
 * RecordFieldProblem under each field and FormError above the buttons) until the next try.
 */
export function useRecordSave(save: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

/** What the server said about the field(s) at `at` (a path, or a test of paths), in the user's words. */
export function RecordFieldProblem({
  error,
  at,
}: {
  error: unknown;
  at: string | ((path: string) => boolean);
}) {
  const { t, i18n } = useTranslation("alerts");
  const lang = asLang(i18n.language);
  const found = fieldErrorsOf(error).filter((f) => (typeof at === "string" ? f.path === at : at(f.path)));
  if (found.length === 0) return null;
  return (
    <span className="field-error" data-testid="field-error">
      {found.map((f) => recordFieldMessage(t, lang, f)).join(" / ")}
    </span>
  );
}

/** Cancel and save under a record form; the save button waits while the form is busy. */
export function RecordFormActions({
  busy,
  saveTestId,
  onCancel,
}: {
  busy: boolean;
  saveTestId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation("alerts");
  return (
    <div className="form-actions">
      <button type="button" className="btn" onClick={onCancel}>
        {t("records.cancel")}
      </button>
      <button type="submit" className="btn btn-primary" data-testid={saveTestId} disabled={busy}>
        {busy ? t("records.saving") : t("records.save")}
      </button>
    </div>
  );
}

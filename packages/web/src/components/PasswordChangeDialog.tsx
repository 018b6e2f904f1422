import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/errors.ts";
import { errorText } from "../lib/error-text.ts";
import { useApi } from "../state/ApiContext.tsx";
import { Dialog } from "./Dialog.tsx";

const MIN_LENGTH = 10;

/**
 * The signed-in person changes their own password: the current one, then the new one twice. The server ends their
 * sessions on other devices; this one stays signed in.
 */
export function PasswordChangeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const nextProblem = !checked
    ? null
    : next.length < MIN_LENGTH
      ? t("password.tooShort", { count: MIN_LENGTH })
      : next === current
        ? t("password.same")
        : null;
  const againProblem = checked && again !== next ? t("password.mismatch") : null;
  const wrongCurrent =
    error instanceof ApiError && error.fields.some((f) => f.path === "currentPassword")
      ? t("password.wrongCurrent")
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (current === "" || next.length < MIN_LENGTH || next === current || again !== next) return;
    setSaving(true);
    setError(null);
    try {
      await api.changePassword(current, next);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={t("password.title")}
      onClose={onClose}
      closeLabel={t("password.close")}
      testId="password-dialog"
    >
      {done ? (
        <div>
          <p className="notice" role="status" data-testid="password-changed">
            {t("password.changed")}
          </p>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t("password.close")}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <label className="field">
            <span className="field-label">{t("password.current")}</span>
            <input
              type="password"
              autoComplete="current-password"
              data-testid="password-current"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              aria-invalid={wrongCurrent !== null}
            />
            {wrongCurrent && <span className="field-error">{wrongCurrent}</span>}
          </label>
          <label className="field">
            <span className="field-label">{t("password.new")}</span>
            <input
              type="password"
              autoComplete="new-password"
              data-testid="password-new"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              aria-invalid={nextProblem !== null}
            />
            <span className="hint">{t("password.hint", { count: MIN_LENGTH })}</span>
            {nextProblem && <span className="field-error">{nextProblem}</span>}
          </label>
          <label className="field">
            <span className="field-label">{t("password.again")}</span>
            <input
              type="password"
              autoComplete="new-password"
              data-testid="password-again"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              aria-invalid={againProblem !== null}
            />
            {againProblem && <span className="field-error">{againProblem}</span>}
          </label>
          {error !== null && wrongCurrent === null && (
            <p className="notice notice--error" role="alert">
              {errorText(t, error)}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={saving} data-testid="password-submit">
            {t("password.submit")}
          </button>
        </form>
      )}
    </Dialog>
  );
}

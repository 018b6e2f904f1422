import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/errors.ts";
import { LanguageSwitch } from "../../components/LanguageSwitch.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useSession } from "../../state/SessionProvider.tsx";
import "./second-factor.css";

/**
 * The second step of sign-in, after a right password: the 6-digit number of the authenticator app, or one of the
 * recovery codes when the phone is not at hand.
 */
export function SecondStepPage() {
  const { t } = useTranslation("secondFactor");
  const { t: tc } = useTranslation();
  const api = useApi();
  const { adopt, signOut } = useSession();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === "") return;
    setBusy(true);
    setMessage(null);
    try {
      adopt(await api.verifySecondFactor(code.trim()));
    } catch (error) {
      setCode("");
      if (error instanceof ApiError && error.status === 400) setMessage(t("step.wrong"));
      else if (error instanceof ApiError && error.status === 429)
        setMessage(
          t("step.rateLimited", { minutes: Math.max(1, Math.ceil((error.retryAfterS ?? 900) / 60)) }),
        );
      else if (error instanceof ApiError && error.status === 401) {
        setMessage(t("step.expired"));
        globalThis.setTimeout(() => void signOut(), 2500);
      } else setMessage(errorText(tc, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={submit} noValidate data-testid="second-step">
        <h1 className="signin-brand">{tc("app.name")}</h1>
        <h2>{t("step.title")}</h2>
        <p>{recovery ? t("step.recoveryLead") : t("step.lead")}</p>
        <label className="field" htmlFor="second-step-input">
          <span className="field-label">{recovery ? t("step.recovery") : t("step.code")}</span>
          {recovery ? (
            <input
              key="recovery"
              id="second-step-input"
              data-testid="second-step-recovery"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          ) : (
            <input
              key="code"
              id="second-step-input"
              className="code-input"
              data-testid="second-step-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              // biome-ignore lint/a11y/noAutofocus: the only field of this step, reached right after the password.
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
            />
          )}
        </label>
        {message && (
          <p className="notice notice--error" role="alert" data-testid="second-step-error">
            {message}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="second-step-submit"
          disabled={busy}
        >
          {busy ? t("step.submitting") : t("step.submit")}
        </button>
        <button
          type="button"
          className="link-button"
          data-testid="second-step-toggle"
          onClick={() => {
            setRecovery(!recovery);
            setCode("");
            setMessage(null);
          }}
        >
          {recovery ? t("step.useApp") : t("step.useRecovery")}
        </button>
        <br />
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t("step.cancel")}
        </button>
      </form>
    </main>
  );
}

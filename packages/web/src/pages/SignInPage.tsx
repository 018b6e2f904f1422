import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/errors.ts";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { errorText } from "../lib/error-text.ts";
import { useSession } from "../state/SessionProvider.tsx";

/** Username and password; plain words for a wrong password and for too many attempts. */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === "" || password === "") {
      setMessage(t("signIn.required"));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      setPassword("");
      if (error instanceof ApiError && error.status === 401) setMessage(t("signIn.invalid"));
      else if (error instanceof ApiError && error.status === 429) {
        setMessage(
          error.retryAfterS === null
            ? t("signIn.rateLimitedShort")
            : t("signIn.rateLimited", { minutes: Math.max(1, Math.ceil(error.retryAfterS / 60)) }),
        );
      } else setMessage(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={submit} noValidate>
        <h1 className="signin-brand">{t("app.name")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <h2>{t("signIn.title")}</h2>
        <label className="field">
          <span className="field-label">{t("signIn.username")}</span>
          <input
            data-testid="signin-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t("signIn.password")}</span>
          <input
            data-testid="signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {message && (
          <p className="notice notice--error" role="alert" data-testid="signin-error">
            {message}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="signin-submit"
          disabled={busy}
        >
          {busy ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
    </main>
  );
}

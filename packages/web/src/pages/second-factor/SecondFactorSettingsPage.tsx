import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError } from "../../api/errors.ts";
import type { User } from "../../api/types.ts";
import { errorText } from "../../lib/error-text.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useSession, useUser } from "../../state/SessionProvider.tsx";
import { EnrolmentPanel } from "./EnrolmentPanel.tsx";
import { RecoveryCodesPanel } from "./RecoveryCodesPanel.tsx";
import "./second-factor.css";

type Mode = "view" | "enrol" | "codes" | "disable";

/** One's own two-step sign-in: set it up, set it up again on a new phone, new recovery codes, switch it off. */
export function SecondFactorSettingsPage() {
  const { t } = useTranslation("secondFactor");
  const { t: tc } = useTranslation();
  const api = useApi();
  const user = useUser();
  const { adopt } = useSession();
  const [mode, setMode] = useState<Mode>("view");
  const [enrolled, setEnrolled] = useState<User | null>(null);
  const [input, setInput] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { enabled, required } = user.secondFactor ?? { enabled: false, required: false };

  const open = (next: Mode) => {
    setMode(next);
    setInput("");
    setMessage(null);
    setDone(null);
    setCodes(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      if (mode === "codes") setCodes((await api.newRecoveryCodes(input.trim())).recoveryCodes);
      if (mode === "disable") {
        await api.disableSecondFactor(input);
        adopt(await api.me());
        setDone(t("settings.disabled"));
        setMode("view");
      }
    } catch (error) {
      setInput("");
      setMessage(
        error instanceof ApiError && error.status === 400
          ? mode === "codes"
            ? t("step.wrong")
            : t("enrol.wrongPassword")
          : error instanceof ApiError && error.status === 429
            ? t("step.rateLimited", { minutes: Math.max(1, Math.ceil((error.retryAfterS ?? 900) / 60)) })
            : errorText(tc, error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="second-factor-settings">
      <h1>{t("settings.title")}</h1>
      {mode === "view" && (
        <>
          <p data-testid="second-factor-status">{enabled ? t("settings.on") : t("settings.off")}</p>
          {required && <p className="muted">{t("settings.required")}</p>}
          {done && (
            <p className="notice notice--ok" role="status">
              {done}
            </p>
          )}
          <div className="enrol-actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="second-factor-enrol"
              onClick={() => open("enrol")}
            >
              {enabled ? t("settings.reEnrol") : t("settings.setUp")}
            </button>
            {enabled && (
              <button
                type="button"
                className="btn"
                data-testid="second-factor-codes"
                onClick={() => open("codes")}
              >
                {t("settings.newCodes")}
              </button>
            )}
            {enabled && !required && (
              <button
                type="button"
                className="btn btn-ghost"
                data-testid="second-factor-disable"
                onClick={() => open("disable")}
              >
                {t("settings.disable")}
              </button>
            )}
          </div>
          <p>
            <Link href="/">{t("settings.back")}</Link>
          </p>
        </>
      )}
      {mode === "enrol" && (
        <>
          {!enabled && <p>{t("enrol.optionalLead")}</p>}
          <EnrolmentPanel
            username={user.username}
            needsPassword={enabled}
            onEnrolled={setEnrolled}
            onFinished={() => {
              if (enrolled) adopt(enrolled);
              open("view");
            }}
          />
          {!enrolled && (
            <button type="button" className="link-button no-print" onClick={() => open("view")}>
              {t("settings.back")}
            </button>
          )}
        </>
      )}
      {mode === "codes" && codes && <RecoveryCodesPanel codes={codes} onDone={() => open("view")} />}
      {(mode === "disable" || (mode === "codes" && !codes)) && (
        <form onSubmit={submit} noValidate>
          <p>{mode === "codes" ? t("settings.newCodesLead") : t("settings.disableLead")}</p>
          <label className="field" htmlFor="second-factor-settings-input">
            <span className="field-label">
              {mode === "codes" ? t("enrol.code") : t("enrol.currentPassword")}
            </span>
            {mode === "codes" ? (
              <input
                id="second-factor-settings-input"
                className="code-input"
                data-testid="settings-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={input}
                onChange={(e) => setInput(e.target.value.replace(/\D/g, ""))}
              />
            ) : (
              <input
                id="second-factor-settings-input"
                type="password"
                autoComplete="current-password"
                data-testid="settings-password"
                value={input}
                onChange={(e) => setInput(e.target.value)}
              />
            )}
          </label>
          {message && (
            <p className="notice notice--error" role="alert">
              {message}
            </p>
          )}
          <div className="enrol-actions">
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="settings-submit"
              disabled={busy || input === ""}
            >
              {mode === "codes" ? t("settings.newCodesSubmit") : t("settings.disableSubmit")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => open("view")}>
              {t("settings.back")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

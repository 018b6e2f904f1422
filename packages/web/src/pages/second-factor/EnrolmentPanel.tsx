import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/errors.ts";
import type { User } from "../../api/types.ts";
import { errorText } from "../../lib/error-text.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { RecoveryCodesPanel } from "./RecoveryCodesPanel.tsx";

type Started = { secret: string; uri: string; qrSvg: string };

/** The Base32 key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Setting up the second factor: the QR code and its key as text, the app's first number to confirm, then the
 * recovery codes. A user who has one already gives the password first (`needsPassword`).
 */
export function EnrolmentPanel({
  username,
  needsPassword,
  onEnrolled,
  onFinished,
}: {
  username: string;
  needsPassword: boolean;
  /** Called with the user the server answered once the first number was right. */
  onEnrolled: (user: User) => void;
  /** Called when the recovery codes were kept. */
  onFinished: () => void;
}) {
  const { t } = useTranslation("secondFactor");
  const { t: tc } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState("");
  const [started, setStarted] = useState<Started | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const start = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      setStarted(await api.startSecondFactorEnrolment(needsPassword ? password : undefined));
    } catch (error) {
      setPassword("");
      setMessage(
        error instanceof ApiError && error.fields.some((f) => f.path === "currentPassword")
          ? t("enrol.wrongPassword")
          : errorText(tc, error),
      );
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setMessage(t("enrol.wrong"));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api.confirmSecondFactorEnrolment(code);
      setCodes(answer.recoveryCodes);
      onEnrolled(answer.user);
    } catch (error) {
      setCode("");
      setMessage(
        error instanceof ApiError && error.status === 400
          ? t("enrol.wrong")
          : error instanceof ApiError && error.status === 429
            ? t("step.rateLimited", { minutes: Math.max(1, Math.ceil((error.retryAfterS ?? 900) / 60)) })
            : errorText(tc, error),
      );
    } finally {
      setBusy(false);
    }
  };

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onFinished} />;

  if (!started) {
    return (
      <form onSubmit={start} noValidate data-testid="enrol-start">
        <p className="muted">{t("enrol.appHint")}</p>
        {needsPassword && (
          <label className="field">
            <span className="field-label">{t("enrol.currentPassword")}</span>
            <span className="hint">{t("enrol.passwordLead")}</span>
            <input
              type="password"
              autoComplete="current-password"
              data-testid="enrol-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
        )}
        {message && (
          <p className="notice notice--error" role="alert" data-testid="enrol-error">
            {message}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="enrol-begin"
          disabled={busy || (needsPassword && password === "")}
        >
          {t("enrol.start")}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={confirm} noValidate data-testid="enrol-confirm">
      <p>{t("enrol.scan")}</p>
      <img
        className="enrol-qr"
        data-testid="enrol-qr"
        alt={t("enrol.qrAlt")}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(started.qrSvg)}`}
      />
      <p className="hint">{t("enrol.manual")}</p>
      <dl>
        <dt className="field-label">{t("enrol.account")}</dt>
        <dd>Mamori: {username}</dd>
        <dt className="field-label">{t("enrol.manualKey")}</dt>
        <dd className="enrol-key" data-testid="enrol-secret">
          {grouped(started.secret)}
        </dd>
      </dl>
      <p>{t("enrol.confirmLead")}</p>
      <label className="field">
        <span className="field-label">{t("enrol.code")}</span>
        <input
          className="code-input"
          data-testid="enrol-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
        />
      </label>
      {message && (
        <p className="notice notice--error" role="alert" data-testid="enrol-error">
          {message}
        </p>
      )}
      <button type="submit" className="btn btn-primary" data-testid="enrol-submit" disabled={busy}>
        {busy ? t("enrol.confirming") : t("enrol.confirm")}
      </button>
    </form>
  );
}

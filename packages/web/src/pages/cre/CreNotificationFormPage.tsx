import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { CreCaseDetail } from "../../api/cre.ts";
import type { SentCreNotification } from "../../api/cre-notifications.ts";
import { CreNotificationForm } from "../../components/cre/CreNotificationForm.tsx";
import { useCreLang } from "../../components/cre/cre-lang.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatInstant } from "../../lib/dates.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";

type Sending = Awaited<ReturnType<ReturnType<typeof useApi>["creNotifications"]["ofCase"]>>;

/**
 * A case's CRE 発生届 filled from the case, printable on A4, and sent to the hospital's health centre through the
 * offices' inbox (once; the notified date is then recorded on the case). Once sent, the form shows what was sent.
 */
export function CreNotificationFormPage({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation("notify");
  const lang = useCreLang();
  const api = useApi();
  const user = useUser();
  const [detail, setDetail] = useState<CreCaseDetail | null>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Kept across retries: a resend after a dropped connection is the same notification.
  const notificationId = useRef(crypto.randomUUID());

  useEffect(() => {
    api.cre.case(caseId, lang).then(setDetail, setError);
    api.creNotifications.ofCase(caseId).then(setSending, setError);
  }, [api, caseId, lang]);

  if (error && !detail) return <ErrorNotice error={error} />;
  if (!detail || !sending) return <p className="muted">…</p>;
  const sent: SentCreNotification | null = sending.notification;
  const notifiable = detail.evaluation.notification.notifiable === true;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const notification = await api.creNotifications.send(notificationId.current, caseId);
      setSending({ ...sending, notification });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toolbar = (
    <div className="no-print">
      <div className="cre-toolbar">
        <Link href={`/cre/${detail.case.id}`}>‹ {t("creForm.back")}</Link>
        <button
          type="button"
          className="btn btn-small"
          data-testid="notify-form-print"
          onClick={() => globalThis.print()}
        >
          {t("creForm.print")}
        </button>
      </div>
      <div className="notify-send" data-testid="notify-send">
        {sent ? (
          <p className="notice notice-ok" data-testid="notify-sent">
            {t("creForm.sent", {
              name: sent.healthCentre.name,
              at: formatInstant(sent.sentAt, detail.timeZone, i18n.language),
            })}
            {sent.readAt ? ` ${t("creForm.read")}` : ""}
          </p>
        ) : !notifiable ? null : sending.healthCentre === null ? (
          <p className="notice">{t("creForm.noHealthCentre")}</p>
        ) : sending.maySend ? (
          <>
            <p className="muted">{t("creForm.sendLead", { name: sending.healthCentre.name })}</p>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              data-testid="notify-send-button"
              onClick={() => void send()}
            >
              {t("creForm.send", { name: sending.healthCentre.name })}
            </button>
          </>
        ) : (
          <p className="muted">{t("creForm.physicianSends")}</p>
        )}
        <ErrorNotice error={error} />
      </div>
    </div>
  );

  return sent ? (
    <CreNotificationForm
      content={sent.form}
      hospitalName={sent.form.hospital.name}
      physicianName={sent.form.physician.name}
      healthCentreName={sent.healthCentre.name}
      toolbar={toolbar}
    />
  ) : (
    <CreNotificationForm
      content={detail}
      hospitalName={user.organisation.name}
      physicianName={user.role === "physician" ? user.displayName : null}
      healthCentreName={sending.healthCentre?.name ?? null}
      toolbar={toolbar}
    />
  );
}

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearch } from "wouter";
import type { SentCreNotification } from "../../api/cre-notifications.ts";
import { CreNotificationForm } from "../../components/cre/CreNotificationForm.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { INBOX_CHANGED } from "../../components/reports/UnreadReports.tsx";
import { formatInstant } from "../../lib/dates.ts";
import { useApi } from "../../state/ApiContext.tsx";
import "../cre/cre.css";

/** A CRE 発生届 as the health centre received it: the form exactly as the hospital sent it, printable on A4. */
export function CreNotificationReceivedPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation("notify");
  const api = useApi();
  // The hospital that sent it (the inbox's links name it): its ids are its own, another hospital may use the same.
  const hospitalId = new URLSearchParams(useSearch()).get("facility") ?? undefined;
  const [notification, setNotification] = useState<SentCreNotification | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.creNotifications.get(id, hospitalId).then((opened) => {
      setNotification(opened);
      // Opening it marks it read for the health centre: the header's count follows.
      globalThis.dispatchEvent(new Event(INBOX_CHANGED));
    }, setError);
  }, [api, id, hospitalId]);
  if (!notification) return <ErrorNotice error={error} />;
  const { form } = notification;
  return (
    <CreNotificationForm
      content={form}
      hospitalName={form.hospital.name}
      physicianName={form.physician.name}
      healthCentreName={notification.healthCentre.name}
      toolbar={
        <div className="no-print">
          <div className="cre-toolbar">
            <Link href="/">‹ {t("received.back")}</Link>
            <button type="button" className="btn btn-small" onClick={() => globalThis.print()}>
              {t("creForm.print")}
            </button>
          </div>
          <p className="muted" data-testid="received-from">
            {t("received.from", {
              hospital: form.hospital.name,
              at: formatInstant(notification.sentAt, "Asia/Tokyo", i18n.language),
            })}
          </p>
        </div>
      }
    />
  );
}

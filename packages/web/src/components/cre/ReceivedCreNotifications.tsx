import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { ReceivedCreNotification } from "../../api/cre-notifications.ts";
import { formatDay, formatInstant } from "../../lib/dates.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { ErrorNotice } from "../ErrorNotice.tsx";

/** A health centre's CRE 発生届 received from hospitals through Mamori, newest first, unread ones marked. */
export function ReceivedCreNotifications() {
  const { t, i18n } = useTranslation("notify");
  const api = useApi();
  const [data, setData] = useState<{ unread: number; notifications: ReceivedCreNotification[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.creNotifications.received().then(setData, setError);
  }, [api]);
  return (
    <section className="inbox-cre" data-testid="inbox-cre-notifications">
      <h2>
        {t("received.title")}
        {data && data.unread > 0 && (
          <span className="inbox-unread"> {t("received.unreadCount", { count: data.unread })}</span>
        )}
      </h2>
      <ErrorNotice error={error} />
      {data?.notifications.length === 0 && <p className="muted">{t("received.empty")}</p>}
      {data && data.notifications.length > 0 && (
        <ul className="inbox-list">
          {data.notifications.map((n) => (
            <li
              key={`${n.hospital.id}:${n.id}`}
              className={n.unread ? "inbox-item inbox-item--unread" : "inbox-item"}
              data-testid="inbox-cre-item"
            >
              <Link
                href={`/cre-notifications/${encodeURIComponent(n.id)}?facility=${encodeURIComponent(n.hospital.id)}`}
                className="inbox-link"
              >
                <span className="inbox-facility">{n.hospital.name}</span>
                <span className="inbox-what">
                  {t("received.what")}・{n.organismJa ?? ""} <i lang="la">{n.organism}</i>
                </span>
                <span className="inbox-meta">
                  {n.unread && <span className="inbox-unread">{t("received.unread")}</span>}
                  {n.diagnosedOn && (
                    <span>{t("received.diagnosed", { day: formatDay(n.diagnosedOn, i18n.language) })}</span>
                  )}
                  <span className="muted">{formatInstant(n.sentAt, "Asia/Tokyo", i18n.language)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

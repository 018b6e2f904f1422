import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useApi } from "../../state/ApiContext.tsx";

/** Sent when an officer has opened or answered a report or opened a 発生届, so the count follows at once. */
export const INBOX_CHANGED = "mamori:inbox-changed";

/** How often the header asks for the unread count while an officer has the app open. */
const POLL_MS = 60_000;

/**
 * What the officer's office has not opened — reports and new versions, and for a health centre the 発生届 (CRE
 * notifications) sent to it — as a count beside the inbox link; asked again on every page change and each minute.
 */
export function UnreadReports() {
  const { t } = useTranslation("reports");
  const api = useApi();
  const [location] = useLocation();
  const [unread, setUnread] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again whenever the officer moves to another page
  useEffect(() => {
    let live = true;
    const ask = () =>
      api.reports
        .unread()
        .then((n) => live && setUnread(n))
        .catch(() => undefined);
    void ask();
    const timer = setInterval(ask, POLL_MS);
    globalThis.addEventListener(INBOX_CHANGED, ask);
    return () => {
      live = false;
      clearInterval(timer);
      globalThis.removeEventListener(INBOX_CHANGED, ask);
    };
  }, [api, location]);
  if (unread === 0) return null;
  return (
    <span
      className="header-unread"
      data-testid="header-unread"
      title={t("inbox.unreadHeader", { count: unread })}
    >
      {unread}
    </span>
  );
}

import type { UnreadCounts } from "@mamori/contract/reports";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useApi } from "../../state/ApiContext.tsx";
import { useUser } from "../../state/SessionProvider.tsx";

/** Sent when an officer has opened or answered a report or opened a 発生届, so the count follows at once. */
export const INBOX_CHANGED = "mamori:inbox-changed";

/** How often the header asks for the unread count while an officer has the app open. */
const POLL_MS = 60_000;

const NONE: UnreadCounts = { unread: 0, reports: 0, notifications: 0 };

/**
 * What the officer's office has not opened — reports and new versions, and for a health centre the 発生届 (CRE
 * notifications) sent to it — as a count beside the inbox link, its parts in the badge's title and in words for screen readers (a
 * health centre's: so many reports and so many 発生届); asked again on every page change and each minute.
 */
export function UnreadReports() {
  const { t } = useTranslation("reports");
  const api = useApi();
  const [location] = useLocation();
  const user = useUser();
  const [counts, setCounts] = useState<UnreadCounts>(NONE);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again whenever the officer moves to another page
  useEffect(() => {
    let live = true;
    const ask = () =>
      api.reports
        .unread()
        .then((c) => live && setCounts(c))
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
  if (counts.unread === 0) return null;
  const label =
    user.organisation.kind === "health_centre"
      ? t("inbox.unreadHeaderSplit", {
          count: counts.unread,
          reports: counts.reports,
          notifications: counts.notifications,
        })
      : t("inbox.unreadHeader", { count: counts.unread });
  return (
    <>
      <span className="header-unread" data-testid="header-unread" title={label} aria-hidden="true">
        {counts.unread}
      </span>
      <span className="sr-only" data-testid="header-unread-words">
        {label}
      </span>
    </>
  );
}

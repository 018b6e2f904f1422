import type {
  CaseCreNotification,
  ReceivedCreNotifications,
  SentCreNotification,
} from "@mamori/contract/cre-notifications";
import type { Requester } from "./cre.ts";

// The CRE notification calls of docs/api.md ("CRE 発生届 through the inbox"); their answers are the contract's.

export type {
  CaseCreNotification,
  NotificationFormContent,
  ReceivedCreNotification,
  SentCreNotification,
  SentNotificationForm,
} from "@mamori/contract/cre-notifications";

export function createCreNotificationsApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    /** The notification sent for a case (or null), the health centre it goes to (or null), and whether this user sends. */
    ofCase: (caseId: string) =>
      request<CaseCreNotification>("GET", `/api/cre-notifications/cases/${id(caseId)}`),
    /** Sends the case's 発生届 to the health centre (the id is made here, so a resend is harmless). */
    send: (notificationId: string, caseId: string) =>
      request<SentCreNotification>("POST", "/api/cre-notifications", {
        body: { id: notificationId, caseId },
      }),
    received: () => request<ReceivedCreNotifications>("GET", "/api/cre-notifications"),
    /** One received or sent; a health centre names the hospital (`hospitalId`), whose ids are its own. */
    get: (notificationId: string, hospitalId?: string) =>
      request<SentCreNotification>(
        "GET",
        `/api/cre-notifications/${id(notificationId)}${hospitalId ? `?facility=${id(hospitalId)}` : ""}`,
      ),
  };
}

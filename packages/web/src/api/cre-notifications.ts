import type { ReceivedCreNotification } from "@mamori/contract/cre-notifications";
import type { CreCaseDetail, CreCaseRecord, Requester } from "./cre.ts";

// Shapes of the CRE notification calls of docs/api.md ("CRE 発生届 through the inbox").

type Evaluation = CreCaseDetail["evaluation"];

/** What the 発生届 shows of a case: the same shapes as the case detail, so the live case and a sent form print alike. */
export interface NotificationFormContent {
  case: Pick<CreCaseRecord, "id" | "patientLabel" | "diagnosedOn"> & {
    isolate: { organism: string; specimen: { type: string }; collectedAt?: string | null };
  };
  evaluation: {
    organism: Pick<Evaluation["organism"], "input" | "name" | "ja">;
    cre: Pick<Evaluation["cre"], "criterionText" | "checks">;
    mechanism: Pick<Evaluation["mechanism"], "enzymes">;
    clinical: Pick<NonNullable<Evaluation["clinical"]>, "site" | "urinaryType"> | null;
    notification: Pick<Evaluation["notification"], "notifiedOn" | "dueDate">;
  };
}

/** The form as sent: who sent it from where, on which day, and the case as it stood then. */
export type SentNotificationForm = NotificationFormContent & {
  hospital: { name: string };
  physician: { name: string };
  sentOn: string;
};

export interface SentCreNotification {
  id: string;
  caseId: string;
  healthCentre: { id: string; name: string };
  sentAt: string;
  readAt: string | null;
  form: SentNotificationForm;
}

export type { ReceivedCreNotification } from "@mamori/contract/cre-notifications";

export function createCreNotificationsApi(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    /** The notification sent for a case (or null), the health centre it goes to (or null), and whether this user sends. */
    ofCase: (caseId: string) =>
      request<{
        notification: SentCreNotification | null;
        healthCentre: { id: string; name: string } | null;
        maySend: boolean;
      }>("GET", `/api/cre-notifications/cases/${id(caseId)}`),
    /** Sends the case's 発生届 to the health centre (the id is made here, so a resend is harmless). */
    send: (notificationId: string, caseId: string) =>
      request<SentCreNotification>("POST", "/api/cre-notifications", {
        body: { id: notificationId, caseId },
      }),
    received: () =>
      request<{ unread: number; notifications: ReceivedCreNotification[] }>("GET", "/api/cre-notifications"),
    get: (notificationId: string) =>
      request<SentCreNotification>("GET", `/api/cre-notifications/${id(notificationId)}`),
  };
}

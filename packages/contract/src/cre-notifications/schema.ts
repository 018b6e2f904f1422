import { z } from "zod";
import { caseRecordResponse, clinicalResponse, evaluationResponse } from "../cre/responses.ts";

const uuid = z.uuid({ error: "expected a UUID made by the client" });

export const sendBody = z.strictObject({ id: uuid, caseId: uuid });
export const idParams = z.strictObject({ id: uuid });
export const caseParams = z.strictObject({ caseId: uuid });
/** Which hospital's notification a health centre means (`?facility=<uuid>`), as for reports: optional. */
export const notificationQuery = z.object({
  facility: z.uuid({ error: "expected the facility's UUID" }).optional(),
});

/** A 発生届 in the health centre's inbox (`GET /api/cre-notifications`): who sent it, of what, when, whether opened. */
const received = z.object({
  id: z.string(),
  hospital: z.object({ id: z.string(), name: z.string() }),
  organism: z.string(),
  organismJa: z.string().nullable(),
  diagnosedOn: z.string().nullable(),
  sentAt: z.string(),
  unread: z.boolean(),
});
export const receivedListResponse = z.object({ unread: z.number(), notifications: z.array(received) });
export type ReceivedCreNotification = z.infer<typeof received>;
export type ReceivedCreNotifications = z.infer<typeof receivedListResponse>;

const evaluation = evaluationResponse.shape;

/** What the 発生届 shows of a case: the shapes of the case detail, so the live case and a sent form print alike. */
export const notificationFormContent = z.object({
  case: caseRecordResponse.pick({ id: true, patientLabel: true, diagnosedOn: true }).extend({
    isolate: z.object({
      organism: z.string(),
      specimen: z.object({ type: z.string() }),
      collectedAt: z.string().nullable().optional(),
    }),
  }),
  evaluation: z.object({
    organism: evaluation.organism.pick({ input: true, name: true, ja: true }),
    cre: evaluation.cre.pick({ criterionText: true, checks: true }),
    mechanism: evaluation.mechanism.pick({ enzymes: true }),
    clinical: clinicalResponse.pick({ site: true, urinaryType: true }).nullable(),
    notification: evaluation.notification.pick({ notifiedOn: true, dueDate: true }),
  }),
});
export type NotificationFormContent = z.infer<typeof notificationFormContent>;

/** The form as sent and kept: who sent it from where, on which day, and the case as it stood then. */
export const sentNotificationForm = notificationFormContent.extend({
  hospital: z.object({ name: z.string() }),
  physician: z.object({ name: z.string() }),
  sentOn: z.string(),
});
export type SentNotificationForm = z.infer<typeof sentNotificationForm>;

const healthCentre = z.object({ id: z.string(), name: z.string() });

/** A 発生届 sent (`POST /api/cre-notifications`, `GET /api/cre-notifications/:id`): to whom, when, whether opened. */
export const sentNotificationResponse = z.object({
  id: z.string(),
  caseId: z.string(),
  healthCentre,
  sentAt: z.string(),
  readAt: z.string().nullable(),
  form: sentNotificationForm,
});
export type SentCreNotification = z.infer<typeof sentNotificationResponse>;

/** The hospital's view of a case (`GET /api/cre-notifications/cases/:caseId`): what was sent, or where it would go. */
export const caseNotificationResponse = z.object({
  notification: sentNotificationResponse.nullable(),
  healthCentre: healthCentre.nullable(),
  maySend: z.boolean(),
});
export type CaseCreNotification = z.infer<typeof caseNotificationResponse>;

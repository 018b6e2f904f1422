import { z } from "zod";

const uuid = z.uuid({ error: "expected a UUID made by the client" });

export const sendBody = z.strictObject({ id: uuid, caseId: uuid });
export const idParams = z.strictObject({ id: uuid });
export const caseParams = z.strictObject({ caseId: uuid });

/** A 発生届 in the health centre's inbox (`GET /api/cre-notifications`): who sent it, of what, when, whether opened. */
const received = z.object({
  id: z.string(),
  hospital: z.object({ name: z.string() }),
  organism: z.string(),
  organismJa: z.string().nullable(),
  diagnosedOn: z.string().nullable(),
  sentAt: z.string(),
  unread: z.boolean(),
});
export const receivedListResponse = z.object({ unread: z.number(), notifications: z.array(received) });
export type ReceivedCreNotification = z.infer<typeof received>;

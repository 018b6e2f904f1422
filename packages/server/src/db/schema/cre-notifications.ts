import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { creCases } from "./cre.ts";
import { organisations } from "./organisations.ts";
import { users } from "./users.ts";

/**
 * A CRE 発生届 (感染症法 第12条第1項, 5類全数, within 7 days of diagnosis) sent by a hospital to its health centre
 * through the offices' inbox: one per case, with the form as it was sent (`snapshot`, never recomputed: what the
 * health centre received stays what it received). The id is made by the client so a resend never sends twice.
 */
export const creNotifications = pgTable(
  "cre_notifications",
  {
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    hospitalId: uuid("hospital_id")
      .notNull()
      .references(() => organisations.id),
    /** The hospital's health centre when it was sent. */
    healthCentreId: uuid("health_centre_id")
      .notNull()
      .references(() => organisations.id),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    sentBy: uuid("sent_by")
      .notNull()
      .references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    /** When an officer of the health centre first opened it (null: unread). */
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.hospitalId, t.id] }),
    foreignKey({
      name: "cre_notifications_case_fk",
      columns: [t.hospitalId, t.caseId],
      foreignColumns: [creCases.hospitalId, creCases.id],
    }),
    uniqueIndex("cre_notifications_case_idx").on(t.hospitalId, t.caseId),
    index("cre_notifications_health_centre_idx").on(t.healthCentreId, t.sentAt),
  ],
);

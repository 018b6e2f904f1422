import type { SymptomCode } from "@mamori/domain/surveillance";
import { index, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";
import { people } from "./people.ts";
import { users } from "./users.ts";

/**
 * One look at one person during the daily round. The id is made by the client, so a resend of the same entry after a
 * dropped connection lands on the same row. Corrections bump `version`; earlier content stays in the audit log.
 */
export const observations = pgTable(
  "observations",
  {
    id: uuid("id").primaryKey(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    tempC: numeric("temp_c", { precision: 3, scale: 1, mode: "number" }),
    symptoms: text("symptoms").array().$type<SymptomCode[]>().notNull(),
    note: text("note"),
    version: integer("version").notNull().default(1),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("observations_person_at_idx").on(t.personId, t.at),
    index("observations_facility_at_idx").on(t.facilityId, t.at),
  ],
);

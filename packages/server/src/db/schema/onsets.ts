import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, units } from "./organisations.ts";
import { people } from "./people.ts";

/**
 * Kept new onsets (付録4② 新たな発症, facility-surveillance.md §3): one row per person, subject and local day on which
 * the person's stored observations show a new onset — the subject present that day and absent on each of the gap days
 * before. Derived data, never written by hand: maintained in the transaction of every observation write (record, resend,
 * correction, withdrawal, batch import) by recomputing only the written person's onsets around the written days, and
 * rebuilt per facility by `rebuildKeptOnsets`. Read as daily counts through `readDailyOnsetCounts`
 * (`packages/server/src/surveillance/kept-onsets.ts`); see docs/ARCHITECTURE.md, "Kept onset counts".
 *
 * `subject` is a syndrome group (`GI`, `RESP`, `ILI`, `FEVER`, `SKIN`; gap from the facility's rule profile), `cluster`
 * (any symptom of the profile's norovirus-type cluster, same gap) or a
 * symptom column of the 健康調査日報 prefixed `form.` (`form.fever`, `form.vomiting`, … ; gap 3 days, as 付録4② counts).
 * `unitId` and `personKind` are the person's when the onset was kept (the floor the person was on).
 */
export const keptOnsets = pgTable(
  "kept_onsets",
  {
    // Its organisation is the person's: kept_onsets_person_fk below holds it, with no check of its own per row.
    facilityId: uuid("facility_id").notNull(),
    personId: uuid("person_id").notNull(),
    subject: text("subject").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /** The first observation of the day that shows the subject. */
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    unitId: uuid("unit_id"),
    personKind: text("person_kind").notNull(),
  },
  (t) => [
    foreignKey({
      name: "kept_onsets_unit_fk",
      columns: [t.facilityId, t.unitId],
      foreignColumns: [units.facilityId, units.id],
    }),
    foreignKey({
      name: "kept_onsets_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    primaryKey({ columns: [t.facilityId, t.personId, t.subject, t.day] }),
    index("kept_onsets_facility_day_idx").on(t.facilityId, t.day),
  ],
);

/** The facilities whose kept onsets have been built, and with which gap (a profile change rebuilds them). */
export const keptOnsetsBuilt = pgTable("kept_onsets_built", {
  facilityId: uuid("facility_id")
    .primaryKey()
    .references(() => organisations.id),
  groupGapDays: integer("group_gap_days").notNull(),
  /** The other settings they were built with (the cluster's symptoms); empty for those built before it was kept. */
  rules: text("rules").notNull().default(""),
  builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
});

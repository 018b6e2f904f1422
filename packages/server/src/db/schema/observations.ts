import type { SymptomCode } from "@mamori/domain/surveillance";
import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "./people.ts";
import { users } from "./users.ts";

/**
 * One look at one person during the daily round. The id is made by the client, so a resend of the same entry after a
 * dropped connection lands on the same row. Corrections bump `version`; earlier content stays in the audit log.
 *
 * Partitioned by month of `at` (migration 0018): a key of a partitioned table must hold `at`, so the id is kept once
 * per facility in {@link observationKeys}, which a trigger fills on insert; an insert whose key is stored is left out,
 * as `on conflict do nothing` would. `at` is never changed once stored.
 */
export const observations = pgTable(
  "observations",
  {
    id: uuid("id").notNull(),
    // Its organisation is the person's: observations_person_fk below holds it, with no check of its own per row.
    facilityId: uuid("facility_id").notNull(),
    personId: uuid("person_id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    tempC: numeric("temp_c", { precision: 3, scale: 1, mode: "number" }),
    symptoms: text("symptoms").array().$type<SymptomCode[]>().notNull(),
    note: text("note"),
    version: integer("version").notNull().default(1),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * False only when its day was known, as it was stored, to show its temperature and each of its symptoms at or
     * before it already: then it adds nothing to the day's record (migration 0022), and the round's write does not read
     * it to recompute its person's onsets. A correction or withdrawal of an observation sets it back to true for the
     * rest of that person's day (surveillance/new-to-day.ts), since what was shown may be gone.
     */
    newToDay: boolean("new_to_day").notNull().default(true),
  },
  (t) => [
    foreignKey({
      name: "observations_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    primaryKey({ columns: [t.facilityId, t.id, t.at] }),
    index("observations_person_at_idx").on(t.personId, t.at),
    index("observations_facility_at_idx").on(t.facilityId, t.at),
    // The round's write asks of each entry whether its person's day already shows its temperature, or each of its
    // symptoms, at or before it (mamori_round_lock_people, migrations 0022 and 0024): one probe each on these.
    index("observations_person_new_at_idx").on(t.personId, t.at).where(sql`${t.newToDay}`),
    index("observations_person_temp_at_idx").on(t.personId, t.tempC, t.at),
    index("observations_person_symptomatic_at_idx")
      .on(t.personId, t.at, t.symptoms)
      .where(sql`${t.symptoms} <> '{}'`),
  ],
);

/** The ids of the observations, once per facility: the unique key that the month partitions cannot hold. */
export const observationKeys = pgTable(
  "observation_keys",
  {
    // A key is claimed with its observation (observations_key_fk), whose person's foreign key holds the facility.
    facilityId: uuid("facility_id").notNull(),
    id: uuid("id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.id] })],
);

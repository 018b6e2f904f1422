import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";
import { people } from "./people.ts";
import { users } from "./users.ts";

export type CaseOutcome = { kind: "hospitalised" | "severe" | "death"; date: string };

/**
 * A recorded case (facility-surveillance.md §3): a person with a suspected or confirmed disease, its onset, when it
 * resolved and its outcomes. The id is made by the client so a resend never duplicates.
 *
 * On the line list (manual §4 1), 付録4③) a case may be kept before a disease is named: `disease` is then null and
 * `syndromeGroup` names the group of the implicit case it belongs to, with the nurse's notes (status, 受診・診断日,
 * 備考, the day it resolved). Only cases that name a disease reach the rules engine as recorded cases.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    personId: uuid("person_id").notNull(),
    disease: text("disease"),
    syndromeGroup: text("syndrome_group", { enum: ["GI", "RESP", "ILI", "FEVER", "SKIN"] }),
    status: text("status", { enum: ["suspected", "confirmed"] }).notNull(),
    onsetDate: date("onset_date", { mode: "string" }).notNull(),
    resolvedDate: date("resolved_date", { mode: "string" }),
    /** 受診・診断日 (付録4③): the day the person was seen by a physician or diagnosed. */
    diagnosedDate: date("diagnosed_date", { mode: "string" }),
    /**
     * The day the physician notified the health centre of a notifiable diagnosis (感染症法 / 食品衛生法, manual p.48);
     * NOTIFY_DEADLINE holds until it is recorded.
     */
    notifiedDate: date("notified_date", { mode: "string" }),
    /** 備考 (診断結果など). */
    remarks: text("remarks"),
    outcomes: jsonb("outcomes").$type<CaseOutcome[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "cases_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    primaryKey({ columns: [t.facilityId, t.id] }),
    index("cases_facility_onset_idx").on(t.facilityId, t.onsetDate),
    // One recorded case per person, disease and onset: naming the disease twice (two saves before a refresh, two
    // devices) makes one case, whatever ids the clients chose.
    uniqueIndex("cases_person_disease_onset_key")
      .on(t.facilityId, t.personId, t.disease, t.onsetDate)
      .where(sql`${t.disease} is not null`),
    check("cases_disease_or_group", sql`${t.disease} is not null or ${t.syndromeGroup} is not null`),
    check("cases_syndrome_group", sql`${t.syndromeGroup} in ('GI', 'RESP', 'ILI', 'FEVER', 'SKIN')`),
  ],
);

/** An antibiotic course: the C. difficile hint looks back 30 days over these (manual p.35). */
export const antibioticCourses = pgTable(
  "antibiotic_courses",
  {
    id: uuid("id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    personId: uuid("person_id").notNull(),
    drug: text("drug"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "antibiotic_courses_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    index("antibiotic_courses_facility_idx").on(t.facilityId, t.startDate),
  ],
);

/** Use of the communal bath on a day: the Legionella hint looks back 10 days over these (manual p.23, p.58). */
export const bathUses = pgTable(
  "bath_uses",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    personId: uuid("person_id").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    foreignKey({
      name: "bath_uses_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    primaryKey({ columns: [t.facilityId, t.personId, t.date] }),
    index("bath_uses_facility_idx").on(t.facilityId, t.date),
  ],
);

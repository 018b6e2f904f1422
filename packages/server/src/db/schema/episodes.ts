import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { organisations } from "./organisations.ts";
import { people } from "./people.ts";
import { users } from "./users.ts";

/**
 * An outbreak episode of a facility (facility-surveillance.md §4.3): of a syndrome group or of a disease, opened from an
 * alert (its code and day) or by hand, closed when the infection-control committee confirms the end (its decision and
 * date), and reopened if needed. The id is made by the client so a resend never duplicates.
 */
export const outbreakEpisodes = pgTable(
  "outbreak_episodes",
  {
    id: uuid("id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    subjectGroup: text("subject_group"),
    subjectDisease: text("subject_disease"),
    openedDate: date("opened_date", { mode: "string" }).notNull(),
    /** The alert that opened it; null when opened by hand. */
    alertCode: text("alert_code"),
    alertDay: date("alert_day", { mode: "string" }),
    note: text("note"),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    /** The committee's decision date; null while open. */
    closedDate: date("closed_date", { mode: "string" }),
    decision: text("decision"),
    /** Why it was closed before the end was eligible, when it was. */
    overrideReason: text("override_reason"),
    closedBy: uuid("closed_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    index("outbreak_episodes_facility_idx").on(t.facilityId, t.closedDate),
    check(
      "outbreak_episodes_subject_check",
      sql`(${t.subjectGroup} IS NULL) <> (${t.subjectDisease} IS NULL)`,
    ),
  ],
);

/**
 * A case of an episode: a recorded case (by its id), or an implicit case (a new onset of the episode's group) by person
 * and onset day, whose end the nurse may record here.
 */
export const outbreakEpisodeCases = pgTable(
  "outbreak_episode_cases",
  {
    id: uuid("id").notNull().defaultRandom(),
    episodeId: uuid("episode_id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    caseId: uuid("case_id"),
    personId: uuid("person_id").notNull(),
    /** The onset day of an implicit case (a recorded case's own onset is read from it). */
    onsetDate: date("onset_date", { mode: "string" }),
    /** The day an implicit case ended, as the nurse recorded it. */
    resolvedDate: date("resolved_date", { mode: "string" }),
    linkedBy: uuid("linked_by")
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "outbreak_episode_cases_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    foreignKey({
      name: "outbreak_episode_cases_case_fk",
      columns: [t.facilityId, t.caseId],
      foreignColumns: [cases.facilityId, cases.id],
    }),
    foreignKey({
      name: "outbreak_episode_cases_episode_fk",
      columns: [t.facilityId, t.episodeId],
      foreignColumns: [outbreakEpisodes.facilityId, outbreakEpisodes.id],
    }),
    uniqueIndex("outbreak_episode_cases_recorded_idx")
      .on(t.facilityId, t.episodeId, t.caseId)
      .where(sql`${t.caseId} IS NOT NULL`),
    uniqueIndex("outbreak_episode_cases_implicit_idx")
      .on(t.facilityId, t.episodeId, t.personId, t.onsetDate)
      .where(sql`${t.caseId} IS NULL`),
    check("outbreak_episode_cases_kind_check", sql`(${t.caseId} IS NULL) <> (${t.onsetDate} IS NULL)`),
  ],
);

/** A measure taken during an episode: from the manual's catalogue (its id) or in the staff's own words. */
export const outbreakMeasures = pgTable(
  "outbreak_measures",
  {
    id: uuid("id").notNull(),
    episodeId: uuid("episode_id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    catalogueId: text("catalogue_id"),
    text: text("text"),
    doneDate: date("done_date", { mode: "string" }).notNull(),
    /** Who did it, when not the person recording it. */
    doneBy: text("done_by"),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "outbreak_measures_episode_fk",
      columns: [t.facilityId, t.episodeId],
      foreignColumns: [outbreakEpisodes.facilityId, outbreakEpisodes.id],
    }),
    index("outbreak_measures_episode_idx").on(t.episodeId, t.doneDate),
    check("outbreak_measures_what_check", sql`${t.catalogueId} IS NOT NULL OR ${t.text} IS NOT NULL`),
  ],
);

/** Openings, closings and reopenings of an episode, for its timeline (the audit log keeps the rows as well). */
export const outbreakEpisodeEvents = pgTable(
  "outbreak_episode_events",
  {
    id: uuid("id").notNull().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    episodeId: uuid("episode_id").notNull(),
    kind: text("kind", { enum: ["opened", "closed", "reopened"] }).notNull(),
    /** The day it applies to: the opening day, the committee's decision date, the day reopened. */
    day: date("day", { mode: "string" }).notNull(),
    text: text("text"),
    byUser: uuid("by_user")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "outbreak_episode_events_episode_fk",
      columns: [t.facilityId, t.episodeId],
      foreignColumns: [outbreakEpisodes.facilityId, outbreakEpisodes.id],
    }),
    index("outbreak_episode_events_episode_idx").on(t.episodeId, t.at),
  ],
);

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
import { outbreakEpisodes } from "./episodes.ts";
import { organisations } from "./organisations.ts";
import { users } from "./users.ts";

/**
 * Which health centre and which municipality a facility reports to, and since when (manual 付録1① item 4: the director
 * reports to the municipality and to the health centre). Kept by a trigger on `organisations` whenever a facility's
 * `health_centre_id` or `municipality_id` changes: the open row is closed on the day of the change and a new one opened,
 * so the history of a facility's offices is never lost. Access by relationship reads the open rows.
 */
export const officeLinks = pgTable(
  "office_links",
  {
    id: uuid("id").notNull().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    officeId: uuid("office_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: ["health_centre", "municipality"] }).notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    /** Null while the link holds. */
    validTo: timestamp("valid_to", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    index("office_links_office_idx").on(t.officeId, t.validTo),
    index("office_links_facility_idx").on(t.facilityId, t.validTo),
    uniqueIndex("office_links_open_idx").on(t.facilityId, t.kind).where(sql`${t.validTo} is null`),
  ],
);

/**
 * A report of 付録1① item 4 to the municipality and the health centre. The id is made by the client, so a resend never
 * duplicates. `content` is the current version; every version is kept in `report_versions`. A follow-up (続報) or final
 * report names the first report in `parentId`.
 */
export const officeReports = pgTable(
  "office_reports",
  {
    id: uuid("id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: ["first", "follow_up", "final"] }).notNull(),
    parentId: uuid("parent_id"),
    episodeId: uuid("episode_id"),
    subjectGroup: text("subject_group").notNull(),
    criterion: text("criterion", { enum: ["A", "B", "C"] }).notNull(),
    status: text("status", { enum: ["draft", "submitted"] }).notNull(),
    version: integer("version").notNull(),
    /** The version that was last submitted; null before the first submission. */
    submittedVersion: integer("submitted_version"),
    content: jsonb("content").notNull(),
    /** The criterion's evidence as it was when the draft was made: recomputing the alerts later never changes it. */
    evidence: jsonb("evidence").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: "office_reports_episode_fk",
      columns: [t.facilityId, t.episodeId],
      foreignColumns: [outbreakEpisodes.facilityId, outbreakEpisodes.id],
    }),
    primaryKey({ columns: [t.facilityId, t.id] }),
    index("office_reports_facility_idx").on(t.facilityId, t.createdAt),
    index("office_reports_parent_idx").on(t.parentId),
    check("office_reports_parent_check", sql`(${t.kind} = 'first') = (${t.parentId} is null)`),
  ],
);

/** Every version of a report, with who saved it and when it was submitted. */
export const officeReportVersions = pgTable(
  "office_report_versions",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    reportId: uuid("report_id").notNull(),
    version: integer("version").notNull(),
    content: jsonb("content").notNull(),
    savedBy: uuid("saved_by")
      .notNull()
      .references(() => users.id),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.reportId, t.version] }),
    foreignKey({
      name: "office_report_versions_report_fk",
      columns: [t.facilityId, t.reportId],
      foreignColumns: [officeReports.facilityId, officeReports.id],
    }),
  ],
);

/**
 * The offices a report was submitted to — fixed at the first submission from the facility's links, so a report stays
 * with the offices that received it — and where each office is with it (new → acknowledged → instructions sent →
 * closed). `readVersion` is the newest version the office has opened: a higher submitted version is unread.
 */
export const officeReportRecipients = pgTable(
  "office_report_recipients",
  {
    reportId: uuid("report_id").notNull(),
    officeId: uuid("office_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: ["health_centre", "municipality"] }).notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    state: text("state", { enum: ["new", "acknowledged", "instructed", "closed"] }).notNull(),
    readVersion: integer("read_version").notNull().default(0),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    stateChangedAt: timestamp("state_changed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "office_report_recipients_report_fk",
      columns: [t.facilityId, t.reportId],
      foreignColumns: [officeReports.facilityId, officeReports.id],
    }),
    primaryKey({ columns: [t.facilityId, t.reportId, t.officeId] }),
    index("office_report_recipients_office_idx").on(t.officeId, t.receivedAt),
  ],
);

/**
 * A message on a report: an office's reply or instructions (seen by the facility), or a note shared only between the
 * municipality and the health centre (付録1① item 7: 情報交換). The id is made by the client.
 */
export const officeReportMessages = pgTable(
  "office_report_messages",
  {
    id: uuid("id").notNull(),
    /** The facility whose report it is (the message is kept with the report). */
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    reportId: uuid("report_id").notNull(),
    kind: text("kind", { enum: ["reply", "instruction", "note"] }).notNull(),
    text: text("text").notNull(),
    fromOrganisationId: uuid("from_organisation_id")
      .notNull()
      .references(() => organisations.id),
    fromKind: text("from_kind", { enum: ["health_centre", "municipality"] }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "office_report_messages_report_fk",
      columns: [t.facilityId, t.reportId],
      foreignColumns: [officeReports.facilityId, officeReports.id],
    }),
    index("office_report_messages_report_idx").on(t.reportId, t.createdAt),
  ],
);

/**
 * The director's decision under criterion ウ (manual p.48: 特に施設長が報告を必要と認めた場合): report or not, and why,
 * for a group on a day — recorded either way.
 */
export const criterionCDecisions = pgTable(
  "criterion_c_decisions",
  {
    id: uuid("id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    subjectGroup: text("subject_group").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    decision: text("decision", { enum: ["report", "no_report"] }).notNull(),
    reason: text("reason").notNull(),
    reportId: uuid("report_id"),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "criterion_c_decisions_report_fk",
      columns: [t.facilityId, t.reportId],
      foreignColumns: [officeReports.facilityId, officeReports.id],
    }),
    index("criterion_c_decisions_facility_idx").on(t.facilityId, t.day),
  ],
);

import { EQUIPMENT_KINDS, type EquipmentKind } from "@mamori/contract/routine";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";
import { people } from "./people.ts";
import { users } from "./users.ts";

/**
 * A facility's settings of its infection-control routine (manual §3): the schedule's intervals, the staff return rules
 * and how long records are kept. A facility without a row has the defaults of `DEFAULT_OBLIGATION_SETTINGS` and
 * `DEFAULT_RETURN_RULES`.
 */
export const obligationSettings = pgTable("obligation_settings", {
  facilityId: uuid("facility_id")
    .primaryKey()
    .references(() => organisations.id),
  committeeEveryMonths: integer("committee_every_months").notNull().default(3),
  newHireTrainingDays: integer("new_hire_training_days").notNull().default(30),
  regularTrainingsPerYear: integer("regular_trainings_per_year").notNull().default(2),
  fiscalYearStartMonth: integer("fiscal_year_start_month").notNull().default(4),
  guidelineReviewMonths: integer("guideline_review_months").notNull().default(12),
  healthCheckEveryMonths: integer("health_check_every_months").notNull().default(12),
  fluVaccineDueMonth: integer("flu_vaccine_due_month").notNull().default(12),
  circulatingBathWaterChangeDays: integer("circulating_bath_water_change_days").notNull().default(7),
  retentionYears: integer("retention_years").notNull().default(5),
  influenzaDaysAfterOnset: integer("influenza_days_after_onset").notNull().default(5),
  influenzaDaysAfterFever: integer("influenza_days_after_fever").notNull().default(2),
  giSymptomFreeDays: integer("gi_symptom_free_days").notNull().default(2),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export { EQUIPMENT_KINDS, type EquipmentKind };

/** Humidifiers (付録3) and baths (p.24) whose hygiene is logged; a humidifier has a season of use. */
export const routineEquipment = pgTable(
  "routine_equipment",
  {
    id: uuid("id").notNull().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: EQUIPMENT_KINDS }).notNull(),
    name: text("name").notNull(),
    seasonFrom: date("season_from", { mode: "string" }),
    seasonTo: date("season_to", { mode: "string" }),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    index("routine_equipment_facility_idx").on(t.facilityId),
  ],
);

/**
 * One record of the routine: a committee meeting, a guideline version, a training, a staff member's hiring, immunity,
 * health check, vaccination or exposure, a resident's vaccination, a humidifier, bath, kitchen, cleaning or waste log.
 * `type` says which; `data` holds the fields of that type, validated by its schema at the edge
 * (routes/routine/record-types.ts). The id is made by the client so a resend never duplicates. `flagged` marks a record
 * that shows a problem (residual chlorine out of range, a kitchen check item not done).
 */
export const routineRecords = pgTable(
  "routine_records",
  {
    id: uuid("id").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    type: text("type").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    personId: uuid("person_id"),
    equipmentId: uuid("equipment_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    flagged: boolean("flagged").notNull().default(false),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "routine_records_equipment_fk",
      columns: [t.facilityId, t.equipmentId],
      foreignColumns: [routineEquipment.facilityId, routineEquipment.id],
    }),
    foreignKey({
      name: "routine_records_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    index("routine_records_facility_type_date_idx").on(t.facilityId, t.type, t.date),
    index("routine_records_person_idx").on(t.personId),
  ],
);

/** Who attended a training or a committee meeting. */
export const routineAttendance = pgTable(
  "routine_attendance",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    recordId: uuid("record_id").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.recordId, t.personId] }),
    foreignKey({
      name: "routine_attendance_record_fk",
      columns: [t.facilityId, t.recordId],
      foreignColumns: [routineRecords.facilityId, routineRecords.id],
    }),
    foreignKey({
      name: "routine_attendance_person_fk",
      columns: [t.facilityId, t.personId],
      foreignColumns: [people.facilityId, people.id],
    }),
    index("routine_attendance_person_idx").on(t.personId),
  ],
);

/** Read confirmation of circulated minutes and acknowledgement of a guideline version, by the signed-in user. */
export const routineAcknowledgements = pgTable(
  "routine_acknowledgements",
  {
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    recordId: uuid("record_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.recordId, t.userId] }),
    foreignKey({
      name: "routine_acknowledgements_record_fk",
      columns: [t.facilityId, t.recordId],
      foreignColumns: [routineRecords.facilityId, routineRecords.id],
    }),
  ],
);

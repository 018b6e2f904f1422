import type { CreDrugKey, CreIsolate } from "@mamori/domain/cre";
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
import { users } from "./users.ts";

/** The infection as the physician records it (`infectionSchema` of the CRE rules). */
export type CreInfectionRecord = {
  site: "urinary" | "lung" | "intra_abdominal" | "bloodstream" | "skin_soft_tissue" | "other";
  urinaryType: "cystitis" | "upper_uti" | null;
  causative: boolean | null;
};

/** Guide 表7 as the physician answered it: the three domains, the examples ticked, and step-down readiness. */
export type CreSeverityRecord = {
  hemodynamicallyStable: boolean;
  noImmunodeficiencyOrStable: boolean;
  sourceControlled: boolean;
  stabilisedAfterTreatment: boolean;
  checklist: string[];
  stableDespiteImmunodeficiency: boolean;
};

/**
 * A CRE case of a hospital: one patient isolate as the laboratory reported it (raw MIC strings with their qualifiers,
 * zones, standard and edition, carbapenemase tests) and the physician's infection, severity and cefiderocol order.
 * S/I/R, CRE status and advice are derived by the CRE rules on every read and never stored. The patient is named only
 * by the hospital's own label (patient number or initials). The id is made by the client so a resend never duplicates.
 */
export const creCases = pgTable(
  "cre_cases",
  {
    id: uuid("id").notNull(),
    hospitalId: uuid("hospital_id")
      .notNull()
      .references(() => organisations.id),
    patientLabel: text("patient_label").notNull(),
    isolate: jsonb("isolate").$type<CreIsolate>().notNull(),
    infection: jsonb("infection").$type<CreInfectionRecord>(),
    severity: jsonb("severity").$type<CreSeverityRecord>(),
    diagnosedOn: date("diagnosed_on", { mode: "string" }),
    notifiedOn: date("notified_on", { mode: "string" }),
    cefiderocolOrdered: boolean("cefiderocol_ordered").notNull().default(false),
    cefiderocolOrderedAt: timestamp("cefiderocol_ordered_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hospitalId, t.id] }),
    index("cre_cases_hospital_created_idx").on(t.hospitalId, t.createdAt),
  ],
);

/**
 * A consultation on a CRE case with the AST or an infectious-disease physician (MHLW 事務連絡 2024-01-25 記2), and the
 * AST's decision on a cefiderocol order. Rows are only ever added: the history is the table.
 */
export const creConsultations = pgTable(
  "cre_consultations",
  {
    id: uuid("id").notNull(),
    caseId: uuid("case_id").notNull(),
    hospitalId: uuid("hospital_id")
      .notNull()
      .references(() => organisations.id),
    note: text("note").notNull(),
    decision: text("decision", { enum: ["approved", "declined"] }),
    /** The case version the consultation was recorded on. */
    caseVersion: integer("case_version").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hospitalId, t.id] }),
    foreignKey({
      name: "cre_consultations_case_fk",
      columns: [t.hospitalId, t.caseId],
      foreignColumns: [creCases.hospitalId, creCases.id],
    }),
    index("cre_consultations_case_idx").on(t.caseId, t.recordedAt),
  ],
);

/** The drugs a hospital has, for the CRE advice; no row means the default (every guide drug marketed in Japan). */
export const creAvailability = pgTable("cre_availability", {
  hospitalId: uuid("hospital_id")
    .primaryKey()
    .references(() => organisations.id),
  drugs: jsonb("drugs").$type<CreDrugKey[]>().notNull(),
  updatedBy: uuid("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

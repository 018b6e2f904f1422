import { sql } from "drizzle-orm";
import {
  boolean,
  check,
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
import { creCases } from "./cre.ts";
import { organisations } from "./organisations.ts";
import { users } from "./users.ts";

/** A FHIR R4 QuestionnaireResponse as stored: the standard JSON, nothing Mamori-specific inside it. */
export type StoredQuestionnaireResponse = {
  resourceType: "QuestionnaireResponse";
  questionnaire?: string;
  status?: string;
  item?: unknown[];
  [key: string]: unknown;
};

/**
 * The figures the secretariat counts, taken from a response when it is submitted (and again on each correction), so
 * that the overview is one grouped scan and never re-reads the answers. `null` where the response does not say.
 */
export type SurveyDimensions = {
  isCre: boolean | null;
  mechanism: string | null;
  infectionSite: string | null;
  verdict: string | null;
  carbapenemaseTested: string | null;
  consulted: boolean | null;
};

/**
 * One answer to the national cefiderocol survey (MHLW 事務連絡 2024-01-25 記3, 参考2): a CRE case of a hospital
 * answered on the web by its physician (with the laboratory part handed to a technologist), or a paper response keyed
 * in by the secretariat with double entry (no hospital then). The current content is here; every submitted version is
 * kept in `survey_response_versions`. The id is made by the client so a resend never duplicates. `organisationId` owns
 * the row and keys it: the hospital of a web response, the secretariat of a paper one.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    source: text("source", { enum: ["web", "paper"] }).notNull(),
    hospitalId: uuid("hospital_id").references(() => organisations.id),
    caseId: uuid("case_id"),
    questionnaireUrl: text("questionnaire_url").notNull(),
    questionnaireVersion: text("questionnaire_version").notNull(),
    status: text("status", { enum: ["draft", "submitted"] }).notNull(),
    /** Where the laboratory part (設問18～21) stands: not handed over, with the technologists, or answered and back. */
    labStatus: text("lab_status", { enum: ["none", "with_lab", "returned"] })
      .notNull()
      .default("none"),
    response: jsonb("response").$type<StoredQuestionnaireResponse>().notNull(),
    /** The answers Mamori filled in from the case (linkId → answer), shown as pre-filled while they stand unchanged. */
    prefilled: jsonb("prefilled").$type<Record<string, string>>().notNull().default({}),
    /** 0 until submitted; the first submission is 1 and each correction adds one. */
    version: integer("version").notNull().default(0),
    prefecture: text("prefecture"),
    isCre: boolean("is_cre"),
    mechanism: text("mechanism"),
    infectionSite: text("infection_site"),
    verdict: text("verdict"),
    carbapenemaseTested: text("carbapenemase_tested"),
    consulted: boolean("consulted"),
    /** Days every date of this response is moved by in the secretariat's export (never shown, never the same twice). */
    dateShiftDays: integer("date_shift_days").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: "survey_responses_case_fk",
      columns: [t.organisationId, t.caseId],
      foreignColumns: [creCases.hospitalId, creCases.id],
    }),
    index("survey_responses_hospital_idx").on(t.hospitalId, t.updatedAt),
    uniqueIndex("survey_responses_case_idx").on(t.organisationId, t.caseId),
    // Covers the secretariat's overview: its grouped scan reads this index alone (an index-only scan).
    index("survey_responses_overview_idx").on(
      t.status,
      t.isCre,
      t.prefecture,
      t.mechanism,
      t.infectionSite,
      t.verdict,
      t.carbapenemaseTested,
      t.consulted,
    ),
    check("survey_web_has_hospital", sql`(${t.source} = 'web') = (${t.hospitalId} is not null)`),
    check("survey_hospital_owns", sql`${t.hospitalId} is null or ${t.hospitalId} = ${t.organisationId}`),
  ],
);

/**
 * Every submitted version of a response: the first submission is version 1, each correction the next. Rows are only
 * ever added; the client's id of each submission makes a double submit one version.
 */
export const surveyResponseVersions = pgTable(
  "survey_response_versions",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    responseId: uuid("response_id").notNull(),
    version: integer("version").notNull(),
    submissionId: uuid("submission_id").notNull(),
    response: jsonb("response").$type<StoredQuestionnaireResponse>().notNull(),
    dimensions: jsonb("dimensions").$type<SurveyDimensions>().notNull(),
    reason: text("reason"),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.responseId, t.version] }),
    foreignKey({
      name: "survey_response_versions_response_fk",
      columns: [t.organisationId, t.responseId],
      foreignColumns: [surveyResponses.organisationId, surveyResponses.id],
    }),
    uniqueIndex("survey_response_versions_submission_idx").on(t.organisationId, t.submissionId),
  ],
);

/**
 * A paper response being keyed in by the secretariat: two clerks each enter the whole form (entry 1 and 2); the
 * differences are shown and resolved, and the resolved response becomes a submitted survey response.
 */
export const surveyPaperForms = pgTable(
  "survey_paper_forms",
  {
    id: uuid("id").notNull(),
    /** The secretariat keying it in. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    label: text("label").notNull(),
    prefecture: text("prefecture"),
    questionnaireUrl: text("questionnaire_url").notNull(),
    questionnaireVersion: text("questionnaire_version").notNull(),
    /** The survey response made when the differences were resolved. */
    responseId: uuid("response_id"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: "survey_paper_forms_response_fk",
      columns: [t.organisationId, t.responseId],
      foreignColumns: [surveyResponses.organisationId, surveyResponses.id],
    }),
  ],
);

export const surveyPaperEntries = pgTable(
  "survey_paper_entries",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    formId: uuid("form_id").notNull(),
    entryNo: integer("entry_no").notNull(),
    response: jsonb("response").$type<StoredQuestionnaireResponse>().notNull(),
    enteredBy: uuid("entered_by")
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.formId, t.entryNo] }),
    foreignKey({
      name: "survey_paper_entries_form_fk",
      columns: [t.organisationId, t.formId],
      foreignColumns: [surveyPaperForms.organisationId, surveyPaperForms.id],
    }),
    check("entry_no_1_or_2", sql`${t.entryNo} in (1, 2)`),
  ],
);

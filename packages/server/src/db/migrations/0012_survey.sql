CREATE TABLE "survey_paper_entries" (
	"form_id" uuid NOT NULL,
	"entry_no" integer NOT NULL,
	"response" jsonb NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_paper_entries_form_id_entry_no_pk" PRIMARY KEY("form_id","entry_no"),
	CONSTRAINT "entry_no_1_or_2" CHECK ("survey_paper_entries"."entry_no" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "survey_paper_forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"prefecture" text,
	"questionnaire_url" text NOT NULL,
	"questionnaire_version" text NOT NULL,
	"response_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_response_versions" (
	"response_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"submission_id" uuid NOT NULL,
	"response" jsonb NOT NULL,
	"dimensions" jsonb NOT NULL,
	"reason" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_response_versions_response_id_version_pk" PRIMARY KEY("response_id","version")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"hospital_id" uuid,
	"case_id" uuid,
	"questionnaire_url" text NOT NULL,
	"questionnaire_version" text NOT NULL,
	"status" text NOT NULL,
	"lab_status" text DEFAULT 'none' NOT NULL,
	"response" jsonb NOT NULL,
	"prefilled" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"prefecture" text,
	"is_cre" boolean,
	"mechanism" text,
	"infection_site" text,
	"verdict" text,
	"carbapenemase_tested" text,
	"consulted" boolean,
	"date_shift_days" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "survey_web_has_hospital" CHECK (("survey_responses"."source" = 'web') = ("survey_responses"."hospital_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "prefecture" text;--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD CONSTRAINT "survey_paper_entries_form_id_survey_paper_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."survey_paper_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD CONSTRAINT "survey_paper_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_forms" ADD CONSTRAINT "survey_paper_forms_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_paper_forms" ADD CONSTRAINT "survey_paper_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response_versions" ADD CONSTRAINT "survey_response_versions_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response_versions" ADD CONSTRAINT "survey_response_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_hospital_id_organisations_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_case_id_cre_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cre_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_versions_submission_idx" ON "survey_response_versions" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "survey_responses_hospital_idx" ON "survey_responses" USING btree ("hospital_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_case_idx" ON "survey_responses" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "survey_responses_overview_idx" ON "survey_responses" USING btree ("status","is_cre","prefecture","mechanism","infection_site","verdict","carbapenemase_tested","consulted");
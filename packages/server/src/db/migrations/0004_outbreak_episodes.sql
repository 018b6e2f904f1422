CREATE TABLE "outbreak_episode_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"case_id" uuid,
	"person_id" uuid NOT NULL,
	"onset_date" date,
	"resolved_date" date,
	"linked_by" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outbreak_episode_cases_kind_check" CHECK (("outbreak_episode_cases"."case_id" IS NULL) <> ("outbreak_episode_cases"."onset_date" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "outbreak_episode_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"text" text,
	"by_user" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbreak_episodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"subject_group" text,
	"subject_disease" text,
	"opened_date" date NOT NULL,
	"alert_code" text,
	"alert_day" date,
	"note" text,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_date" date,
	"decision" text,
	"override_reason" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "outbreak_episodes_subject_check" CHECK (("outbreak_episodes"."subject_group" IS NULL) <> ("outbreak_episodes"."subject_disease" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "outbreak_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"episode_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"catalogue_id" text,
	"text" text,
	"done_date" date NOT NULL,
	"done_by" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outbreak_measures_what_check" CHECK ("outbreak_measures"."catalogue_id" IS NOT NULL OR "outbreak_measures"."text" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_episode_id_outbreak_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."outbreak_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" ADD CONSTRAINT "outbreak_episode_events_episode_id_outbreak_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."outbreak_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" ADD CONSTRAINT "outbreak_episode_events_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episodes" ADD CONSTRAINT "outbreak_episodes_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episodes" ADD CONSTRAINT "outbreak_episodes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_episodes" ADD CONSTRAINT "outbreak_episodes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_measures" ADD CONSTRAINT "outbreak_measures_episode_id_outbreak_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."outbreak_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_measures" ADD CONSTRAINT "outbreak_measures_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbreak_measures" ADD CONSTRAINT "outbreak_measures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbreak_episode_cases_recorded_idx" ON "outbreak_episode_cases" USING btree ("episode_id","case_id") WHERE "outbreak_episode_cases"."case_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "outbreak_episode_cases_implicit_idx" ON "outbreak_episode_cases" USING btree ("episode_id","person_id","onset_date") WHERE "outbreak_episode_cases"."case_id" IS NULL;--> statement-breakpoint
CREATE INDEX "outbreak_episode_events_episode_idx" ON "outbreak_episode_events" USING btree ("episode_id","at");--> statement-breakpoint
CREATE INDEX "outbreak_episodes_facility_idx" ON "outbreak_episodes" USING btree ("facility_id","closed_date");--> statement-breakpoint
CREATE INDEX "outbreak_measures_episode_idx" ON "outbreak_measures" USING btree ("episode_id","done_date");
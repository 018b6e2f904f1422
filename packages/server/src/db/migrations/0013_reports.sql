CREATE TABLE "criterion_c_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"subject_group" text NOT NULL,
	"day" date NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"report_id" uuid,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "office_report_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"from_kind" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_report_recipients" (
	"report_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"facility_id" uuid NOT NULL,
	"state" text NOT NULL,
	"read_version" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"state_changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "office_report_recipients_report_id_office_id_pk" PRIMARY KEY("report_id","office_id")
);
--> statement-breakpoint
CREATE TABLE "office_report_versions" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "office_report_versions_report_id_version_pk" PRIMARY KEY("report_id","version")
);
--> statement-breakpoint
CREATE TABLE "office_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"episode_id" uuid,
	"subject_group" text NOT NULL,
	"criterion" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"submitted_version" integer,
	"content" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "office_reports_parent_check" CHECK (("office_reports"."kind" = 'first') = ("office_reports"."parent_id" is null))
);
--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" ADD CONSTRAINT "criterion_c_decisions_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" ADD CONSTRAINT "criterion_c_decisions_report_id_office_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."office_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" ADD CONSTRAINT "criterion_c_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_links" ADD CONSTRAINT "office_links_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_links" ADD CONSTRAINT "office_links_office_id_organisations_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD CONSTRAINT "office_report_messages_report_id_office_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."office_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD CONSTRAINT "office_report_messages_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD CONSTRAINT "office_report_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_recipients" ADD CONSTRAINT "office_report_recipients_report_id_office_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."office_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_recipients" ADD CONSTRAINT "office_report_recipients_office_id_organisations_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_recipients" ADD CONSTRAINT "office_report_recipients_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_versions" ADD CONSTRAINT "office_report_versions_report_id_office_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."office_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_report_versions" ADD CONSTRAINT "office_report_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_reports" ADD CONSTRAINT "office_reports_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_reports" ADD CONSTRAINT "office_reports_episode_id_outbreak_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."outbreak_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_reports" ADD CONSTRAINT "office_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "criterion_c_decisions_facility_idx" ON "criterion_c_decisions" USING btree ("facility_id","day");--> statement-breakpoint
CREATE INDEX "office_links_office_idx" ON "office_links" USING btree ("office_id","valid_to");--> statement-breakpoint
CREATE INDEX "office_links_facility_idx" ON "office_links" USING btree ("facility_id","valid_to");--> statement-breakpoint
CREATE UNIQUE INDEX "office_links_open_idx" ON "office_links" USING btree ("facility_id","kind") WHERE "office_links"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "office_report_messages_report_idx" ON "office_report_messages" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "office_report_recipients_office_idx" ON "office_report_recipients" USING btree ("office_id","received_at");--> statement-breakpoint
CREATE INDEX "office_reports_facility_idx" ON "office_reports" USING btree ("facility_id","created_at");--> statement-breakpoint
CREATE INDEX "office_reports_parent_idx" ON "office_reports" USING btree ("parent_id");
CREATE TABLE "antibiotic_courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"drug" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bath_uses" (
	"facility_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"date" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "bath_uses_person_id_date_pk" PRIMARY KEY("person_id","date")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"disease" text NOT NULL,
	"status" text NOT NULL,
	"onset_date" date NOT NULL,
	"resolved_date" date,
	"outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "antibiotic_courses" ADD CONSTRAINT "antibiotic_courses_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antibiotic_courses" ADD CONSTRAINT "antibiotic_courses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antibiotic_courses" ADD CONSTRAINT "antibiotic_courses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bath_uses" ADD CONSTRAINT "bath_uses_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bath_uses" ADD CONSTRAINT "bath_uses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bath_uses" ADD CONSTRAINT "bath_uses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "antibiotic_courses_facility_idx" ON "antibiotic_courses" USING btree ("facility_id","start_date");--> statement-breakpoint
CREATE INDEX "bath_uses_facility_idx" ON "bath_uses" USING btree ("facility_id","date");--> statement-breakpoint
CREATE INDEX "cases_facility_onset_idx" ON "cases" USING btree ("facility_id","onset_date");
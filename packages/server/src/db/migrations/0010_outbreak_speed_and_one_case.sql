CREATE TABLE "kept_onsets" (
	"facility_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"day" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"unit_id" uuid,
	"person_kind" text NOT NULL,
	CONSTRAINT "kept_onsets_person_id_subject_day_pk" PRIMARY KEY("person_id","subject","day")
);
--> statement-breakpoint
CREATE TABLE "kept_onsets_built" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"group_gap_days" integer NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kept_onsets" ADD CONSTRAINT "kept_onsets_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kept_onsets" ADD CONSTRAINT "kept_onsets_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kept_onsets" ADD CONSTRAINT "kept_onsets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kept_onsets_built" ADD CONSTRAINT "kept_onsets_built_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kept_onsets_facility_day_idx" ON "kept_onsets" USING btree ("facility_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_person_disease_onset_key" ON "cases" USING btree ("person_id","disease","onset_date") WHERE "cases"."disease" is not null;
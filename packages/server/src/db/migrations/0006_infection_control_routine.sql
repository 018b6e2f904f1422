CREATE TABLE "obligation_settings" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"committee_every_months" integer DEFAULT 3 NOT NULL,
	"new_hire_training_days" integer DEFAULT 30 NOT NULL,
	"regular_trainings_per_year" integer DEFAULT 2 NOT NULL,
	"fiscal_year_start_month" integer DEFAULT 4 NOT NULL,
	"guideline_review_months" integer DEFAULT 12 NOT NULL,
	"health_check_every_months" integer DEFAULT 12 NOT NULL,
	"flu_vaccine_due_month" integer DEFAULT 12 NOT NULL,
	"circulating_bath_water_change_days" integer DEFAULT 7 NOT NULL,
	"retention_years" integer DEFAULT 5 NOT NULL,
	"influenza_days_after_onset" integer DEFAULT 5 NOT NULL,
	"influenza_days_after_fever" integer DEFAULT 2 NOT NULL,
	"gi_symptom_free_days" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routine_acknowledgements" (
	"record_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routine_acknowledgements_record_id_user_id_pk" PRIMARY KEY("record_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "routine_attendance" (
	"record_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "routine_attendance_record_id_person_id_pk" PRIMARY KEY("record_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "routine_equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"season_from" date,
	"season_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routine_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"facility_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"person_id" uuid,
	"equipment_id" uuid,
	"data" jsonb NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "obligation_settings" ADD CONSTRAINT "obligation_settings_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ADD CONSTRAINT "routine_acknowledgements_record_id_routine_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."routine_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ADD CONSTRAINT "routine_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_record_id_routine_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."routine_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_equipment" ADD CONSTRAINT "routine_equipment_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_equipment_id_routine_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."routine_equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routine_attendance_person_idx" ON "routine_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "routine_equipment_facility_idx" ON "routine_equipment" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "routine_records_facility_type_date_idx" ON "routine_records" USING btree ("facility_id","type","date");--> statement-breakpoint
CREATE INDEX "routine_records_person_idx" ON "routine_records" USING btree ("person_id");
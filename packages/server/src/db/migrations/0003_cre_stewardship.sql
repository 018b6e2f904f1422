CREATE TABLE "cre_availability" (
	"hospital_id" uuid PRIMARY KEY NOT NULL,
	"drugs" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cre_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hospital_id" uuid NOT NULL,
	"patient_label" text NOT NULL,
	"isolate" jsonb NOT NULL,
	"infection" jsonb,
	"severity" jsonb,
	"diagnosed_on" date,
	"notified_on" date,
	"cefiderocol_ordered" boolean DEFAULT false NOT NULL,
	"cefiderocol_ordered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cre_consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"hospital_id" uuid NOT NULL,
	"note" text NOT NULL,
	"decision" text,
	"case_version" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cre_availability" ADD CONSTRAINT "cre_availability_hospital_id_organisations_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_availability" ADD CONSTRAINT "cre_availability_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_cases" ADD CONSTRAINT "cre_cases_hospital_id_organisations_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_cases" ADD CONSTRAINT "cre_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_cases" ADD CONSTRAINT "cre_cases_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_consultations" ADD CONSTRAINT "cre_consultations_case_id_cre_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cre_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_consultations" ADD CONSTRAINT "cre_consultations_hospital_id_organisations_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_consultations" ADD CONSTRAINT "cre_consultations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cre_cases_hospital_created_idx" ON "cre_cases" USING btree ("hospital_id","created_at");--> statement-breakpoint
CREATE INDEX "cre_consultations_case_idx" ON "cre_consultations" USING btree ("case_id","recorded_at");
CREATE TABLE "cre_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"hospital_id" uuid NOT NULL,
	"health_centre_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cre_notifications" ADD CONSTRAINT "cre_notifications_case_id_cre_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cre_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_notifications" ADD CONSTRAINT "cre_notifications_hospital_id_organisations_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_notifications" ADD CONSTRAINT "cre_notifications_health_centre_id_organisations_id_fk" FOREIGN KEY ("health_centre_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cre_notifications" ADD CONSTRAINT "cre_notifications_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cre_notifications_case_idx" ON "cre_notifications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cre_notifications_health_centre_idx" ON "cre_notifications" USING btree ("health_centre_id","sent_at");
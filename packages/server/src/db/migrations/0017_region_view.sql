CREATE TABLE "report_templates" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"xlsx" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"names" jsonb NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "shares_counts_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
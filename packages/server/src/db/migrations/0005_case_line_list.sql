ALTER TABLE "cases" ALTER COLUMN "disease" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "syndrome_group" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "diagnosed_date" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "remarks" text;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_disease_or_group" CHECK ("cases"."disease" is not null or "cases"."syndrome_group" is not null);--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_syndrome_group" CHECK ("cases"."syndrome_group" in ('GI', 'RESP', 'ILI', 'FEVER', 'SKIN'));
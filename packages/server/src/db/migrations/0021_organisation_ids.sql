-- Ids scoped to the organisation. An id is unique only within its organisation: the constraints that kept each id
-- unique on its own (<table>_id_unique, migration 0019) go, so an id another organisation uses is simply this
-- organisation's new row. The tables that belonged to an organisation without naming it get its column, filled from
-- the row they belong to (rooms from their unit, episode events from their episode, report versions and messages
-- from their report, routine attendance and acknowledgements from their record; survey responses from their hospital,
-- or from the secretariat that keyed in the paper form; their versions, paper forms and entries likewise), are keyed
-- by it, and point to their parent through it. The unique indexes that held a lone id (one recorded case per person,
-- disease and onset; one notification and one survey response per CRE case; one submission id) hold it per
-- organisation.

-- The foreign keys on lone ids, before the keys they lean on go.
ALTER TABLE "outbreak_episode_events" DROP CONSTRAINT "outbreak_episode_events_episode_id_outbreak_episodes_id_fk";
--> statement-breakpoint
ALTER TABLE "rooms" DROP CONSTRAINT "rooms_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_room_id_rooms_id_fk";
--> statement-breakpoint
ALTER TABLE "office_report_messages" DROP CONSTRAINT "office_report_messages_report_id_office_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "office_report_versions" DROP CONSTRAINT "office_report_versions_report_id_office_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" DROP CONSTRAINT "routine_acknowledgements_record_id_routine_records_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_attendance" DROP CONSTRAINT "routine_attendance_record_id_routine_records_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_attendance" DROP CONSTRAINT "routine_attendance_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "survey_paper_entries" DROP CONSTRAINT "survey_paper_entries_form_id_survey_paper_forms_id_fk";
--> statement-breakpoint
ALTER TABLE "survey_paper_forms" DROP CONSTRAINT "survey_paper_forms_response_id_survey_responses_id_fk";
--> statement-breakpoint
ALTER TABLE "survey_response_versions" DROP CONSTRAINT "survey_response_versions_response_id_survey_responses_id_fk";
--> statement-breakpoint
ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_case_fk";
--> statement-breakpoint

-- The organisation of the rows that had none, from the row each belongs to (ids are still unique here).
ALTER TABLE "outbreak_episode_events" ADD COLUMN "facility_id" uuid;
--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "facility_id" uuid;
--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD COLUMN "facility_id" uuid;
--> statement-breakpoint
ALTER TABLE "office_report_versions" ADD COLUMN "facility_id" uuid;
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ADD COLUMN "facility_id" uuid;
--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD COLUMN "facility_id" uuid;
--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD COLUMN "organisation_id" uuid;
--> statement-breakpoint
ALTER TABLE "survey_paper_forms" ADD COLUMN "organisation_id" uuid;
--> statement-breakpoint
ALTER TABLE "survey_response_versions" ADD COLUMN "organisation_id" uuid;
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "organisation_id" uuid;
--> statement-breakpoint
UPDATE "outbreak_episode_events" e SET "facility_id" = p."facility_id" FROM "outbreak_episodes" p WHERE p."id" = e."episode_id";
--> statement-breakpoint
UPDATE "rooms" r SET "facility_id" = u."facility_id" FROM "units" u WHERE u."id" = r."unit_id";
--> statement-breakpoint
UPDATE "office_report_messages" m SET "facility_id" = p."facility_id" FROM "office_reports" p WHERE p."id" = m."report_id";
--> statement-breakpoint
UPDATE "office_report_versions" v SET "facility_id" = p."facility_id" FROM "office_reports" p WHERE p."id" = v."report_id";
--> statement-breakpoint
UPDATE "routine_acknowledgements" a SET "facility_id" = p."facility_id" FROM "routine_records" p WHERE p."id" = a."record_id";
--> statement-breakpoint
UPDATE "routine_attendance" a SET "facility_id" = p."facility_id" FROM "routine_records" p WHERE p."id" = a."record_id";
--> statement-breakpoint
UPDATE "survey_paper_forms" f SET "organisation_id" = u."organisation_id" FROM "users" u WHERE u."id" = f."created_by";
--> statement-breakpoint
UPDATE "survey_paper_entries" e SET "organisation_id" = f."organisation_id" FROM "survey_paper_forms" f WHERE f."id" = e."form_id";
--> statement-breakpoint
UPDATE "survey_responses" r SET "organisation_id" = coalesce(r."hospital_id", u."organisation_id") FROM "users" u WHERE u."id" = r."created_by";
--> statement-breakpoint
UPDATE "survey_responses" r SET "organisation_id" = f."organisation_id" FROM "survey_paper_forms" f WHERE f."response_id" = r."id";
--> statement-breakpoint
UPDATE "survey_response_versions" v SET "organisation_id" = r."organisation_id" FROM "survey_responses" r WHERE r."id" = v."response_id";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" ALTER COLUMN "facility_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "rooms" ALTER COLUMN "facility_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "office_report_messages" ALTER COLUMN "facility_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "office_report_versions" ALTER COLUMN "facility_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ALTER COLUMN "facility_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "routine_attendance" ALTER COLUMN "facility_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ALTER COLUMN "organisation_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "survey_paper_forms" ALTER COLUMN "organisation_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "survey_response_versions" ALTER COLUMN "organisation_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "survey_responses" ALTER COLUMN "organisation_id" SET NOT NULL;
--> statement-breakpoint

-- Keys: the organisation first.
DROP INDEX "cases_person_disease_onset_key";
--> statement-breakpoint
DROP INDEX "cre_notifications_case_idx";
--> statement-breakpoint
DROP INDEX "outbreak_episode_cases_recorded_idx";
--> statement-breakpoint
DROP INDEX "outbreak_episode_cases_implicit_idx";
--> statement-breakpoint
DROP INDEX "survey_response_versions_submission_idx";
--> statement-breakpoint
DROP INDEX "survey_responses_case_idx";
--> statement-breakpoint
ALTER TABLE "office_report_versions" DROP CONSTRAINT "office_report_versions_report_id_version_pk";
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" DROP CONSTRAINT "routine_acknowledgements_record_id_user_id_pk";
--> statement-breakpoint
ALTER TABLE "routine_attendance" DROP CONSTRAINT "routine_attendance_record_id_person_id_pk";
--> statement-breakpoint
ALTER TABLE "survey_paper_entries" DROP CONSTRAINT "survey_paper_entries_form_id_entry_no_pk";
--> statement-breakpoint
ALTER TABLE "survey_response_versions" DROP CONSTRAINT "survey_response_versions_response_id_version_pk";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" DROP CONSTRAINT "outbreak_episode_events_pkey";
--> statement-breakpoint
ALTER TABLE "rooms" DROP CONSTRAINT "rooms_pkey";
--> statement-breakpoint
ALTER TABLE "office_report_messages" DROP CONSTRAINT "office_report_messages_pkey";
--> statement-breakpoint
ALTER TABLE "survey_paper_forms" DROP CONSTRAINT "survey_paper_forms_pkey";
--> statement-breakpoint
ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_pkey";
--> statement-breakpoint
ALTER TABLE "antibiotic_courses" DROP CONSTRAINT "antibiotic_courses_id_unique";
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_id_unique";
--> statement-breakpoint
ALTER TABLE "cre_cases" DROP CONSTRAINT "cre_cases_id_unique";
--> statement-breakpoint
ALTER TABLE "cre_consultations" DROP CONSTRAINT "cre_consultations_id_unique";
--> statement-breakpoint
ALTER TABLE "cre_notifications" DROP CONSTRAINT "cre_notifications_id_unique";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" DROP CONSTRAINT "outbreak_episode_cases_id_unique";
--> statement-breakpoint
ALTER TABLE "outbreak_episodes" DROP CONSTRAINT "outbreak_episodes_id_unique";
--> statement-breakpoint
ALTER TABLE "outbreak_measures" DROP CONSTRAINT "outbreak_measures_id_unique";
--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_id_unique";
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_id_unique";
--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" DROP CONSTRAINT "criterion_c_decisions_id_unique";
--> statement-breakpoint
ALTER TABLE "office_links" DROP CONSTRAINT "office_links_id_unique";
--> statement-breakpoint
ALTER TABLE "office_reports" DROP CONSTRAINT "office_reports_id_unique";
--> statement-breakpoint
ALTER TABLE "routine_equipment" DROP CONSTRAINT "routine_equipment_id_unique";
--> statement-breakpoint
ALTER TABLE "routine_records" DROP CONSTRAINT "routine_records_id_unique";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" ADD CONSTRAINT "outbreak_episode_events_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD CONSTRAINT "office_report_messages_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "office_report_versions" ADD CONSTRAINT "office_report_versions_facility_id_report_id_version_pk" PRIMARY KEY("facility_id","report_id","version");
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ADD CONSTRAINT "routine_acknowledgements_facility_id_record_id_user_id_pk" PRIMARY KEY("facility_id","record_id","user_id");
--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_facility_id_record_id_person_id_pk" PRIMARY KEY("facility_id","record_id","person_id");
--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD CONSTRAINT "survey_paper_entries_organisation_id_form_id_entry_no_pk" PRIMARY KEY("organisation_id","form_id","entry_no");
--> statement-breakpoint
ALTER TABLE "survey_paper_forms" ADD CONSTRAINT "survey_paper_forms_organisation_id_id_pk" PRIMARY KEY("organisation_id","id");
--> statement-breakpoint
ALTER TABLE "survey_response_versions" ADD CONSTRAINT "survey_response_versions_organisation_id_response_id_version_pk" PRIMARY KEY("organisation_id","response_id","version");
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_id_pk" PRIMARY KEY("organisation_id","id");
--> statement-breakpoint

-- Every foreign key between an organisation's tables carries the organisation.
ALTER TABLE "outbreak_episode_events" ADD CONSTRAINT "outbreak_episode_events_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" ADD CONSTRAINT "outbreak_episode_events_episode_fk" FOREIGN KEY ("facility_id","episode_id") REFERENCES "public"."outbreak_episodes"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_unit_fk" FOREIGN KEY ("facility_id","unit_id") REFERENCES "public"."units"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_room_fk" FOREIGN KEY ("facility_id","room_id") REFERENCES "public"."rooms"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD CONSTRAINT "office_report_messages_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD CONSTRAINT "office_report_messages_report_fk" FOREIGN KEY ("facility_id","report_id") REFERENCES "public"."office_reports"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_report_versions" ADD CONSTRAINT "office_report_versions_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_report_versions" ADD CONSTRAINT "office_report_versions_report_fk" FOREIGN KEY ("facility_id","report_id") REFERENCES "public"."office_reports"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ADD CONSTRAINT "routine_acknowledgements_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ADD CONSTRAINT "routine_acknowledgements_record_fk" FOREIGN KEY ("facility_id","record_id") REFERENCES "public"."routine_records"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_record_fk" FOREIGN KEY ("facility_id","record_id") REFERENCES "public"."routine_records"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD CONSTRAINT "survey_paper_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_paper_entries" ADD CONSTRAINT "survey_paper_entries_form_fk" FOREIGN KEY ("organisation_id","form_id") REFERENCES "public"."survey_paper_forms"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_paper_forms" ADD CONSTRAINT "survey_paper_forms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_paper_forms" ADD CONSTRAINT "survey_paper_forms_response_fk" FOREIGN KEY ("organisation_id","response_id") REFERENCES "public"."survey_responses"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_response_versions" ADD CONSTRAINT "survey_response_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_response_versions" ADD CONSTRAINT "survey_response_versions_response_fk" FOREIGN KEY ("organisation_id","response_id") REFERENCES "public"."survey_responses"("organisation_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cre_cases"("hospital_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "cases_person_disease_onset_key" ON "cases" USING btree ("facility_id","person_id","disease","onset_date") WHERE "cases"."disease" is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "cre_notifications_case_idx" ON "cre_notifications" USING btree ("hospital_id","case_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "outbreak_episode_cases_recorded_idx" ON "outbreak_episode_cases" USING btree ("facility_id","episode_id","case_id") WHERE "outbreak_episode_cases"."case_id" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "outbreak_episode_cases_implicit_idx" ON "outbreak_episode_cases" USING btree ("facility_id","episode_id","person_id","onset_date") WHERE "outbreak_episode_cases"."case_id" IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_versions_submission_idx" ON "survey_response_versions" USING btree ("organisation_id","submission_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_case_idx" ON "survey_responses" USING btree ("organisation_id","case_id");
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_hospital_owns" CHECK ("survey_responses"."hospital_id" is null or "survey_responses"."hospital_id" = "survey_responses"."organisation_id");
--> statement-breakpoint

-- A month whose rows wait in the default partition gets its partition too: the rows are taken out of the default
-- partition and put back through the parent once the partition exists, in the caller's transaction (a partition cannot
-- be made over rows the default partition holds). An observation leaving the default partition releases its key and
-- claims it again as it goes back in. The audit log's refusal of DELETE is lifted on the default partition for that
-- one statement only (which needs the table's owner, as dropping the trigger would); the entries go back unchanged,
-- numbers and times included, and the new partition refuses change as every other does.
CREATE OR REPLACE FUNCTION mamori_create_month_partition(parent text, month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  next_first_day date := (date_trunc('month', month) + interval '1 month')::date;
  from_at timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
  to_at timestamptz := next_first_day::timestamp AT TIME ZONE 'UTC';
  partition_name text := parent || '_' || to_char(first_day, 'YYYY_MM');
  default_name text := parent || '_default';
  held boolean;
BEGIN
  IF to_regclass(quote_ident(partition_name)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT exists (SELECT 1 FROM %I WHERE "at" >= %L AND "at" < %L)', default_name, from_at, to_at)
    INTO held;
  IF held THEN
    EXECUTE format('CREATE TEMPORARY TABLE mamori_moving_rows ON COMMIT DROP AS SELECT * FROM %I WHERE "at" >= %L AND "at" < %L',
      default_name, from_at, to_at);
    IF parent = 'audit_log' THEN
      ALTER TABLE audit_log_default DISABLE TRIGGER audit_log_no_update_delete;
    END IF;
    EXECUTE format('DELETE FROM %I WHERE "at" >= %L AND "at" < %L', default_name, from_at, to_at);
    IF parent = 'audit_log' THEN
      ALTER TABLE audit_log_default ENABLE TRIGGER audit_log_no_update_delete;
    END IF;
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition_name, parent, from_at, to_at);
  -- Row triggers pass to partitions; a statement trigger on TRUNCATE does not.
  IF parent = 'audit_log' THEN
    EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()', partition_name);
  END IF;
  IF held THEN
    EXECUTE format('INSERT INTO %I SELECT * FROM mamori_moving_rows', parent);
    DROP TABLE mamori_moving_rows;
  END IF;
  RETURN true;
END;
$$;

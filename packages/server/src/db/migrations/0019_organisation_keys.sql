-- Keys scoped to the organisation. Every table of an organisation's rows that has an id is keyed by (organisation,
-- id), the organisation first, and the kept onsets, bath uses and report recipients get the organisation in front of
-- their keys; the rows that point to another of the organisation's tables carry the organisation in the foreign key,
-- so a row can only point to a row of its own organisation. Each id stays unique on its own as well, for the rows that
-- point to it without an organisation column of their own (rooms, attendance, acknowledgements, episode events, report
-- versions and messages) and for the inserts that answer a resend by id; a distributed cluster drops that last
-- uniqueness (docs/scaling.md).
ALTER TABLE "antibiotic_courses" DROP CONSTRAINT "antibiotic_courses_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "bath_uses" DROP CONSTRAINT "bath_uses_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "cre_consultations" DROP CONSTRAINT "cre_consultations_case_id_cre_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "cre_notifications" DROP CONSTRAINT "cre_notifications_case_id_cre_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" DROP CONSTRAINT "outbreak_episode_cases_episode_id_outbreak_episodes_id_fk";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" DROP CONSTRAINT "outbreak_episode_cases_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" DROP CONSTRAINT "outbreak_episode_cases_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "outbreak_measures" DROP CONSTRAINT "outbreak_measures_episode_id_outbreak_episodes_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "kept_onsets" DROP CONSTRAINT "kept_onsets_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "kept_onsets" DROP CONSTRAINT "kept_onsets_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" DROP CONSTRAINT "criterion_c_decisions_report_id_office_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "office_report_recipients" DROP CONSTRAINT "office_report_recipients_report_id_office_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "office_reports" DROP CONSTRAINT "office_reports_episode_id_outbreak_episodes_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_records" DROP CONSTRAINT "routine_records_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_records" DROP CONSTRAINT "routine_records_equipment_id_routine_equipment_id_fk";
--> statement-breakpoint
ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_case_id_cre_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "rooms" DROP CONSTRAINT "rooms_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_attendance" DROP CONSTRAINT "routine_attendance_person_id_people_id_fk";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" DROP CONSTRAINT "outbreak_episode_events_episode_id_outbreak_episodes_id_fk";
--> statement-breakpoint
ALTER TABLE "office_report_versions" DROP CONSTRAINT "office_report_versions_report_id_office_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "office_report_messages" DROP CONSTRAINT "office_report_messages_report_id_office_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_attendance" DROP CONSTRAINT "routine_attendance_record_id_routine_records_id_fk";
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" DROP CONSTRAINT "routine_acknowledgements_record_id_routine_records_id_fk";
--> statement-breakpoint
ALTER TABLE "antibiotic_courses" ADD CONSTRAINT "antibiotic_courses_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "cre_cases" ADD CONSTRAINT "cre_cases_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "cre_consultations" ADD CONSTRAINT "cre_consultations_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "cre_notifications" ADD CONSTRAINT "cre_notifications_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "outbreak_episodes" ADD CONSTRAINT "outbreak_episodes_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "outbreak_measures" ADD CONSTRAINT "outbreak_measures_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" ADD CONSTRAINT "criterion_c_decisions_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "office_links" ADD CONSTRAINT "office_links_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "office_reports" ADD CONSTRAINT "office_reports_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "routine_equipment" ADD CONSTRAINT "routine_equipment_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_id_unique" UNIQUE("id");
--> statement-breakpoint
ALTER TABLE "antibiotic_courses" DROP CONSTRAINT "antibiotic_courses_pkey";
--> statement-breakpoint
ALTER TABLE "bath_uses" DROP CONSTRAINT "bath_uses_person_id_date_pk";
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_pkey";
--> statement-breakpoint
ALTER TABLE "cre_cases" DROP CONSTRAINT "cre_cases_pkey";
--> statement-breakpoint
ALTER TABLE "cre_consultations" DROP CONSTRAINT "cre_consultations_pkey";
--> statement-breakpoint
ALTER TABLE "cre_notifications" DROP CONSTRAINT "cre_notifications_pkey";
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" DROP CONSTRAINT "outbreak_episode_cases_pkey";
--> statement-breakpoint
ALTER TABLE "outbreak_episodes" DROP CONSTRAINT "outbreak_episodes_pkey";
--> statement-breakpoint
ALTER TABLE "outbreak_measures" DROP CONSTRAINT "outbreak_measures_pkey";
--> statement-breakpoint
ALTER TABLE "kept_onsets" DROP CONSTRAINT "kept_onsets_person_id_subject_day_pk";
--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_pkey";
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_pkey";
--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" DROP CONSTRAINT "criterion_c_decisions_pkey";
--> statement-breakpoint
ALTER TABLE "office_links" DROP CONSTRAINT "office_links_pkey";
--> statement-breakpoint
ALTER TABLE "office_report_recipients" DROP CONSTRAINT "office_report_recipients_report_id_office_id_pk";
--> statement-breakpoint
ALTER TABLE "office_reports" DROP CONSTRAINT "office_reports_pkey";
--> statement-breakpoint
ALTER TABLE "routine_equipment" DROP CONSTRAINT "routine_equipment_pkey";
--> statement-breakpoint
ALTER TABLE "routine_records" DROP CONSTRAINT "routine_records_pkey";
--> statement-breakpoint
ALTER TABLE "antibiotic_courses" ADD CONSTRAINT "antibiotic_courses_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "bath_uses" ADD CONSTRAINT "bath_uses_facility_id_person_id_date_pk" PRIMARY KEY("facility_id","person_id","date");
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "cre_cases" ADD CONSTRAINT "cre_cases_hospital_id_id_pk" PRIMARY KEY("hospital_id","id");
--> statement-breakpoint
ALTER TABLE "cre_consultations" ADD CONSTRAINT "cre_consultations_hospital_id_id_pk" PRIMARY KEY("hospital_id","id");
--> statement-breakpoint
ALTER TABLE "cre_notifications" ADD CONSTRAINT "cre_notifications_hospital_id_id_pk" PRIMARY KEY("hospital_id","id");
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "outbreak_episodes" ADD CONSTRAINT "outbreak_episodes_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "outbreak_measures" ADD CONSTRAINT "outbreak_measures_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "kept_onsets" ADD CONSTRAINT "kept_onsets_facility_id_person_id_subject_day_pk" PRIMARY KEY("facility_id","person_id","subject","day");
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" ADD CONSTRAINT "criterion_c_decisions_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "office_links" ADD CONSTRAINT "office_links_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "office_report_recipients" ADD CONSTRAINT "office_report_recipients_facility_id_report_id_office_id_pk" PRIMARY KEY("facility_id","report_id","office_id");
--> statement-breakpoint
ALTER TABLE "office_reports" ADD CONSTRAINT "office_reports_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "routine_equipment" ADD CONSTRAINT "routine_equipment_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_facility_id_id_pk" PRIMARY KEY("facility_id","id");
--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "outbreak_episode_events" ADD CONSTRAINT "outbreak_episode_events_episode_id_outbreak_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."outbreak_episodes"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_report_versions" ADD CONSTRAINT "office_report_versions_report_id_office_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."office_reports"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_report_messages" ADD CONSTRAINT "office_report_messages_report_id_office_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."office_reports"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_attendance" ADD CONSTRAINT "routine_attendance_record_id_routine_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."routine_records"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_acknowledgements" ADD CONSTRAINT "routine_acknowledgements_record_id_routine_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."routine_records"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "antibiotic_courses" ADD CONSTRAINT "antibiotic_courses_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "bath_uses" ADD CONSTRAINT "bath_uses_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cre_consultations" ADD CONSTRAINT "cre_consultations_case_fk" FOREIGN KEY ("hospital_id","case_id") REFERENCES "public"."cre_cases"("hospital_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cre_notifications" ADD CONSTRAINT "cre_notifications_case_fk" FOREIGN KEY ("hospital_id","case_id") REFERENCES "public"."cre_cases"("hospital_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_case_fk" FOREIGN KEY ("facility_id","case_id") REFERENCES "public"."cases"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "outbreak_episode_cases" ADD CONSTRAINT "outbreak_episode_cases_episode_fk" FOREIGN KEY ("facility_id","episode_id") REFERENCES "public"."outbreak_episodes"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "outbreak_measures" ADD CONSTRAINT "outbreak_measures_episode_fk" FOREIGN KEY ("facility_id","episode_id") REFERENCES "public"."outbreak_episodes"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "kept_onsets" ADD CONSTRAINT "kept_onsets_unit_fk" FOREIGN KEY ("facility_id","unit_id") REFERENCES "public"."units"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "kept_onsets" ADD CONSTRAINT "kept_onsets_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_fk" FOREIGN KEY ("facility_id","unit_id") REFERENCES "public"."units"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criterion_c_decisions" ADD CONSTRAINT "criterion_c_decisions_report_fk" FOREIGN KEY ("facility_id","report_id") REFERENCES "public"."office_reports"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_report_recipients" ADD CONSTRAINT "office_report_recipients_report_fk" FOREIGN KEY ("facility_id","report_id") REFERENCES "public"."office_reports"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "office_reports" ADD CONSTRAINT "office_reports_episode_fk" FOREIGN KEY ("facility_id","episode_id") REFERENCES "public"."outbreak_episodes"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_equipment_fk" FOREIGN KEY ("facility_id","equipment_id") REFERENCES "public"."routine_equipment"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_records" ADD CONSTRAINT "routine_records_person_fk" FOREIGN KEY ("facility_id","person_id") REFERENCES "public"."people"("facility_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_case_fk" FOREIGN KEY ("hospital_id","case_id") REFERENCES "public"."cre_cases"("hospital_id","id") ON DELETE no action ON UPDATE no action;

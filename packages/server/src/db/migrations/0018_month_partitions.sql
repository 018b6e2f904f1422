-- observations and audit_log partitioned by month of "at" (declarative range partitions, one per calendar month in
-- UTC, named <table>_YYYY_MM, plus <table>_default for a month that has none yet). The rows stored so far are copied
-- into the partitioned tables.
--
-- A key of a partitioned table must hold the partition column, so an observation's id is kept once per facility in
-- observation_keys, which a trigger fills on insert. An insert whose key is stored is left out (the trigger answers
-- no row), as "on conflict do nothing" would: the round's write (record-statements.ts) tells a resend from a
-- conflict by the rows it gets back. A row leaving observations takes its key with it.

CREATE TABLE "observation_keys" (
	"facility_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	CONSTRAINT "observation_keys_facility_id_id_pk" PRIMARY KEY("facility_id","id")
);
--> statement-breakpoint
ALTER TABLE "observation_keys" ADD CONSTRAINT "observation_keys_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
INSERT INTO "observation_keys" ("facility_id", "id") SELECT "facility_id", "id" FROM "observations";
--> statement-breakpoint

-- The partition of one month, made if missing. A month whose rows already sit in the default partition is left
-- there (a partition cannot be attached over rows the default holds; the audit log's rows cannot be moved): they are
-- found and read as any other. Answers whether a partition was made.
CREATE FUNCTION mamori_create_month_partition(parent text, month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  next_first_day date := (date_trunc('month', month) + interval '1 month')::date;
  partition_name text := parent || '_' || to_char(first_day, 'YYYY_MM');
  held boolean;
BEGIN
  IF to_regclass(quote_ident(partition_name)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT exists (SELECT 1 FROM %I WHERE "at" >= %L AND "at" < %L)',
    parent || '_default', first_day::timestamp AT TIME ZONE 'UTC', next_first_day::timestamp AT TIME ZONE 'UTC') INTO held;
  IF held THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
    partition_name, parent, first_day::timestamp AT TIME ZONE 'UTC', next_first_day::timestamp AT TIME ZONE 'UTC');
  -- Row triggers pass to partitions; a statement trigger on TRUNCATE does not.
  IF parent = 'audit_log' THEN
    EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()', partition_name);
  END IF;
  RETURN true;
END;
$$;
--> statement-breakpoint

-- The partitions of the months around a moment (by default: the month before it to three months after it), for both
-- tables. Called by the migrations and by the server at start-up and once a day (db/month-partitions.ts). Answers
-- how many were made.
CREATE FUNCTION mamori_ensure_month_partitions(around timestamptz DEFAULT now(), months_before int DEFAULT 1,
  months_after int DEFAULT 3) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  made int := 0;
  parent text;
  i int;
BEGIN
  -- Two servers starting at once make each partition once.
  PERFORM pg_advisory_xact_lock(hashtext('mamori_ensure_month_partitions'));
  FOREACH parent IN ARRAY ARRAY['observations', 'audit_log'] LOOP
    FOR i IN -months_before..months_after LOOP
      IF mamori_create_month_partition(parent, ((around AT TIME ZONE 'UTC') + make_interval(months => i))::date) THEN
        made := made + 1;
      END IF;
    END LOOP;
  END LOOP;
  RETURN made;
END;
$$;
--> statement-breakpoint

-- observations
ALTER TABLE "observations" RENAME TO "observations_unpartitioned";
--> statement-breakpoint
ALTER INDEX "observations_pkey" RENAME TO "observations_unpartitioned_pkey";
--> statement-breakpoint
ALTER INDEX "observations_person_at_idx" RENAME TO "observations_unpartitioned_person_at_idx";
--> statement-breakpoint
ALTER INDEX "observations_facility_at_idx" RENAME TO "observations_unpartitioned_facility_at_idx";
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"temp_c" numeric(3, 1),
	"symptoms" text[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_facility_id_id_at_pk" PRIMARY KEY("facility_id","id","at")
) PARTITION BY RANGE ("at");
--> statement-breakpoint
CREATE TABLE "observations_default" PARTITION OF "observations" DEFAULT;
--> statement-breakpoint

-- audit_log
ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned";
--> statement-breakpoint
ALTER INDEX "audit_log_pkey" RENAME TO "audit_log_unpartitioned_pkey";
--> statement-breakpoint
ALTER INDEX "audit_entity_idx" RENAME TO "audit_unpartitioned_entity_idx";
--> statement-breakpoint
ALTER SEQUENCE "audit_log_id_seq" OWNED BY NONE;
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint DEFAULT nextval('audit_log_id_seq') NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_log_id_at_pk" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");
--> statement-breakpoint
ALTER SEQUENCE "audit_log_id_seq" OWNED BY "audit_log"."id";
--> statement-breakpoint
CREATE TABLE "audit_log_default" PARTITION OF "audit_log" DEFAULT;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log_default"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint

-- A partition for every month that holds rows, and for the months around now; then the rows.
SELECT mamori_create_month_partition('observations', m)
  FROM (SELECT DISTINCT date_trunc('month', "at" AT TIME ZONE 'UTC')::date AS m FROM "observations_unpartitioned") months;
--> statement-breakpoint
SELECT mamori_create_month_partition('audit_log', m)
  FROM (SELECT DISTINCT date_trunc('month', "at" AT TIME ZONE 'UTC')::date AS m FROM "audit_log_unpartitioned") months;
--> statement-breakpoint
SELECT mamori_ensure_month_partitions();
--> statement-breakpoint
INSERT INTO "observations" SELECT "id", "facility_id", "person_id", "at", "temp_c", "symptoms", "note", "version",
  "recorded_by", "recorded_at" FROM "observations_unpartitioned";
--> statement-breakpoint
INSERT INTO "audit_log" SELECT "id", "at", "actor_user_id", "organisation_id", "action", "entity", "entity_id",
  "before", "after" FROM "audit_log_unpartitioned";
--> statement-breakpoint
DROP TABLE "observations_unpartitioned";
--> statement-breakpoint
DROP TABLE "audit_log_unpartitioned";
--> statement-breakpoint

-- Indexes and keys, once the rows are in.
CREATE INDEX "observations_person_at_idx" ON "observations" USING btree ("person_id","at");
--> statement-breakpoint
CREATE INDEX "observations_facility_at_idx" ON "observations" USING btree ("facility_id","at");
--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_facility_id_organisations_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_key_fk" FOREIGN KEY ("facility_id", "id") REFERENCES "public"."observation_keys"("facility_id", "id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint

-- The key of a new observation: stored here, or, when it is stored already, the row is left out.
CREATE FUNCTION observations_claim_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO observation_keys (facility_id, id) VALUES (NEW.facility_id, NEW.id) ON CONFLICT DO NOTHING;
  IF FOUND THEN
    RETURN NEW;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Before the row goes: an update that would move a row to another partition deletes it before it inserts it again,
-- and the insert claims the key anew.
CREATE FUNCTION observations_release_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM observation_keys WHERE facility_id = OLD.facility_id AND id = OLD.id;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER observations_claim_key BEFORE INSERT ON "observations"
  FOR EACH ROW EXECUTE FUNCTION observations_claim_key();
--> statement-breakpoint
CREATE TRIGGER observations_release_key BEFORE DELETE ON "observations"
  FOR EACH ROW EXECUTE FUNCTION observations_release_key();

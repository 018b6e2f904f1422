-- The audit log keyed by organisation first, as every per-organisation table is (migrations 0019, 0021), so that it
-- can be distributed by organisation (docs/scaling.md): organisation_id is required and leads the primary key
-- (organisation_id, id, at), which also serves an organisation's latest entry (audit_organisation_idx goes). An entry
-- that belongs to no organisation (a failed sign-in of an unknown username) is filed under the nil UUID, which no
-- organisation may have (audit/no-organisation.ts). The entries stored without one get it here: the refusal of UPDATE
-- is lifted for that one statement (it passes to every partition), inside the migration's transaction. The new key's
-- index is built on every month's partition while the log is locked: on a large log, writes wait for the migration.
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
UPDATE "audit_log" SET "organisation_id" = '00000000-0000-0000-0000-000000000000' WHERE "organisation_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
DROP INDEX "audit_organisation_idx";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_id_at_pk";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_id_at_pk" PRIMARY KEY("organisation_id","id","at");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisation_not_none" CHECK ("organisations"."id" <> '00000000-0000-0000-0000-000000000000'::uuid);
--> statement-breakpoint

-- Making a month's partition takes ACCESS EXCLUSIVE locks on the table and its default partition, so it waits for
-- every transaction that uses the table, and every later one waits behind it. Those locks are now taken first, before
-- the default partition's rows of the month are read: no write can slip into the default partition between the move
-- and the partition's creation (which then failed, the default holding a row of the new partition's range, and the
-- move waited a day), nor commit between the copy of the rows and their removal. The caller bounds the wait with
-- lock_timeout and tries again later (db/month-partitions.ts), so that writes queue behind it for that long at most;
-- the migrations wait as long as it takes. A partition made meanwhile by another caller is found once the lock is
-- granted. The rest is as migration 0021 made it.
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
  EXECUTE format('LOCK TABLE ONLY %I, ONLY %I IN ACCESS EXCLUSIVE MODE', parent, default_name);
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

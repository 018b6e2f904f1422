-- The round's write, cheaper per entry at a busy facility (bench/README.md):
-- - The facility of an observation, its key or a kept onset is checked once, by its person's foreign key (facility,
--   person; a key's through its observation, observations_key_fk): the foreign keys of the facility alone checked it
--   again for every row.
-- - Which entries cannot change a kept onset (mamori_round_lock_people, 0022) is asked of each entry with one probe of
--   an index, where it scanned the person's observations of the day so far (hundreds, in a day of many rounds): the
--   temperature on (person, temperature, time), each symptom on (person, time, symptoms) of the observations with
--   symptoms, read from the index alone. OFFSET 0 keeps each symptom's question a probe that stops at the first
--   observation that shows it, instead of a join over all of them.
-- - Such an entry is stored with new_to_day false, and the round's write reads only the others when it recomputes a
--   person's onsets (observations_person_new_at_idx): an observation that adds nothing to its day's record changes no
--   onset. The rows stored so far are all true, as is any row of a day whose observation was corrected or withdrawn.
-- - mamori_round_lock_people reads those observations itself (a fourth argument: the days around a changing entry to
--   read), so that the onsets are recomputed before the entries go in, and the round's write stores entries, audit
--   entries and kept onsets in one statement: one round trip fewer while the people are locked. The kept onsets are
--   brought to the recomputed ones (deleted, written or left as they are) instead of all cleared and written again.
-- - The round's write claims its entries' keys in one statement (record-statements.ts) instead of one trigger call and
--   one insert per row: in a transaction that sets mamori.claims_observation_keys, the trigger stands aside. Any other
--   insert still claims its key through it, and the deferred observations_key_fk still refuses, at commit, a row whose
--   key was claimed by neither.
ALTER TABLE "observation_keys" DROP CONSTRAINT "observation_keys_facility_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_facility_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "kept_onsets" DROP CONSTRAINT "kept_onsets_facility_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "new_to_day" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "observations_person_new_at_idx" ON "observations" USING btree ("person_id","at") WHERE "observations"."new_to_day";--> statement-breakpoint
CREATE INDEX "observations_person_temp_at_idx" ON "observations" USING btree ("person_id","temp_c","at");--> statement-breakpoint
CREATE INDEX "observations_person_symptomatic_at_idx" ON "observations" USING btree ("person_id","at","symptoms") WHERE "observations"."symptoms" <> '{}';--> statement-breakpoint
DROP FUNCTION mamori_round_lock_people(uuid, uuid[], jsonb);
--> statement-breakpoint
CREATE FUNCTION mamori_round_lock_people(facility uuid, person_ids uuid[], entries jsonb, gap_days int)
RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked jsonb;
  zone text;
  profile text;
  unchanging int[];
  win jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(to_jsonb(l) ORDER BY l.id), '[]'::jsonb) INTO locked FROM (
    SELECT p.id, p.kind, p.job, p.unit_id, p.room_id, p.baseline_temp_c
    FROM people p
    WHERE p.facility_id = facility AND p.id = ANY (person_ids)
    ORDER BY p.id
    FOR NO KEY UPDATE
  ) l;
  SELECT o.time_zone, o.rule_profile INTO zone, profile FROM organisations o WHERE o.id = facility;
  WITH entry AS (
    SELECT e.*, ((e.at AT TIME ZONE zone)::date::timestamp AT TIME ZONE zone) AS day_start
    FROM jsonb_to_recordset(entries) AS e(n int, person_id uuid, at timestamptz, temp_c numeric, symptoms text[])
  )
  SELECT coalesce(array_agg(e.n), '{}') INTO unchanging
  FROM entry e
  WHERE (
      e.temp_c IS NULL OR EXISTS (
        SELECT 1 FROM observations o
        WHERE o.person_id = e.person_id AND o.at >= e.day_start AND o.at <= e.at AND o.temp_c = e.temp_c
      )
    )
    AND NOT EXISTS (
      SELECT 1 FROM unnest(e.symptoms) AS s(code)
      WHERE NOT EXISTS (
        SELECT 1 FROM observations o
        WHERE o.person_id = e.person_id AND o.symptoms <> '{}' AND o.at >= e.day_start AND o.at <= e.at
          AND s.code = ANY (o.symptoms)
        OFFSET 0
      )
    );
  -- The stored observations the changing entries' people's onsets are recomputed from: those new to their day (an
  -- observation that adds nothing to its day changes no onset), of the days from gap_days before the person's earliest
  -- changing entry to gap_days after the latest; of one person, day and content only the earliest (a later twin adds
  -- nothing to the day's record, so it can be neither the day's onset nor change it).
  WITH changing AS (
    SELECT e.person_id, min((e.at AT TIME ZONE zone)::date) AS first_day, max((e.at AT TIME ZONE zone)::date) AS last_day
    FROM jsonb_to_recordset(entries) AS e(n int, person_id uuid, at timestamptz)
    -- Only the facility's people (those locked): an entry for anyone else is refused.
    WHERE e.n <> ALL (unchanging)
      AND e.person_id IN (SELECT (p ->> 'id')::uuid FROM jsonb_array_elements(locked) AS p)
    GROUP BY e.person_id
  ),
  stored AS (
    SELECT DISTINCT ON (o.person_id, (o.at AT TIME ZONE zone)::date, o.temp_c, o.symptoms)
      o.person_id, o.at, o.temp_c, o.symptoms
    FROM changing c
    JOIN observations o ON o.person_id = c.person_id
      AND o.at >= ((c.first_day - gap_days)::timestamp AT TIME ZONE zone)
      AND o.at < ((c.last_day + gap_days + 1)::timestamp AT TIME ZONE zone)
      AND o.new_to_day
    -- By person and time alone (people's ids are made by the server, and these are the facility's), so that the
    -- person's index of the observations new to their day is read, not the facility's whole window.
    ORDER BY o.person_id, (o.at AT TIME ZONE zone)::date, o.temp_c, o.symptoms, o.at
  )
  SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.at), '[]'::jsonb) INTO win FROM stored s;
  RETURN jsonb_build_object('people', locked, 'time_zone', zone, 'rule_profile', profile,
    'unchanging', to_jsonb(unchanging), 'stored', win);
END;
$$;
--> statement-breakpoint
DROP TRIGGER observations_claim_key ON observations;
--> statement-breakpoint
CREATE TRIGGER observations_claim_key BEFORE INSERT ON observations
  FOR EACH ROW WHEN (current_setting('mamori.claims_observation_keys', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION observations_claim_key();

-- The round's write reads less while the people are locked (bench/README.md):
-- - The stored observations a changing entry's person's onsets are recomputed from are read person by person, on the
--   index of those new to their day (a lateral subquery that OFFSET 0 keeps from being merged into a join: the plan
--   made once for the function hash-joined every facility's observations new to their day in the month, tens of
--   thousands, to find a few people's).
-- - Of them only the first time of the day each temperature and each symptom was seen is returned: an onset's time is
--   the first observation at which the day's record, accumulated in time order, meets its condition, and a day's record
--   at any time is the union of what its temperatures and symptoms so far show (person-days.ts, onsets.ts), so those
--   firsts give the same onsets as every observation (round-writes.test.ts checks them against a full rebuild).
-- - Instants go back as epoch milliseconds and rows as arrays, not as objects with formatted times.
-- - The kept onsets of the days recomputed are returned too, so that the write sends only those that changed.
CREATE OR REPLACE FUNCTION mamori_round_lock_people(facility uuid, person_ids uuid[], entries jsonb, gap_days int)
RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked jsonb;
  zone text;
  profile text;
  unchanging int[];
  firsts jsonb;
  kept jsonb;
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
  -- The days of each person with a changing entry: from gap_days before the earliest such entry to gap_days after the
  -- latest (at least the longest gap an onset is counted with). Only the facility's people (those locked): an entry
  -- for anyone else is refused.
  WITH changing AS MATERIALIZED (
    SELECT e.person_id, min((e.at AT TIME ZONE zone)::date) AS first_day, max((e.at AT TIME ZONE zone)::date) AS last_day
    FROM jsonb_to_recordset(entries) AS e(n int, person_id uuid, at timestamptz)
    WHERE e.n <> ALL (unchanging)
      AND e.person_id IN (SELECT (p ->> 'id')::uuid FROM jsonb_array_elements(locked) AS p)
    GROUP BY e.person_id
  ),
  -- Their stored observations new to their day (an observation that adds nothing to its day changes no onset), by
  -- person and time alone: people's ids are made by the server, and these are the facility's.
  seen AS MATERIALIZED (
    SELECT c.person_id, o.at, (o.at AT TIME ZONE zone)::date AS day, o.temp_c, o.symptoms
    FROM changing c
    CROSS JOIN LATERAL (
      SELECT o.at, o.temp_c, o.symptoms FROM observations o
      WHERE o.person_id = c.person_id AND o.new_to_day
        AND o.at >= ((c.first_day - gap_days)::timestamp AT TIME ZONE zone)
        AND o.at < ((c.last_day + gap_days + 1)::timestamp AT TIME ZONE zone)
      OFFSET 0
    ) o
  ),
  first_seen AS (
    SELECT person_id, min(at) AS at, temp_c, NULL::text AS symptom
    FROM seen WHERE temp_c IS NOT NULL GROUP BY person_id, day, temp_c
    UNION ALL
    SELECT person_id, min(at), NULL, symptom
    FROM seen CROSS JOIN LATERAL unnest(seen.symptoms) AS s(symptom) GROUP BY person_id, day, symptom
  )
  SELECT
    (SELECT coalesce(jsonb_agg(jsonb_build_array(f.person_id, extract(epoch FROM f.at) * 1000, f.temp_c, f.symptom)),
       '[]'::jsonb) FROM first_seen f),
    (SELECT coalesce(jsonb_agg(jsonb_build_array(k.person_id, k.subject, k.day, extract(epoch FROM k.at) * 1000,
       k.unit_id, k.person_kind)), '[]'::jsonb)
     FROM changing c
     JOIN kept_onsets k ON k.facility_id = facility AND k.person_id = c.person_id
       AND k.day BETWEEN c.first_day AND c.last_day + gap_days)
  INTO firsts, kept;
  RETURN jsonb_build_object('people', locked, 'time_zone', zone, 'rule_profile', profile,
    'unchanging', to_jsonb(unchanging), 'firsts', firsts, 'kept', kept);
END;
$$;

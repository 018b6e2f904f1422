-- The first step of the round's write (routes/observations/record-observations.ts), one round trip instead of two:
-- locks the batch's people of the facility, in id order, and reads what the kept onsets need of them and of the
-- facility; then finds the entries that cannot change any kept onset. The second statement must see every observation
-- of those people committed before the lock was granted, which a single statement would not (its snapshot is taken
-- before it waits for the lock); a function's statements each take their own.
--
-- Which entries cannot change an onset: a day's record is the union of its observations' symptom masks, accumulated in
-- time order, and a day's onset is the first observation at which that record meets the condition (onsets.ts; the mask
-- of an observation depends only on its person, temperature and symptoms). An entry whose temperature and each of whose
-- symptoms its person's day already shows at or before its time adds no bit to the record at any moment of the day:
-- every onset stays where it is. In a day of many rounds almost every entry is one of these. Each check stops at the
-- first observation that shows it, on the person's index (observations_person_at_idx), from the start of the day.
--
-- entries: [{n, person_id, at, temp_c, symptoms}]. Answers {people: [{id, kind, job, unit_id, room_id,
-- baseline_temp_c}], time_zone, rule_profile, unchanging: [n, …]}; a person missing from people is not of the facility.
CREATE FUNCTION mamori_round_lock_people(facility uuid, person_ids uuid[], entries jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked jsonb;
  zone text;
  profile text;
  unchanging jsonb;
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
  SELECT coalesce(jsonb_agg(e.n), '[]'::jsonb) INTO unchanging
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
        WHERE o.person_id = e.person_id AND o.at >= e.day_start AND o.at <= e.at AND s.code = ANY (o.symptoms)
      )
    );
  RETURN jsonb_build_object('people', locked, 'time_zone', zone, 'rule_profile', profile, 'unchanging', unchanging);
END;
$$;

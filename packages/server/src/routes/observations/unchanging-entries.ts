import type { NamedStatement } from "../../db/raw-transaction.ts";

/**
 * The entries of a round's write that cannot change any kept onset, so that their people's onsets need not be
 * recomputed (record-observations.ts).
 *
 * A day's record is the union of its observations' symptom masks, accumulated in time order, and a day's onset is the
 * first observation at which that record meets the condition (onsets.ts; the mask of an observation depends only on
 * its person, temperature and symptoms). An entry whose temperature and each of whose symptoms its person's day already
 * shows at or before its time adds no bit to the record at any moment of the day: every onset stays where it is. In a
 * day of many rounds, almost every entry is one of these.
 *
 * Run after the people are locked (statement 1 of record-statements.ts), so that it sees every observation of theirs
 * committed before. Each check stops at the first observation that shows it, on the person's index
 * (observations_person_at_idx), from the start of the day.
 * $1 entries as JSON [{n, person_id, at, temp_c, symptoms}], $2 the facility's time zone; answers the n of each such
 * entry.
 */
export const UNCHANGING_ENTRIES: NamedStatement = {
  name: "mamori_observations_unchanging",
  text: `with entry as (
      select e.*, ((e.at at time zone $2)::date::timestamp at time zone $2) as day_start
      from jsonb_to_recordset($1::jsonb) as e(n int, person_id uuid, at timestamptz, temp_c numeric, symptoms text[])
    )
    select e.n from entry e
    where (
        e.temp_c is null or exists (
          select 1 from observations o
          where o.person_id = e.person_id and o.at >= e.day_start and o.at <= e.at and o.temp_c = e.temp_c
        )
      )
      and not exists (
        select 1 from unnest(e.symptoms) as s(code)
        where not exists (
          select 1 from observations o
          where o.person_id = e.person_id and o.at >= e.day_start and o.at <= e.at and s.code = any(o.symptoms)
        )
      )`,
};

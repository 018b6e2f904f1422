import type { NamedStatement } from "../../db/raw-transaction.ts";

/**
 * The three statements of `POST /api/observations` (record-observations.ts), written once and prepared by name on
 * PostgreSQL, so that a round's write is three round trips inside its transaction and no query is built per request.
 */

/**
 * 1. Locks the batch's people of this facility, in id order, and reads what the kept onsets need of them and of the
 * facility. A person missing from the answer is not of this facility. The lock makes two writes for one person keep
 * their onsets one after the other (as keepOnsets does); it comes first, in its own statement, so that statement 2
 * reads the observations committed by a write that held it before.
 * $1 facility, $2 the people's ids.
 */
export const LOCK_PEOPLE: NamedStatement = {
  name: "mamori_observations_lock_people",
  text: `select p.id, p.kind, p.job, p.unit_id, p.room_id, p.baseline_temp_c, o.time_zone, o.rule_profile
    from people p join organisations o on o.id = p.facility_id
    where p.facility_id = $1 and p.id = any($2::uuid[])
    order by p.id
    for no key update of p`,
};

/**
 * 2. Inserts the entries (an id already stored is left alone), reads the stored rows of the ids that were already
 * there (to tell a resend from a conflict), clears the kept onsets of the days the entries can change, and reads the
 * people's stored observations of the window those days need. All four see the snapshot of the statement's start:
 * "existing" and "win" hold no row inserted here; the caller adds them. Of the observations of one person, day and
 * content only the earliest is read: a later twin adds nothing to the day's record, so it can be neither the day's
 * onset nor change it (onsets.ts: the onset is the first observation at which the day's record meets the condition).
 * $1 entries as JSON [{id, person_id, at, temp_c, symptoms, note, recorded_by?}], $2 facility, $3 user (of the entries
 * that name no recorded_by: a group of writes names each entry's), $4 recorded at,
 * $5 the entries' ids, $6 people, $7 first day, $8 last day (per person, for the kept onsets), $9 window start,
 * $10 window end, $11 the facility's time zone.
 */
export const WRITE_ENTRIES: NamedStatement = {
  name: "mamori_observations_write",
  text: `with input as (
      select * from jsonb_to_recordset($1::jsonb)
        as x(id uuid, person_id uuid, at timestamptz, temp_c numeric, symptoms text[], note text, recorded_by uuid)
    ),
    ins as (
      insert into observations (id, facility_id, person_id, at, temp_c, symptoms, note, recorded_by, recorded_at)
      select id, $2, person_id, at, temp_c, symptoms, note, coalesce(recorded_by, $3), $4 from input
      on conflict (id) do nothing
      returning id, facility_id, person_id, at, temp_c, symptoms, note, version, recorded_by, recorded_at
    ),
    existing as (
      select id, facility_id, person_id, at, temp_c, symptoms, note from observations where id = any($5::uuid[])
    ),
    cleared as (
      delete from kept_onsets k
      using unnest($6::uuid[], $7::date[], $8::date[]) as r(person_id, from_day, to_day)
      where k.person_id = r.person_id and k.day between r.from_day and r.to_day
    ),
    win as (
      select distinct on (person_id, (at at time zone $11)::date, temp_c, symptoms) person_id, at, temp_c, symptoms
      from observations
      -- The people are this facility's (statement 1): by person and time alone, so that even a generic plan of the
      -- prepared statement reads the person's index (observations_person_at_idx), not the whole facility's window.
      where person_id = any($6::uuid[]) and at >= $9 and at <= $10
      order by person_id, (at at time zone $11)::date, temp_c, symptoms, at
    )
    select
      (select coalesce(json_agg(ins), '[]'::json) from ins) as inserted,
      (select coalesce(json_agg(existing), '[]'::json) from existing) as existing,
      (select coalesce(json_agg(win order by win.at), '[]'::json) from win) as stored`,
};

/**
 * 3. The audit entries of the inserted rows and the recomputed kept onsets of the cleared days, in one statement.
 * $1 audit entries as JSON [{entity_id, after, actor?}], $2 actor (of the entries that name none), $3 organisation,
 * $4 kept onsets as JSON
 * [{person_id, subject, day, at, unit_id, person_kind}].
 */
export const AUDIT_AND_ONSETS: NamedStatement = {
  name: "mamori_observations_audit_onsets",
  text: `with audit as (
      insert into audit_log (actor_user_id, organisation_id, action, entity, entity_id, after)
      select coalesce(a.actor, $2), $3, 'create', 'observation', a.entity_id, a.after
      from jsonb_to_recordset($1::jsonb) as a(entity_id text, after jsonb, actor uuid)
    )
    insert into kept_onsets (facility_id, person_id, subject, day, at, unit_id, person_kind)
    select $3, k.person_id, k.subject, k.day, k.at, k.unit_id, k.person_kind
    from jsonb_to_recordset($4::jsonb)
      as k(person_id uuid, subject text, day date, at timestamptz, unit_id uuid, person_kind text)`,
};

/** 4. (Rare.) Stored rows of ids inserted by a write that committed while statement 2 waited. $1 the ids. */
export const EXISTING_ENTRIES: NamedStatement = {
  name: "mamori_observations_existing",
  text: `select id, facility_id, person_id, at, temp_c::float8 as temp_c, symptoms, note
    from observations where id = any($1::uuid[])`,
};

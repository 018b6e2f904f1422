import type { NamedStatement } from "../../db/raw-transaction.ts";

/** An instant as the audit log's other entries hold it (JavaScript's toISOString: UTC, milliseconds). */
const UTC_INSTANT = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The statements of `POST /api/observations` (record-observations.ts), written once and prepared by name on
 * PostgreSQL, so that a round's write is a few round trips inside its transaction and no query is built per request.
 */

/**
 * 1. Locks the batch's people of this facility, in id order, reads what the kept onsets need of them and of the
 * facility, and finds the entries that cannot change any kept onset (migration 0022_round_lock_people explains which).
 * The lock makes two writes for one person keep their onsets one after the other (as keepOnsets does); it comes first,
 * so that what follows reads the observations committed by a write that held it before.
 * $1 facility, $2 the people's ids, $3 entries as JSON [{n, person_id, at, temp_c, symptoms}].
 */
export const LOCK_PEOPLE: NamedStatement = {
  name: "mamori_observations_lock_people",
  text: "select mamori_round_lock_people($1, $2::uuid[], $3::jsonb) as prepared",
};

/**
 * 2. Inserts the entries and their audit entries (an id this facility already stored is left out, as `on conflict do
 * nothing` would: observations are partitioned by month, and observation_keys holds each facility's ids; the stored
 * rows of ids left out are read by statement 4, to tell a resend from a conflict), clears the
 * kept onsets of the days the entries can change, and reads the people's stored observations of the window those days
 * need. All see the snapshot of the statement's start: "win" holds no row inserted here; the caller adds them. Of the observations of one person, day and content only the earliest is read: a later twin adds nothing
 * to the day's record, so it can be neither the day's onset nor change it (onsets.ts: the onset is the first
 * observation at which the day's record meets the condition).
 * $1 entries as JSON [{id, person_id, at, temp_c, symptoms, note, recorded_by?, new_to_day}], $2 facility, $3 user (of the entries
 * that name no recorded_by: a group of writes names each entry's), $4 recorded at, $5 people, $6 first day, $7 last day (per person, for the kept onsets), $8 window start, $9 window end, $10 the facility's time
 * zone.
 */
export const WRITE_ENTRIES: NamedStatement = {
  name: "mamori_observations_write",
  text: `with input as (
      select * from jsonb_to_recordset($1::jsonb)
        as x(id uuid, person_id uuid, at timestamptz, temp_c numeric, symptoms text[], note text, recorded_by uuid,
          new_to_day boolean)
    ),
    -- The keys first, in one statement (the table's trigger, which would claim each row's key on its own, stands
    -- aside in a transaction that sets mamori.claims_observation_keys: migration 0024); an id this facility already
    -- stored claims nothing, and its entry is not inserted.
    keys as (
      insert into observation_keys (facility_id, id) select $2, id from input
      on conflict do nothing
      returning id
    ),
    ins as (
      insert into observations
        (id, facility_id, person_id, at, temp_c, symptoms, note, recorded_by, recorded_at, new_to_day)
      select id, $2, person_id, at, temp_c, symptoms, note, coalesce(recorded_by, $3), $4, new_to_day from input
      where id in (select id from keys)
      returning id, facility_id, person_id, at, temp_c, symptoms, note, version, recorded_by, recorded_at
    ),
    audit as (
      insert into audit_log (actor_user_id, organisation_id, action, entity, entity_id, after)
      select ins.recorded_by, $2, 'create', 'observation', ins.id::text, jsonb_build_object(
        'id', ins.id, 'facilityId', ins.facility_id, 'personId', ins.person_id, 'at', ${UTC_INSTANT("ins.at")},
        'tempC', ins.temp_c::float8, 'symptoms', ins.symptoms, 'note', ins.note, 'version', ins.version,
        'recordedBy', ins.recorded_by, 'recordedAt', ${UTC_INSTANT("ins.recorded_at")})
      from ins
    ),
    cleared as (
      delete from kept_onsets k
      using unnest($5::uuid[], $6::date[], $7::date[]) as r(person_id, from_day, to_day)
      -- By the facility too: its kept onsets' key starts with it (a scan of every facility's otherwise).
      where k.facility_id = $2 and k.person_id = r.person_id and k.day between r.from_day and r.to_day
    ),
    win as (
      select distinct on (person_id, (at at time zone $10)::date, temp_c, symptoms) person_id, at, temp_c, symptoms
      from observations
      -- The people are this facility's (statement 1): by person and time alone, so that even a generic plan of the
      -- prepared statement reads the person's index (observations_person_at_idx), not the whole facility's window.
      -- Only the observations that may add to their day's record: the others change no onset (migration 0024).
      where person_id = any($5::uuid[]) and at >= $8 and at <= $9 and new_to_day
      order by person_id, (at at time zone $10)::date, temp_c, symptoms, at
    )
    select
      (select coalesce(json_agg(x), '[]'::json) from (select id, person_id, at, temp_c, symptoms from ins) x) as inserted,
      (select coalesce(json_agg(win order by win.at), '[]'::json) from win) as stored`,
};

/**
 * 3. The recomputed kept onsets of the cleared days (only when there are any).
 * $1 organisation, $2 kept onsets as JSON [{person_id, subject, day, at, unit_id, person_kind}].
 */
export const KEEP_ONSETS: NamedStatement = {
  name: "mamori_observations_keep_onsets",
  text: `insert into kept_onsets (facility_id, person_id, subject, day, at, unit_id, person_kind)
    select $1, k.person_id, k.subject, k.day, k.at, k.unit_id, k.person_kind
    from jsonb_to_recordset($2::jsonb)
      as k(person_id uuid, subject text, day date, at timestamptz, unit_id uuid, person_kind text)`,
};

/**
 * 4. (Only for a resend or a reused id.) The stored rows of this facility's ids that statement 2 left out.
 * $1 the facility, $2 the ids.
 */
export const EXISTING_ENTRIES: NamedStatement = {
  name: "mamori_observations_existing",
  text: `select id, facility_id, person_id, at, temp_c::float8 as temp_c, symptoms, note
    from observations where facility_id = $1 and id = any($2::uuid[])`,
};

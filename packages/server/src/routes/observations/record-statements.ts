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
 * facility, finds the entries that cannot change any kept onset (migrations 0022 and 0024 explain which), and reads,
 * for the other entries' people, what their onsets are recomputed from and the kept onsets of the days recomputed
 * (migration 0025). The lock makes two writes for one person keep their onsets one after the other (as keepOnsets
 * does); it comes first, so that what follows reads what a write that held it before committed.
 * $1 facility, $2 the people's ids, $3 entries as JSON [{n, person_id, at, temp_c, symptoms}], $4 the days before and
 * after a changing entry to read (at least the longest gap an onset is counted with).
 */
export const LOCK_PEOPLE: NamedStatement = {
  name: "mamori_observations_lock_people",
  text: "select mamori_round_lock_people($1, $2::uuid[], $3::jsonb, $4::int) as prepared",
};

/**
 * 2. Inserts the entries and their audit entries (an id this facility already stored is left out, as `on conflict do
 * nothing` would: observations are partitioned by month, and observation_keys holds each facility's ids; the stored
 * rows of ids left out are read by statement 3, to tell a resend from a conflict), and makes the changes to the kept
 * onsets of the recomputed days: those no longer there deleted, new or changed ones written. Answers the ids inserted.
 * $1 entries as JSON [{id, person_id, at, temp_c, symptoms, note, recorded_by?, new_to_day}], $2 facility, $3 user (of
 * the entries that name no recorded_by: a group of writes names each entry's), $4 recorded at, $5 person, $6 subject,
 * $7 day of each kept onset to delete, $8 the kept onsets to write as JSON [{person_id, subject, day, at, unit_id,
 * person_kind}].
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
    -- The two touch different keys (a deleted onset is not written), so their order within the statement does not
    -- matter.
    cleared as (
      -- Each by its key, one probe of the key's index each: joined to the arrays, the plan made once for the statement
      -- could read the facility's every kept onset to find a few.
      delete from kept_onsets k
      where k.ctid = any (array(
        select (
          select d.ctid from kept_onsets d
          where d.facility_id = $2 and d.person_id = r.person_id and d.subject = r.subject and d.day = r.day
        )
        from unnest($5::uuid[], $6::text[], $7::date[]) as r(person_id, subject, day)
      ))
    ),
    kept_now as (
      insert into kept_onsets as k (facility_id, person_id, subject, day, at, unit_id, person_kind)
      select $2, person_id, subject, day, at, unit_id, person_kind from jsonb_to_recordset($8::jsonb)
        as n(person_id uuid, subject text, day date, at timestamptz, unit_id uuid, person_kind text)
      on conflict (facility_id, person_id, subject, day) do update
        set at = excluded.at, unit_id = excluded.unit_id, person_kind = excluded.person_kind
    )
    select coalesce(json_agg(id), '[]'::json) as inserted from ins`,
};

/**
 * 3. (Only for a resend or a reused id.) The stored rows of this facility's ids that statement 2 left out.
 * $1 the facility, $2 the ids.
 */
export const EXISTING_ENTRIES: NamedStatement = {
  name: "mamori_observations_existing",
  text: `select id, facility_id, person_id, at, temp_c::float8 as temp_c, symptoms, note
    from observations where facility_id = $1 and id = any($2::uuid[])`,
};

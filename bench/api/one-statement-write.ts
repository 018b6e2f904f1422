import type { ObservationInput } from "@mamori/contract/observations";

/**
 * A proposal, measured by `costs.ts` and `profile.ts --proposal`: the write of `POST /api/observations` as one
 * statement — the person check, the conflict check, the insert and its audit rows in one round trip, atomic without
 * BEGIN/COMMIT. Nothing is inserted when any entry names an unknown person or an id already stored with other content;
 * the caller then works out the details (the error path only). $1 the entries as JSON, $2 the facility, $3 the user,
 * $4 the ids again as an array, so that the conflict check looks them up in the primary key instead of scanning.
 */
export const RECORD_IN_ONE_STATEMENT = `
  with input as (
    select * from jsonb_to_recordset($1::jsonb)
      as x(id uuid, person_id uuid, at timestamptz, temp_c numeric, symptoms text[], note text)
  ),
  unknown_person as (
    select i.id from input i
    left join people p on p.id = i.person_id and p.facility_id = $2
    where p.id is null
  ),
  conflict as (
    select i.id from observations o join input i on i.id = o.id
    where o.id = any($4::uuid[]) and (o.facility_id <> $2 or o.person_id <> i.person_id or o.at <> i.at
      or o.temp_c is distinct from i.temp_c or o.symptoms <> i.symptoms or o.note is distinct from i.note)
  ),
  ins as (
    insert into observations (id, facility_id, person_id, at, temp_c, symptoms, note, recorded_by)
    select id, $2, person_id, at, temp_c, symptoms, note, $3 from input
    where not exists (select 1 from unknown_person) and not exists (select 1 from conflict)
    on conflict do nothing
    returning *
  ),
  audit as (
    insert into audit_log (actor_user_id, organisation_id, action, entity, entity_id, after)
    select $3, $2, 'create', 'observation', ins.id::text,
      jsonb_build_object('id', ins.id, 'facilityId', ins.facility_id, 'personId', ins.person_id, 'at', ins.at,
        'tempC', ins.temp_c, 'symptoms', ins.symptoms, 'note', ins.note, 'version', ins.version,
        'recordedBy', ins.recorded_by, 'recordedAt', ins.recorded_at)
    from ins
  )
  select (select count(*) from ins)::int as saved, (select count(*) from unknown_person)::int as unknown,
    (select count(*) from conflict)::int as conflicts`;

/** node-postgres's Pool or PGlite: both take `query(text, values)`; node-postgres also takes a named statement. */
export type QueryClient = {
  query: (
    q: string | { name?: string; text: string; values: unknown[] },
    v?: unknown[],
  ) => Promise<{ rows: unknown[] }>;
};

export type OneStatementResult = { saved: number; unknown: number; conflicts: number };

/** Runs the one-statement write; `prepared` names it, so PostgreSQL parses and plans it once per connection. */
export async function recordInOneStatement(
  client: QueryClient,
  prepared: boolean,
  facilityId: string,
  userId: string,
  entries: ObservationInput[],
): Promise<OneStatementResult> {
  const input = JSON.stringify(
    entries.map((o) => ({
      id: o.id,
      person_id: o.personId,
      at: o.at,
      temp_c: o.tempC ?? null,
      symptoms: [...new Set(o.symptoms)].sort(),
      note: o.note ?? null,
    })),
  );
  const values = [input, facilityId, userId, entries.map((o) => o.id)];
  const result = prepared
    ? await client.query({ name: "mamori_record_observations", text: RECORD_IN_ONE_STATEMENT, values })
    : await client.query(RECORD_IN_ONE_STATEMENT, values);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  return { saved: Number(row?.saved), unknown: Number(row?.unknown), conflicts: Number(row?.conflicts) };
}

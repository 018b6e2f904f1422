import type { ObservationInput, SymptomCode } from "@mamori/domain/surveillance";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./database.ts";

/**
 * A facility's observations from `since` up to `until` (both inclusive), in time order, as the rules, the line list,
 * the epidemic curve and the forms read them (person, instant, temperature, symptoms).
 *
 * The rows travel as one JSON document built by the database rather than as one result row each: a year of rounds
 * for a 100-person facility puts some 10,000 observations in the 97-day window the rules need, and row-by-row decoding
 * and mapping took most of each request's time (bench/home). Uses the index `observations_facility_at_idx`.
 */
export async function readObservationWindow(
  db: Executor,
  facilityId: string,
  since: Date,
  until: Date,
): Promise<ObservationInput[]> {
  return readPacked(
    db,
    sql`facility_id = ${facilityId} and at >= ${since.toISOString()}::timestamptz and at <= ${until.toISOString()}::timestamptz`,
  );
}

/**
 * A facility's observations from `since` (inclusive) to `before` (exclusive), in time order, optionally of some people
 * only: the pieces of a window that the kept onsets leave to be read (surveillance/kept-window.ts).
 */
export async function readObservationSpan(
  db: Executor,
  facilityId: string,
  span: { since: Date; before: Date; personIds?: readonly string[] },
): Promise<ObservationInput[]> {
  if (span.personIds && span.personIds.length === 0) return [];
  const persons = span.personIds
    ? sql` and person_id in (${sql.join(
        span.personIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  return readPacked(
    db,
    sql`facility_id = ${facilityId} and at >= ${span.since.toISOString()}::timestamptz and at < ${span.before.toISOString()}::timestamptz${persons}`,
  );
}

async function readPacked(db: Executor, where: SQL): Promise<ObservationInput[]> {
  const result = (await db.execute(sql`
    select coalesce(
      json_agg(json_build_array(person_id, (extract(epoch from at) * 1000)::bigint, temp_c, symptoms) order by at),
      '[]'
    )::text as rows
    from observations
    where ${where}
  `)) as unknown as { rows: { rows: string }[] };
  const packed = JSON.parse(result.rows[0]?.rows ?? "[]") as [
    string,
    number,
    number | string | null,
    SymptomCode[],
  ][];
  const out: ObservationInput[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const [personId, atMs, tempC, symptoms] = packed[i]!;
    out[i] = { personId, at: new Date(atMs), tempC: tempC === null ? null : Number(tempC), symptoms };
  }
  return out;
}

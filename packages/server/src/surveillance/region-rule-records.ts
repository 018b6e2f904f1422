import {
  CLUSTER_ONSET_SUBJECT,
  type KeptOnsetHistory,
  type PersonKind,
  SYNDROME_GROUPS,
} from "@mamori/domain/surveillance";
import { and, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { cases, outbreakEpisodes } from "../db/schema/index.ts";

/** The kept subjects the facility rules read: the groups and the cluster's symptoms. */
const RULE_SUBJECTS = [...SYNDROME_GROUPS, CLUSTER_ONSET_SUBJECT];

type KeptOnset = KeptOnsetHistory["onsets"][number];

/** What the facility rules read of one facility when every new onset of the window comes from the kept onsets. */
export type FacilityRuleRecords = {
  onsets: KeptOnset[];
  people: { id: string; kind: PersonKind }[];
  cases: (typeof cases.$inferSelect)[];
  episodes: (typeof outbreakEpisodes.$inferSelect)[];
};

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The stored records the facility rules (criteria ア and イ, the cluster, above usual, the end of an outbreak, the
 * notification deadline) read, for many facilities at once in four queries: their kept onsets of the groups and the
 * cluster from `fromDay` to `toDay` first seen by `until`, their people (id and kind: who counts as a user), their
 * recorded cases naming a disease not resolved before `fromDay`, and their outbreak episodes not closed before it.
 * The region view evaluates its facilities from these, without reading their rounds. Callers build the kept onsets
 * first (`readRegionDailyCounts` does).
 */
export async function readRegionRuleRecords(
  db: Database,
  facilityIds: readonly string[],
  window: { fromDay: string; toDay: string; until: Date },
): Promise<Map<string, FacilityRuleRecords>> {
  const out = new Map<string, FacilityRuleRecords>(
    facilityIds.map((id) => [id, { onsets: [], people: [], cases: [], episodes: [] }]),
  );
  if (facilityIds.length === 0) return out;
  const ids = uuidList(facilityIds);
  const subjects = sql.join(
    RULE_SUBJECTS.map((s) => sql`${s}`),
    sql`, `,
  );
  // Packed JSON text, as readRegionDailyCounts: row-by-row decoding is most of the time on PGlite.
  const [onsetResult, peopleResult, caseRows, episodeRows] = await Promise.all([
    db.execute(sql`
      select coalesce(json_agg(json_build_array(facility_id, person_id, subject, day::text,
        (extract(epoch from at) * 1000)::bigint)), '[]')::text as rows
      from kept_onsets
      where facility_id in (${ids}) and day >= ${window.fromDay}::date and day <= ${window.toDay}::date
        and at <= ${window.until.toISOString()}::timestamptz and subject in (${subjects})`),
    db.execute(sql`
      select coalesce(json_agg(json_build_array(facility_id, id, kind)), '[]')::text as rows
      from people where facility_id in (${ids})`),
    db
      .select()
      .from(cases)
      .where(
        and(
          inArray(cases.facilityId, [...facilityIds]),
          isNotNull(cases.disease),
          or(isNull(cases.resolvedDate), gte(cases.resolvedDate, window.fromDay)),
        ),
      ),
    db
      .select()
      .from(outbreakEpisodes)
      .where(
        and(
          inArray(outbreakEpisodes.facilityId, [...facilityIds]),
          or(isNull(outbreakEpisodes.closedDate), gte(outbreakEpisodes.closedDate, window.fromDay)),
        ),
      ),
  ]);
  const packed = (result: unknown) =>
    JSON.parse((result as { rows: { rows: string }[] }).rows[0]?.rows ?? "[]") as unknown[][];
  for (const [facilityId, personId, subject, day, atMs] of packed(onsetResult) as [
    string,
    string,
    KeptOnset["subject"],
    string,
    number,
  ][])
    out.get(facilityId)?.onsets.push({ personId, subject, day, atMs: Number(atMs) });
  for (const [facilityId, id, kind] of packed(peopleResult) as [string, string, PersonKind][])
    out.get(facilityId)?.people.push({ id, kind });
  for (const row of caseRows) out.get(row.facilityId)?.cases.push(row);
  for (const row of episodeRows) out.get(row.facilityId)?.episodes.push(row);
  return out;
}

import { DEFAULT_PROFILE, findBuiltInProfile, type SYNDROME_GROUPS } from "@mamori/domain/surveillance";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { keptOnsetsBuilt, officeLinks, organisations } from "../db/schema/index.ts";
import { dayInZone } from "../time/facility-day.ts";
import { ensureKeptOnsets, keptRulesOf } from "./kept-onsets.ts";

type Group = (typeof SYNDROME_GROUPS)[number];

/** A facility whose counts a health centre sees: linked to it today and sharing. */
export type SharingFacility = {
  id: string;
  name: string;
  timeZone: string;
  ruleProfile: string;
  sharesCountsSince: Date;
};

/**
 * The facilities that share their daily counts with a health centre: those whose open health-centre link (valid
 * today) names it and whose `shares_counts_since` is set — the rows `regionPolicy.readFacility` allows, read in one
 * query.
 */
export async function sharingFacilitiesOf(db: Database, healthCentreId: string): Promise<SharingFacility[]> {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      timeZone: organisations.timeZone,
      ruleProfile: organisations.ruleProfile,
      sharesCountsSince: organisations.sharesCountsSince,
    })
    .from(officeLinks)
    .innerJoin(organisations, eq(organisations.id, officeLinks.facilityId))
    .where(
      and(
        eq(officeLinks.officeId, healthCentreId),
        eq(officeLinks.kind, "health_centre"),
        isNull(officeLinks.validTo),
        isNotNull(organisations.sharesCountsSince),
      ),
    )
    .orderBy(asc(organisations.name));
  return rows as SharingFacility[];
}

/**
 * Builds the kept onsets of those facilities that were never built or were built with another gap or cluster
 * symptoms than their profile's (`ensureKeptOnsets`, one facility at a time); the others are left alone after one query.
 */
async function ensureBuilt(db: Database, facilities: readonly SharingFacility[]): Promise<void> {
  if (facilities.length === 0) return;
  const built = await db
    .select({
      facilityId: keptOnsetsBuilt.facilityId,
      gap: keptOnsetsBuilt.groupGapDays,
      rules: keptOnsetsBuilt.rules,
    })
    .from(keptOnsetsBuilt)
    .where(
      inArray(
        keptOnsetsBuilt.facilityId,
        facilities.map((f) => f.id),
      ),
    );
  const builtOf = new Map(built.map((b) => [b.facilityId, b]));
  for (const f of facilities) {
    const profile = findBuiltInProfile(f.ruleProfile) ?? DEFAULT_PROFILE;
    const was = builtOf.get(f.id);
    if (was?.gap !== profile.onsets.gapDays || was.rules !== keptRulesOf(profile))
      await ensureKeptOnsets(db, f.id);
  }
}

/**
 * Daily new-onset counts per facility, day and syndrome group from `fromDay` to `toDay` (local days), read from the
 * kept onsets of many facilities in one query — the region view's read, beside `readDailyOnsetCounts` (one facility,
 * by unit and kind). Only numbers leave: no person, unit or name.
 */
export async function readRegionDailyCounts(
  db: Database,
  facilities: readonly SharingFacility[],
  window: { fromDay: string; toDay: string; groups: readonly Group[] },
): Promise<{ facilityId: string; day: string; group: Group; count: number }[]> {
  if (facilities.length === 0) return [];
  await ensureBuilt(db, facilities);
  // One packed JSON text instead of thousands of rows: row-by-row decoding is most of the time on PGlite
  // (as for the observation window, db/observation-window.ts). Uses kept_onsets_facility_day_idx.
  const ids = sql.join(
    facilities.map((f) => sql`${f.id}::uuid`),
    sql`, `,
  );
  const subjects = sql.join(
    window.groups.map((g) => sql`${g}`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    select coalesce(json_agg(json_build_array(facility_id, day, subject, n)), '[]')::text as rows
    from (
      select facility_id, day::text as day, subject, count(*)::int as n
      from kept_onsets
      where facility_id in (${ids}) and day >= ${window.fromDay}::date and day <= ${window.toDay}::date
        and subject in (${subjects})
      group by facility_id, day, subject
    ) counted
  `)) as unknown as { rows: { rows: string }[] };
  const packed = JSON.parse(result.rows[0]?.rows ?? "[]") as [string, string, string, number][];
  return packed.map(([facilityId, day, group, count]) => ({ facilityId, day, group: group as Group, count }));
}

/**
 * Each facility's first observed day (local), from one index look-up per facility: days before it are unknown, not
 * zero, so the usual level is not judged before 28 days of history (facility-surveillance.md §4.4).
 */
export async function firstObservedDays(
  db: Database,
  facilities: readonly SharingFacility[],
): Promise<Map<string, string>> {
  if (facilities.length === 0) return new Map();
  const ids = facilities.map((f) => f.id);
  const result = await db.execute(sql`
    select o.id as "facilityId",
      (extract(epoch from (select min(obs.at) from observations obs where obs.facility_id = o.id)) * 1000)::bigint as "firstMs"
    from organisations o
    where o.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  const rows = (result as unknown as { rows: { facilityId: string; firstMs: string | number | null }[] })
    .rows;
  const zoneOf = new Map(facilities.map((f) => [f.id, f.timeZone]));
  const out = new Map<string, string>();
  for (const r of rows)
    if (r.firstMs !== null)
      out.set(r.facilityId, dayInZone(new Date(Number(r.firstMs)), zoneOf.get(r.facilityId)!));
  return out;
}

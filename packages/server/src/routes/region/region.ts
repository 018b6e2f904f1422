import {
  DEFAULT_PROFILE,
  dayNumberOf,
  findBuiltInProfile,
  isoDayOf,
  SYNDROME_GROUPS,
  type SyndromeGroup,
  type UsualLevelSettings,
  usualLevel,
} from "@mamori/domain/surveillance";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { organisations } from "../../db/schema/index.ts";
import {
  firstObservedDays,
  readRegionDailyCounts,
  sharingFacilitiesOf,
} from "../../surveillance/region-counts.ts";
import { dayInZone } from "../../time/facility-day.ts";
import { regionFacilityAlerts } from "./region-alerts.ts";

/** Days shown in the region view, today last. */
export const REGION_DAYS = 28;
/** Days read before the first shown day, so that its usual level has a baseline (C3 needs 11; room to spare). */
const BASELINE_READ_DAYS = 14;

type Series = { counts: number[]; upperbound: (number | null)[]; above: boolean[] };

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

function levelOf(
  counts: number[],
  fromDay: number,
  firstDay: string | undefined,
  settings: UsualLevelSettings,
): Series {
  const testFromDay = fromDay + BASELINE_READ_DAYS;
  const level = usualLevel(counts, {
    fromDay,
    firstDay: firstDay === undefined ? undefined : dayNumberOf(firstDay),
    testFromDay,
    settings,
  });
  return {
    counts: counts.slice(BASELINE_READ_DAYS),
    upperbound: level.upperbound.slice(BASELINE_READ_DAYS).map(round2),
    above: level.above.slice(BASELINE_READ_DAYS),
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The health centre's region view (issue 11 item 4): per syndrome group, the daily new onsets of the region (the
 * sum of the sharing facilities) and of each facility for the last 28 days, with the usual level of each series by
 * the same test as the facility's "above usual" alert (`usualLevel`, EARS C2 by default) — who is above their usual
 * level today. Each facility is judged with its own rule profile's settings, the region with the default profile's.
 * Each facility also comes with its alerts — the reporting criteria ア イ ウ of 付録1① and its other facility alerts, by
 * the engine that gives the facility its own (`regionFacilityAlerts`) — and a facility meeting ア or イ in a group
 * leads that group's cards. Only counts and the facilities' names leave: never a person.
 */
export async function regionView(
  db: Database,
  healthCentreId: string,
  now: Date,
  asked: { group?: SyndromeGroup } = {},
) {
  const [office] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, healthCentreId));
  const today = dayNumberOf(dayInZone(now, office?.timeZone ?? "Asia/Tokyo"));
  const shownFrom = today - REGION_DAYS + 1;
  const readFrom = shownFrom - BASELINE_READ_DAYS;
  const length = today - readFrom + 1;
  const days = Array.from({ length: REGION_DAYS }, (_, i) => isoDayOf(shownFrom + i));

  const facilities = await sharingFacilitiesOf(db, healthCentreId);
  const [rows, firstDays] = await Promise.all([
    readRegionDailyCounts(db, facilities, {
      fromDay: isoDayOf(readFrom),
      toDay: isoDayOf(today),
      groups: SYNDROME_GROUPS,
    }),
    firstObservedDays(db, facilities),
  ]);
  // After the counts: reading them builds any facility's kept onsets that were never built.
  const alerts = await regionFacilityAlerts(db, facilities, firstDays, now);
  const reportsIn = (facilityId: string, group: SyndromeGroup) =>
    (alerts.get(facilityId) ?? []).some(
      (a) => a.group === group && (a.criterion === "A" || a.criterion === "B"),
    );

  const index = new Map(facilities.map((f, i) => [f.id, i]));
  const series = new Map<SyndromeGroup, number[][]>(
    SYNDROME_GROUPS.map((g) => [g, facilities.map(() => new Array<number>(length).fill(0))]),
  );
  for (const r of rows) {
    const i = index.get(r.facilityId);
    const offset = dayNumberOf(r.day) - readFrom;
    if (i === undefined || offset < 0 || offset >= length) continue;
    series.get(r.group)![i]![offset] = r.count;
  }
  const regionFirst = [...firstDays.values()].sort()[0];

  const all = SYNDROME_GROUPS.map((group) => {
    const perFacility = series.get(group)!;
    const regionCounts = new Array<number>(length).fill(0);
    for (const counts of perFacility) for (let d = 0; d < length; d++) regionCounts[d]! += counts[d]!;
    const region = levelOf(regionCounts, readFrom, regionFirst, DEFAULT_PROFILE.aboveUsual);
    const shown = facilities.map((f, i) => {
      const settings = (findBuiltInProfile(f.ruleProfile) ?? DEFAULT_PROFILE).aboveUsual;
      const level = levelOf(perFacility[i]!, readFrom, firstDays.get(f.id), settings);
      return {
        facilityId: f.id,
        ...level,
        today: level.counts.at(-1)!,
        lastWeek: sum(level.counts.slice(-7)),
        aboveToday: level.above.at(-1)!,
        aboveDays: days.filter((_, d) => level.above[d]),
        tested: level.upperbound.at(-1) !== null,
        meetsReportCriterion: reportsIn(f.id, group),
      };
    });
    shown.sort(
      (a, b) =>
        Number(b.meetsReportCriterion) - Number(a.meetsReportCriterion) ||
        Number(b.aboveToday) - Number(a.aboveToday) ||
        b.aboveDays.length - a.aboveDays.length ||
        b.lastWeek - a.lastWeek ||
        (index.get(a.facilityId) ?? 0) - (index.get(b.facilityId) ?? 0),
    );
    return {
      group,
      region: {
        ...region,
        today: region.counts.at(-1)!,
        lastWeek: sum(region.counts.slice(-7)),
        aboveToday: region.above.at(-1)!,
      },
      aboveToday: shown.filter((s) => s.aboveToday).length,
      aboveRecently: shown.filter((s) => s.aboveDays.length > 0).length,
      facilities: shown,
    };
  });
  // Every facility's series go out for one group only (the one asked for, else the one most above usual): with
  // hundreds of facilities, five groups of them are more than a screen shows.
  const ranked = [...all].sort(
    (a, b) =>
      b.aboveToday - a.aboveToday ||
      b.aboveRecently - a.aboveRecently ||
      b.region.lastWeek - a.region.lastWeek,
  );
  const top = ranked[0]!;
  const group =
    asked.group ??
    (top.aboveToday > 0 || top.aboveRecently > 0 || top.region.lastWeek > 0 ? top.group : SYNDROME_GROUPS[0]);
  const groups = all.map((g) => (g.group === group ? g : { ...g, facilities: [] }));

  return {
    asOfDay: isoDayOf(today),
    group,
    days,
    detection: {
      method: DEFAULT_PROFILE.aboveUsual.method,
      minHistoryDays: DEFAULT_PROFILE.aboveUsual.minHistoryDays,
      minOnsets: DEFAULT_PROFILE.aboveUsual.minOnsets,
    },
    facilities: facilities.map((f) => ({
      id: f.id,
      name: f.name,
      sharesCountsSince: f.sharesCountsSince.toISOString(),
      alerts: alerts.get(f.id) ?? [],
    })),
    groups,
  };
}

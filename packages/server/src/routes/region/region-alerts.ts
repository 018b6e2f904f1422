import type { RegionAlert, RegionAlertCode } from "@mamori/contract/region";
import {
  type Alert,
  addIsoDays,
  DEFAULT_PROFILE,
  DISEASE_LABELS,
  type EvaluateFacilityInput,
  evaluateFacility,
  FACILITY_ALERT_CODES,
  findBuiltInProfile,
  type RuleProfile,
  type SyndromeGroup,
} from "@mamori/domain/surveillance";
import type { Database } from "../../db/database.ts";
import { facilityRecordMarks } from "../../surveillance/facility-record-marks.ts";
import type { SharingFacility } from "../../surveillance/region-counts.ts";
import { type FacilityRuleRecords, readRegionRuleRecords } from "../../surveillance/region-rule-records.ts";
import { dayInZone } from "../../time/facility-day.ts";
import { facilityAlerts, HISTORY_DAYS, ruleCaseInputs } from "../alerts/facility-alerts.ts";
import { episodeRuleInputs } from "../episodes/episode-rules.ts";

/** Days, ending today, whose alerts the region view shows (the facility's alerts page shows a week too). */
export const REGION_ALERT_DAYS = 7;

const REGION_CODES: ReadonlySet<string> = new Set<string>([...FACILITY_ALERT_CODES, "NOTIFY_DEADLINE"]);

const CRITERION: Partial<Record<RegionAlertCode, RegionAlert["criterion"]>> = {
  REPORT_CRITERION_A: "A",
  REPORT_CRITERION_B: "B",
  ABOVE_USUAL: "C",
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function subjectOf(alert: Alert): { group: SyndromeGroup | null; disease: string | null } {
  if ("group" in alert.subject) return { group: alert.subject.group, disease: null };
  if ("disease" in alert.subject) return { group: null, disease: alert.subject.disease };
  return { group: null, disease: null };
}

/** The numbers of one alert of the facility's, without its persons. */
function numbersOf(alert: Alert): Pick<RegionAlert, "count" | "threshold" | "users"> & { since?: string } {
  switch (alert.code) {
    case "REPORT_CRITERION_A": {
      const met = alert.evidence.conditions.find((c) => c.met) ?? alert.evidence.conditions[0]!;
      return { count: met.count, threshold: met.threshold, users: null, since: met.window.from };
    }
    case "REPORT_CRITERION_B": {
      const e = alert.evidence;
      const byUsers = e.users !== null && e.met.includes("users") && !e.met.includes("persons");
      return {
        count: e.count,
        threshold: e.threshold,
        users: byUsers && e.users ? { count: e.users.count, total: e.users.total } : null,
        since: e.window.from,
      };
    }
    case "ABOVE_USUAL":
      return { count: alert.evidence.count, threshold: round2(alert.evidence.upperbound), users: null };
    case "NORO_CLUSTER_24H":
      return { count: alert.evidence.count, threshold: alert.evidence.threshold, users: null };
    case "OUTBREAK_END_ELIGIBLE":
      return {
        count: alert.evidence.daysWithoutNewOnset,
        threshold: alert.evidence.requiredDays,
        users: null,
        since: alert.evidence.openedOn,
      };
    default:
      return { count: 1, threshold: null, users: null };
  }
}

/**
 * The health centre's view of a facility's alerts (`evaluateFacility`'s answer): the facility rules and the
 * notification deadlines, one per code and group or disease — the latest day's, with since when it holds. Person
 * hints are left out, and so is every person id, name and date that belongs to one person.
 */
export function presentRegionAlerts(alerts: readonly Alert[]): RegionAlert[] {
  const byKey = new Map<string, { latest: Alert[]; first: string }>();
  for (const alert of alerts) {
    if (!REGION_CODES.has(alert.code)) continue;
    const { group, disease } = subjectOf(alert);
    const key = `${alert.code}|${group ?? ""}|${disease ?? ""}`;
    const held = byKey.get(key);
    if (!held) byKey.set(key, { latest: [alert], first: alert.day });
    else if (alert.day > held.latest[0]!.day) held.latest = [alert];
    else if (alert.day === held.latest[0]!.day) held.latest.push(alert);
    if (held && alert.day < held.first) held.first = alert.day;
  }
  const out: RegionAlert[] = [];
  for (const { latest, first } of byKey.values()) {
    const alert = latest[0]!;
    const { group, disease } = subjectOf(alert);
    const code = alert.code as RegionAlertCode;
    if (alert.code === "NOTIFY_DEADLINE") {
      // One per person and disease: counted, never named.
      const diagnosed = latest.flatMap((a) =>
        a.code === "NOTIFY_DEADLINE" ? [a.evidence.diagnosedDate] : [],
      );
      out.push({
        code,
        group: null,
        disease,
        diseaseName: alert.evidence.name,
        criterion: null,
        day: alert.day,
        since: diagnosed.sort()[0] ?? first,
        count: new Set(latest.map((a) => ("personId" in a.subject ? a.subject.personId : ""))).size,
        threshold: null,
        users: null,
      });
      continue;
    }
    const { since, ...numbers } = numbersOf(alert);
    out.push({
      code,
      group,
      disease,
      diseaseName: disease === null ? null : (DISEASE_LABELS[disease as keyof typeof DISEASE_LABELS] ?? null),
      criterion: CRITERION[code] ?? null,
      day: alert.day,
      since: since ?? first,
      ...numbers,
    });
  }
  // Reporting criteria first (ア, イ, ウ), then the rest; by group or disease within.
  const rank = (a: RegionAlert) => (a.criterion ? `0${a.criterion}` : `1${a.code}`);
  return out.sort(
    (a, b) =>
      rank(a).localeCompare(rank(b)) ||
      (a.group ?? a.disease ?? "").localeCompare(b.group ?? b.disease ?? ""),
  );
}

/** Alerts kept per facility with what they were computed from; the oldest are dropped past this many. */
const KEPT_ALERTS_MAX = 20_000;
const keptAlerts = new Map<string, { key: string; alerts: RegionAlert[] }>();

/**
 * Each sharing facility's alerts as of `now` (facility-surveillance.md §4; 付録1① ア イ ウ), by the engine that gives
 * the facility its own (`evaluateFacility`, as `GET …/alerts`) with the facility's rule profile, over the same
 * `HISTORY_DAYS` before the days shown. Every new onset of those days is read from the kept onsets — of all
 * facilities in four queries (`readRegionRuleRecords`), with no round read. The one difference from the facility's
 * own page: there the window's first few days derive their onsets from their rounds alone (it sees no day before);
 * here the kept onsets of those days know the days before them. A profile whose symptom-free days close implicit cases
 * (none shipped) needs the rounds: its facility is evaluated as its own page does.
 *
 * A facility's alerts are kept between requests against its local day, rule profile and latest audit entry
 * (`facilityRecordMarks`): only the facilities written to since, or on a new day, are read and evaluated again.
 */
export async function regionFacilityAlerts(
  db: Database,
  facilities: readonly SharingFacility[],
  firstObserved: ReadonlyMap<string, string>,
  now: Date,
): Promise<Map<string, RegionAlert[]>> {
  const out = new Map<string, RegionAlert[]>();
  if (facilities.length === 0) return out;
  const marks = await facilityRecordMarks(
    db,
    facilities.map((f) => f.id),
  );
  const stale = [];
  for (const facility of facilities) {
    const asOfDay = dayInZone(now, facility.timeZone);
    const key = `${asOfDay}|${facility.ruleProfile}|${marks.get(facility.id) ?? 0}|${firstObserved.get(facility.id) ?? ""}`;
    const kept = keptAlerts.get(facility.id);
    if (kept?.key === key) out.set(facility.id, kept.alerts);
    else
      stale.push({
        facility,
        key,
        asOfDay,
        firstDay: addIsoDays(asOfDay, -(HISTORY_DAYS + REGION_ALERT_DAYS)),
      });
  }
  if (stale.length === 0) return out;
  const records = await readRegionRuleRecords(
    db,
    stale.map((s) => s.facility.id),
    {
      fromDay: stale.map((s) => s.firstDay).sort()[0]!,
      toDay: stale
        .map((s) => s.asOfDay)
        .sort()
        .at(-1)!,
      until: now,
    },
  );
  for (const { facility, key, asOfDay, firstDay } of stale) {
    const profile = findBuiltInProfile(facility.ruleProfile) ?? DEFAULT_PROFILE;
    const alerts =
      profile.cases.implicitResolvedAfterSymptomFreeDays !== null
        ? presentRegionAlerts((await facilityAlerts(db, facility.id, now, REGION_ALERT_DAYS)).alerts)
        : presentRegionAlerts(
            evaluateFacility(
              ruleInputOf(facility, profile, records.get(facility.id)!, {
                asOfDay,
                firstDay,
                firstObservedDay: firstObserved.get(facility.id),
                now,
              }),
            ).alerts,
          );
    out.set(facility.id, alerts);
    keptAlerts.delete(facility.id);
    keptAlerts.set(facility.id, { key, alerts });
    if (keptAlerts.size > KEPT_ALERTS_MAX) keptAlerts.delete(keptAlerts.keys().next().value!);
  }
  return out;
}

function ruleInputOf(
  facility: SharingFacility,
  profile: RuleProfile,
  records: FacilityRuleRecords,
  at: { asOfDay: string; firstDay: string; firstObservedDay: string | undefined; now: Date },
): EvaluateFacilityInput {
  const { asOfDay, firstDay, firstObservedDay } = at;
  return {
    facility: { id: facility.id, timeZone: facility.timeZone },
    people: records.people,
    observations: [],
    cases: ruleCaseInputs(records.cases),
    episodes: episodeRuleInputs(records.episodes, profile, asOfDay),
    asOf: at.now,
    profile,
    lookbackDays: REGION_ALERT_DAYS,
    personHints: false,
    history: {
      fromDay: firstDay,
      toDay: asOfDay,
      // The facility's page counts history from the first day observed within its window.
      firstObservedDay:
        firstObservedDay === undefined || firstObservedDay > asOfDay
          ? null
          : firstObservedDay < firstDay
            ? firstDay
            : firstObservedDay,
      onsets: records.onsets.filter((o) => o.day >= firstDay && o.day <= asOfDay),
    },
  };
}

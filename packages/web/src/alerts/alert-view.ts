import { TZDate } from "@date-fns/tz";
import type {
  Alert,
  FacilityAlert,
  FacilityAlertCode,
  PersonAlert,
  PersonAlertCode,
} from "@mamori/domain/surveillance";

// What the screens make of the rules engine's answer: which alerts come first, how a week of repeated facility alerts
// is shown once, how person hints are counted per unit and day. Pure, so it is tested without a page.

/**
 * Facility alerts, most pressing first: a reporting criterion is met (manual p.48), the 24-hour cluster (p.54), more
 * than usual (criterion C, the director judges), then the end of an outbreak (p.56).
 */
export const FACILITY_ALERT_ORDER: readonly FacilityAlertCode[] = [
  "REPORT_CRITERION_A",
  "REPORT_CRITERION_B",
  "NORO_CLUSTER_24H",
  "ABOVE_USUAL",
  "OUTBREAK_END_ELIGIBLE",
];

/** Person hints, most urgent first; "tell the nurse" last, since nearly every symptom raises it. */
export const PERSON_HINT_ORDER: readonly PersonAlertCode[] = [
  "EHEC_URGENT",
  "FEVER",
  "TB_CONSIDER",
  "LEGIONELLA_CONSIDER",
  "NOROVIRUS_CONSIDER",
  "CDI_CONSIDER",
  "SCABIES_CONSIDER",
  "UTI_CONSIDER",
  "LOW_GRADE_FEVER",
  "REPORT_TO_NURSE",
];

export const isPersonAlert = (alert: Alert): alert is PersonAlert => "personId" in alert.subject;
export const isFacilityAlert = (alert: Alert): alert is FacilityAlert => !isPersonAlert(alert);

/** The group or disease a facility alert is about, as one key. */
export function subjectOf(alert: FacilityAlert): string {
  return "group" in alert.subject ? alert.subject.group : alert.subject.disease;
}

/** One facility rule on one subject over the days shown: the latest day's alert speaks for the others. */
export interface FacilityAlertGroup {
  latest: FacilityAlert;
  /** Every day it held, newest first. */
  days: string[];
}

/**
 * Facility alerts of the given days, one entry per rule and subject, most pressing rule first, then the subject, then
 * the most recent.
 *
 * @example groupFacilityAlerts(result.alerts, ["2026-11-24"]) // today's facility alerts
 */
export function groupFacilityAlerts(alerts: readonly Alert[], days: readonly string[]): FacilityAlertGroup[] {
  const wanted = new Set(days);
  const groups = new Map<string, FacilityAlertGroup>();
  for (const alert of alerts) {
    if (!isFacilityAlert(alert) || !wanted.has(alert.day)) continue;
    const key = `${alert.code}/${subjectOf(alert)}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { latest: alert, days: [alert.day] });
      continue;
    }
    group.days.push(alert.day);
    if (alert.day > group.latest.day) group.latest = alert;
  }
  const rank = (code: FacilityAlertCode) => FACILITY_ALERT_ORDER.indexOf(code);
  return [...groups.values()]
    .map((group) => ({ ...group, days: [...new Set(group.days)].sort().reverse() }))
    .sort(
      (a, b) =>
        rank(a.latest.code) - rank(b.latest.code) ||
        subjectOf(a.latest).localeCompare(subjectOf(b.latest)) ||
        b.latest.day.localeCompare(a.latest.day),
    );
}

/**
 * The facility alerts still under way on the last of `days`: each rule and subject of the days shown whose latest day
 * is today, or — for an outbreak signal (a reporting criterion, the 24-hour cluster, more than usual) of an earlier day
 * — whose group has not reached the end of its outbreak since (no `OUTBREAK_END_ELIGIBLE` on or after that day). A
 * cluster of three days ago is what the nurse and the director work on now: it stays in view until the quiet period
 * the manual sets (p.56) has passed.
 *
 * @example currentFacilityAlerts(result.alerts, result.days) // the cluster of 5 days ago, while no end is eligible
 */
export function currentFacilityAlerts(
  alerts: readonly Alert[],
  days: readonly string[],
): FacilityAlertGroup[] {
  const today = days.at(-1);
  const wanted = new Set(days);
  const endDay = new Map<string, string>();
  for (const alert of alerts) {
    if (!isFacilityAlert(alert) || alert.code !== "OUTBREAK_END_ELIGIBLE" || !wanted.has(alert.day)) continue;
    const key = subjectOf(alert);
    const known = endDay.get(key);
    if (known === undefined || alert.day > known) endDay.set(key, alert.day);
  }
  return groupFacilityAlerts(alerts, days).filter((group) => {
    if (group.latest.day === today) return true;
    if (group.latest.code === "OUTBREAK_END_ELIGIBLE") return false;
    const ended = endDay.get(subjectOf(group.latest));
    return ended === undefined || ended < group.latest.day;
  });
}

/** The persons a facility alert names (none for the end of an outbreak, which is about a quiet week). */
export function personIdsOf(alert: FacilityAlert): string[] {
  return alert.code === "OUTBREAK_END_ELIGIBLE" ? [] : alert.evidence.personIds;
}

/** How many persons have each hint in one unit on one day. */
export interface HintCount {
  day: string;
  /** The unit of the persons counted; null for people without a unit (e.g. kitchen staff). */
  unitId: string | null;
  counts: { code: PersonAlertCode; count: number }[];
}

/**
 * Person hints counted per day and unit (distinct persons per hint), newest day first, units in the facility's order
 * and people without a unit last; hints in `PERSON_HINT_ORDER`.
 *
 * @example
 * summariseHints(alerts, ["2026-11-24"], (id) => unitOf.get(id) ?? null, ["unit-1", "unit-2"])
 * // [{ day: "2026-11-24", unitId: "unit-2", counts: [{ code: "FEVER", count: 3 }] }]
 */
export function summariseHints(
  alerts: readonly Alert[],
  days: readonly string[],
  unitOf: (personId: string) => string | null,
  unitOrder: readonly string[],
): HintCount[] {
  const wanted = new Set(days);
  const persons = new Map<string, Map<PersonAlertCode, Set<string>>>();
  for (const alert of alerts) {
    if (!isPersonAlert(alert) || !wanted.has(alert.day)) continue;
    const personId = alert.subject.personId;
    const key = JSON.stringify([alert.day, unitOf(personId)]);
    const byCode = persons.get(key) ?? new Map<PersonAlertCode, Set<string>>();
    persons.set(key, byCode);
    const ids = byCode.get(alert.code) ?? new Set<string>();
    byCode.set(alert.code, ids);
    ids.add(personId);
  }
  const unitRank = (unitId: string | null) => {
    const i = unitId === null ? -1 : unitOrder.indexOf(unitId);
    return i === -1 ? unitOrder.length : i;
  };
  return [...persons.entries()]
    .map(([key, byCode]) => {
      const [day, unitId] = JSON.parse(key) as [string, string | null];
      const counts = PERSON_HINT_ORDER.flatMap((code) => {
        const ids = byCode.get(code);
        return ids ? [{ code, count: ids.size }] : [];
      });
      return { day, unitId, counts };
    })
    .sort((a, b) => b.day.localeCompare(a.day) || unitRank(a.unitId) - unitRank(b.unitId));
}

/**
 * Each person's hints of one day, most urgent first.
 *
 * @example hintsByPerson(result.alerts, "2026-11-24").get("p1") // [FEVER alert, REPORT_TO_NURSE alert]
 */
export function hintsByPerson(alerts: readonly Alert[], day: string): Map<string, PersonAlert[]> {
  const byPerson = new Map<string, PersonAlert[]>();
  for (const alert of alerts) {
    if (!isPersonAlert(alert) || alert.day !== day) continue;
    const list = byPerson.get(alert.subject.personId) ?? [];
    list.push(alert);
    byPerson.set(alert.subject.personId, list);
  }
  for (const list of byPerson.values()) {
    list.sort((a, b) => PERSON_HINT_ORDER.indexOf(a.code) - PERSON_HINT_ORDER.indexOf(b.code));
  }
  return byPerson;
}

/**
 * The instant to evaluate a round's day at: none for today (the server's now), the last second of the day for an
 * earlier day, so that everything recorded that day counts and nothing later does.
 *
 * @example roundAsOf("2026-11-20", "2026-11-24", "Asia/Tokyo") // "2026-11-20T23:59:59.000+09:00"
 * @example roundAsOf("2026-11-24", "2026-11-24", "Asia/Tokyo") // undefined
 */
export function roundAsOf(day: string, today: string, timeZone: string): string | undefined {
  if (day >= today) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 23, 59, 59, timeZone).toISOString();
}

type CountKey = "countNoro" | "countA" | "countB" | "countUsers" | "countAbove" | "countEnd";

/** The count of a facility alert against its threshold, as message keys of `card` and their values. */
export function countLines(alert: FacilityAlert): { key: CountKey; values: Record<string, number> }[] {
  switch (alert.code) {
    case "NORO_CLUSTER_24H": {
      const e = alert.evidence;
      return [{ key: "countNoro", values: { count: e.count, threshold: e.threshold, hours: e.windowHours } }];
    }
    case "REPORT_CRITERION_A":
      return alert.evidence.conditions
        .filter((condition) => condition.met)
        .map((condition) => ({
          key: "countA",
          values: { count: condition.count, threshold: condition.threshold, days: condition.windowDays },
        }));
    case "REPORT_CRITERION_B": {
      const e = alert.evidence;
      const lines: { key: CountKey; values: Record<string, number> }[] = [];
      if (e.threshold !== null && e.met.includes("persons"))
        lines.push({ key: "countB", values: { count: e.count, threshold: e.threshold } });
      if (e.users && e.met.includes("users"))
        lines.push({
          key: "countUsers",
          values: { count: e.users.count, total: e.users.total, threshold: e.users.threshold },
        });
      return lines;
    }
    case "ABOVE_USUAL": {
      const e = alert.evidence;
      return [{ key: "countAbove", values: { count: e.count, bound: Math.round(e.upperbound * 10) / 10 } }];
    }
    case "OUTBREAK_END_ELIGIBLE": {
      const e = alert.evidence;
      return [{ key: "countEnd", values: { days: e.daysWithoutNewOnset, required: e.requiredDays } }];
    }
  }
}

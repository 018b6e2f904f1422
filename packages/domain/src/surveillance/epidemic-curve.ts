import { earsC } from "@mamori/domain/detection";
import { dailyOnsetCounts } from "./above-usual.ts";
import type { Alert, FacilityAlertCode } from "./alerts.ts";
import { buildCaseRegistry, casesOfSameInfection } from "./cases.ts";
import type {
  FacilityInput,
  FacilitySubject,
  ObservationInput,
  PersonInput,
  RecordedCaseInput,
} from "./inputs.ts";
import { holdHistory, type KeptOnsetHistory } from "./kept-history.ts";
import { createLocalDayResolver, DEFAULT_TIME_ZONE, isoDayOf, parseInstant } from "./local-day.ts";
import { compareText, indexObservations } from "./person-days.ts";
import type { RuleProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import type { SyndromeGroup } from "./syndrome-groups.ts";

/** Days the curve covers by default: the last four weeks. */
export const DEFAULT_EPIDEMIC_CURVE_DAYS = 28;

export type EpidemicCurveInput = {
  facility: FacilityInput;
  people: readonly PersonInput[];
  observations: readonly ObservationInput[];
  /** Recorded cases that name a disease (as the rules engine reads them). */
  cases?: readonly RecordedCaseInput[];
  profile?: RuleProfile;
  asOf: string | Date;
  /** Days shown, ending with the as-of day (default 28). */
  days?: number;
  /** The facility's alerts over the days shown (evaluateFacility with the same lookback): their days are marked. */
  alerts?: readonly Alert[];
  /** Kept new onsets standing for the observations of past days (kept-history.ts), as evaluateFacility reads them. */
  history?: KeptOnsetHistory;
};

export type EpidemicCurveGroup = {
  group: SyndromeGroup;
  /** New onsets per day (distinct persons), all units together. */
  total: number[];
  /** New onsets per day per unit, in the facility's unit order; `unitId` null for people without a unit. */
  byUnit: { unitId: string | null; counts: number[] }[];
  /**
   * The facility's usual upper bound per day from the detection that `ABOVE_USUAL` runs (EARS with the profile's
   * method, alpha and minSigma, on the daily counts since the first observed day); null on days with too little
   * history, and null altogether when the profile does not watch the group.
   */
  upperBound: (number | null)[] | null;
};

export type EpidemicCurve = {
  asOf: string;
  profile: string;
  days: string[];
  /** The unit ids that appear, in the facility's order, null (no unit) last. */
  units: (string | null)[];
  groups: EpidemicCurveGroup[];
  /** Each facility alert that fired on a day shown. */
  alertDays: { day: string; code: FacilityAlertCode; subject: FacilitySubject }[];
  detection: { method: "C1" | "C2" | "C3"; alpha: number; minSigma: number; minHistoryDays: number };
};

/**
 * The epidemic curve: daily new onsets per group, stacked by unit (floor), for the last weeks, with the days the
 * facility alerts fired and the usual upper bound.
 *
 * Source: facility-surveillance.md §3 (new onsets and cases of a group, counted per person as the rules count them) and
 * §4.4 (the usual trend by EARS, detection.md); manual p.33 (「日常的な発生状況」と「現時点での発生状況」を比べる) and 付録4③
 * p.85 (新規発症者 集計表 by floor). A day's count is the number of distinct persons whose case of the group (implicit, or
 * recorded with a disease of the group, after replacement) has its onset that day — the same count `ABOVE_USUAL` tests.
 *
 * @throws RangeError naming the input when `asOf` or `days` is not valid
 * @example epidemicCurve({ facility, people, observations, asOf: "2026-01-28T09:00:00+09:00" }).groups[0].total.length // 28
 */
export function epidemicCurve(input: EpidemicCurveInput): EpidemicCurve {
  const profile = input.profile ?? DEFAULT_PROFILE;
  const shown = input.days ?? DEFAULT_EPIDEMIC_CURVE_DAYS;
  if (!Number.isInteger(shown) || shown < 1 || shown > 366) {
    throw new RangeError("days: expected a whole number from 1 to 366");
  }
  const resolver = createLocalDayResolver(input.facility.timeZone ?? DEFAULT_TIME_ZONE);
  const asOfMs = typeof input.asOf === "string" ? parseInstant(input.asOf) : input.asOf.getTime();
  if (Number.isNaN(asOfMs)) throw new RangeError("asOf: not an ISO instant with offset");
  const asOfDay = resolver.dayOf(asOfMs);
  const firstShown = asOfDay - shown + 1;
  const index = indexObservations({
    people: input.people,
    observations: input.observations,
    resolver,
    asOfMs,
  });
  const groups = [...new Set<SyndromeGroup>([...profile.facilityGroups, ...profile.aboveUsual.groups])];
  const history = input.history ? holdHistory(input.history) : undefined;
  const firstObservedDay = history ? history.firstObservedDay : index.firstDay;
  const registry = buildCaseRegistry(
    index,
    input.cases ?? [],
    groups,
    asOfDay,
    {
      gapDays: profile.onsets.gapDays,
      implicitResolvedAfterSymptomFreeDays: null,
      recordedReplacesImplicitWithinDays: profile.cases.recordedReplacesImplicitWithinDays,
    },
    history,
  );
  const unitOfPerson = new Map(input.people.map((person) => [person.id, person.unit ?? null]));
  const facilityUnits = (input.facility.units ?? []).map((unit) => unit.id);
  const seenUnits = new Set<string | null>();

  const settings = profile.aboveUsual;
  const curveGroups: EpidemicCurveGroup[] = [];
  for (const group of groups) {
    const byUnit = new Map<string | null, Set<string>[]>();
    const total: Set<string>[] = Array.from({ length: shown }, () => new Set());
    for (const held of casesOfSameInfection(registry, { group })) {
      const offset = held.onsetDay - firstShown;
      if (offset < 0 || offset >= shown) continue;
      const unitId = unitOfPerson.get(held.personId) ?? null;
      let perDay = byUnit.get(unitId);
      if (!perDay) {
        perDay = Array.from({ length: shown }, () => new Set());
        byUnit.set(unitId, perDay);
      }
      perDay[offset]!.add(held.personId);
      total[offset]!.add(held.personId);
      seenUnits.add(unitId);
    }
    curveGroups.push({
      group,
      total: total.map((set) => set.size),
      byUnit: orderUnits([...byUnit.keys()], facilityUnits).map((unitId) => ({
        unitId,
        counts: byUnit.get(unitId)!.map((set) => set.size),
      })),
      upperBound: settings.groups.includes(group)
        ? usualUpperBound(registry, group, firstObservedDay, firstShown, asOfDay, settings)
        : null,
    });
  }

  const alertDays: EpidemicCurve["alertDays"] = [];
  for (const alert of input.alerts ?? []) {
    if ("personId" in alert.subject) continue;
    if (alert.day < isoDayOf(firstShown) || alert.day > isoDayOf(asOfDay)) continue;
    alertDays.push({ day: alert.day, code: alert.code as FacilityAlertCode, subject: alert.subject });
  }
  alertDays.sort((a, b) => compareText(a.day, b.day) || compareText(a.code, b.code));

  const days: string[] = [];
  for (let day = firstShown; day <= asOfDay; day++) days.push(isoDayOf(day));
  return {
    asOf: typeof input.asOf === "string" ? input.asOf : resolver.format(asOfMs),
    profile: profile.id,
    days,
    units: orderUnits([...seenUnits], facilityUnits),
    groups: curveGroups,
    alertDays,
    detection: {
      method: settings.method,
      alpha: settings.alpha,
      minSigma: settings.minSigma,
      minHistoryDays: settings.minHistoryDays,
    },
  };
}

function orderUnits(units: (string | null)[], facilityUnits: readonly string[]): (string | null)[] {
  const rank = (id: string | null) => {
    if (id === null) return Number.MAX_SAFE_INTEGER;
    const i = facilityUnits.indexOf(id);
    return i === -1 ? facilityUnits.length : i;
  };
  return units.sort((a, b) => rank(a) - rank(b) || compareText(a ?? "", b ?? ""));
}

/**
 * The upper bound EARS gives for each shown day, from the counts since the facility's first observed day; null on a day
 * with less than `minHistoryDays` of history (as `ABOVE_USUAL` never tests such a day).
 */
function usualUpperBound(
  registry: Parameters<typeof dailyOnsetCounts>[0],
  group: SyndromeGroup,
  firstDay: number | undefined,
  firstShown: number,
  asOfDay: number,
  settings: RuleProfile["aboveUsual"],
): (number | null)[] {
  const bounds: (number | null)[] = new Array(asOfDay - firstShown + 1).fill(null);
  if (firstDay === undefined) return bounds;
  const firstTestable = Math.max(firstShown, firstDay + settings.minHistoryDays);
  if (firstTestable > asOfDay) return bounds;
  const { counts } = dailyOnsetCounts(registry, group, firstDay, asOfDay);
  const range: number[] = [];
  for (let day = firstTestable; day <= asOfDay; day++) range.push(day - firstDay + 1);
  const result = earsC(counts, {
    method: settings.method,
    alpha: settings.alpha,
    minSigma: settings.minSigma,
    range,
  });
  result.range.forEach((position, i) => {
    bounds[firstDay + position - 1 - firstShown] = result.upperbound[i] ?? null;
  });
  return bounds;
}

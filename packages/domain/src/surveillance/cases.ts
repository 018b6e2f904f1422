import { groupsOfDisease } from "./diseases.ts";
import type { CaseStatus, FacilitySubject, OutcomeKind, RecordedCaseInput } from "./inputs.ts";
import { type HeldHistory, implicitCasesFromOnsets, onsetsWithHistory } from "./kept-history.ts";
import { dayNumberOf } from "./local-day.ts";
import { DEFAULT_ONSET_GAP_DAYS, onsetTime } from "./onsets.ts";
import { compareText, type ObservationIndex, type PersonTimeline } from "./person-days.ts";
import { compileCondition, satisfiesCondition } from "./symptom-mask.ts";
import { SYNDROME_GROUP_CONDITIONS, type SyndromeGroup } from "./syndrome-groups.ts";

/**
 * Cases: recorded by staff, or implicit in the observations (facility-surveillance.md §3).
 *
 * Every new onset of a syndrome group starts an implicit case of that group. A recorded case (`{personId, disease,
 * status, onsetDate, resolvedDate?, outcomes[]}`) replaces the implicit cases of the same person and group whose onset
 * lies within `recordedReplacesImplicitWithinDays` (default 7) of its own.
 *
 * When does an implicit case end? Only by a recorded resolution: a recorded case with a `resolvedDate` that replaces it
 * (symptom-free days do not close it — the outbreak workspace offers closing instead). A later new onset of the same
 * group (after `gapDays` without the symptoms) starts a new case, and the old one is ended on that day.
 * `implicitResolvedAfterSymptomFreeDays` (null in every shipped profile and by default) is kept for profile files of
 * earlier versions: a number N resolves the case on the day that completes N consecutive recorded days without a
 * symptom of the group; days without a record neither count nor resolve.
 */
export const DEFAULT_IMPLICIT_RESOLVED_AFTER_SYMPTOM_FREE_DAYS: number | null = null;
export const DEFAULT_RECORDED_REPLACES_IMPLICIT_WITHIN_DAYS = 7;

export type CaseOutcome = { readonly kind: OutcomeKind; readonly day: number };

export type FacilityCase = {
  readonly personId: string;
  readonly source: "implicit" | "recorded";
  /** The recorded disease; undefined for an implicit case. */
  readonly disease: string | undefined;
  readonly status: CaseStatus | undefined;
  /** The group of an implicit case; the disease's groups for a recorded one (empty for a disease in no group). */
  readonly groups: readonly SyndromeGroup[];
  readonly onsetDay: number;
  /** Onset instant of an implicit case (first observation showing the group). */
  readonly onsetMs: number | undefined;
  /** First day on which the case counts as resolved; null while it goes on. */
  readonly resolvedDay: number | null;
  readonly outcomes: readonly CaseOutcome[];
};

export type CaseSettings = {
  gapDays: number;
  implicitResolvedAfterSymptomFreeDays: number | null;
  recordedReplacesImplicitWithinDays: number;
};

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  gapDays: DEFAULT_ONSET_GAP_DAYS,
  implicitResolvedAfterSymptomFreeDays: DEFAULT_IMPLICIT_RESOLVED_AFTER_SYMPTOM_FREE_DAYS,
  recordedReplacesImplicitWithinDays: DEFAULT_RECORDED_REPLACES_IMPLICIT_WITHIN_DAYS,
};

/**
 * Implicit cases of one group in one person's timeline: one per new onset, with its resolution day.
 *
 * @example implicitCasesOfPerson(timeline, "GI") // [{ source: "implicit", groups: ["GI"], onsetDay, resolvedDay, … }]
 */
export function implicitCasesOfPerson(
  timeline: PersonTimeline,
  group: SyndromeGroup,
  settings: Pick<CaseSettings, "gapDays" | "implicitResolvedAfterSymptomFreeDays"> = DEFAULT_CASE_SETTINGS,
): FacilityCase[] {
  const compiled = compileCondition(SYNDROME_GROUP_CONDITIONS[group]);
  const needed = settings.implicitResolvedAfterSymptomFreeDays;
  const cases: FacilityCase[] = [];
  let open: { onsetDay: number; onsetMs: number } | null = null;
  let lastPresent = Number.NEGATIVE_INFINITY;
  let freeRun = 0;
  let previousDay = Number.NEGATIVE_INFINITY;
  const { days, dayMask } = timeline;
  const close = (resolvedDay: number | null) => {
    if (!open) return;
    cases.push(implicitCase(timeline.personId, group, open.onsetDay, open.onsetMs, resolvedDay));
    open = null;
  };
  for (let position = 0; position < days.length; position++) {
    const day = days[position]!;
    if (satisfiesCondition(dayMask[position]!, compiled)) {
      if (day - lastPresent > settings.gapDays) {
        close(day);
        open = { onsetDay: day, onsetMs: onsetTime(timeline, position, compiled) };
      }
      lastPresent = day;
      freeRun = 0;
    } else {
      freeRun = day === previousDay + 1 && freeRun > 0 ? freeRun + 1 : 1;
      if (open && needed !== null && freeRun >= needed) close(day);
    }
    previousDay = day;
  }
  close(null);
  return cases;
}

function implicitCase(
  personId: string,
  group: SyndromeGroup,
  onsetDay: number,
  onsetMs: number,
  resolvedDay: number | null,
): FacilityCase {
  return {
    personId,
    source: "implicit",
    disease: undefined,
    status: undefined,
    groups: [group],
    onsetDay,
    onsetMs,
    resolvedDay,
    outcomes: [],
  };
}

/**
 * A recorded case as the engine holds it (days as day numbers, outcomes after `asOfDay` dropped).
 *
 * @returns undefined when the onset lies after the as-of day
 * @throws RangeError naming the case when a date is not an ISO date
 */
export function recordedCase(
  input: RecordedCaseInput,
  asOfDay: number,
  position = 0,
): FacilityCase | undefined {
  const day = (text: string, field: string) => {
    try {
      return dayNumberOf(text);
    } catch {
      throw new RangeError(`cases[${position}].${field}: not an ISO date (YYYY-MM-DD)`);
    }
  };
  const onsetDay = day(input.onsetDate, "onsetDate");
  if (onsetDay > asOfDay) return undefined;
  const outcomes: CaseOutcome[] = [];
  (input.outcomes ?? []).forEach((outcome, i) => {
    const outcomeDay = day(outcome.date, `outcomes[${i}].date`);
    if (outcomeDay <= asOfDay) outcomes.push({ kind: outcome.kind, day: outcomeDay });
  });
  outcomes.sort((a, b) => a.day - b.day || compareText(a.kind, b.kind));
  return {
    personId: input.personId,
    source: "recorded",
    disease: input.disease,
    status: input.status,
    groups: groupsOfDisease(input.disease),
    onsetDay,
    onsetMs: undefined,
    resolvedDay: input.resolvedDate ? day(input.resolvedDate, "resolvedDate") : null,
    outcomes,
  };
}

/** Implicit cases per group (after replacement by recorded cases) and the recorded cases. */
export type CaseRegistry = {
  readonly implicitByGroup: ReadonlyMap<SyndromeGroup, readonly FacilityCase[]>;
  readonly recorded: readonly FacilityCase[];
};

/**
 * Builds the facility's cases: implicit cases of each group, recorded cases, and the replacement between them.
 *
 * @param groups the groups to derive implicit cases for (those the rules and detection need)
 * @param history kept onsets standing for the observations of past days (kept-history.ts); only when symptom-free days
 *   close no implicit case (`implicitResolvedAfterSymptomFreeDays` null), as the kept onsets carry no symptom-free days
 * @throws RangeError when a history is given with `implicitResolvedAfterSymptomFreeDays` set
 * @example buildCaseRegistry(index, cases, ["GI", "ILI"], asOfDay).implicitByGroup.get("GI")
 */
export function buildCaseRegistry(
  index: ObservationIndex,
  recordedInputs: readonly RecordedCaseInput[],
  groups: readonly SyndromeGroup[],
  asOfDay: number,
  settings: CaseSettings = DEFAULT_CASE_SETTINGS,
  history?: HeldHistory,
): CaseRegistry {
  if (history && settings.implicitResolvedAfterSymptomFreeDays !== null) {
    throw new RangeError("history: kept onsets cannot close implicit cases after symptom-free days");
  }
  const recorded: FacilityCase[] = [];
  recordedInputs.forEach((input, position) => {
    const held = recordedCase(input, asOfDay, position);
    if (held) recorded.push(held);
  });
  recorded.sort(compareCases);

  const implicitByGroup = new Map<SyndromeGroup, FacilityCase[]>();
  for (const group of groups) {
    const cases: FacilityCase[] = [];
    const implicit = history
      ? [
          ...onsetsWithHistory(
            index,
            compileCondition(SYNDROME_GROUP_CONDITIONS[group]),
            settings.gapDays,
            history,
            group,
          ).values(),
        ].map((onsets) => implicitCasesFromOnsets(group, onsets))
      : index.timelines.map((timeline) => implicitCasesOfPerson(timeline, group, settings));
    for (const personCases of implicit) {
      for (const held of personCases) {
        if (!isReplaced(held, group, recorded, settings.recordedReplacesImplicitWithinDays)) cases.push(held);
      }
    }
    implicitByGroup.set(group, cases.sort(compareCases));
  }
  return { implicitByGroup, recorded };
}

function isReplaced(
  implicit: FacilityCase,
  group: SyndromeGroup,
  recorded: readonly FacilityCase[],
  withinDays: number,
): boolean {
  for (const other of recorded) {
    if (other.personId !== implicit.personId || !other.groups.includes(group)) continue;
    if (Math.abs(other.onsetDay - implicit.onsetDay) <= withinDays) return true;
  }
  return false;
}

/**
 * The cases of "the same infection" (facility-surveillance.md §3): for a group, the recorded cases of its diseases plus
 * its implicit cases; for a disease, its recorded cases plus the implicit cases of its (first) group.
 *
 * @example casesOfSameInfection(registry, { group: "GI" }) // recorded norovirus, EHEC, … cases and implicit GI cases
 * @example casesOfSameInfection(registry, { disease: "tuberculosis" }) // recorded tuberculosis cases only
 */
export function casesOfSameInfection(registry: CaseRegistry, subject: FacilitySubject): FacilityCase[] {
  let cases: FacilityCase[];
  if ("group" in subject) {
    const group = subject.group;
    cases = [
      ...registry.recorded.filter((held) => held.groups.includes(group)),
      ...(registry.implicitByGroup.get(group) ?? []),
    ];
  } else {
    const group = groupsOfDisease(subject.disease)[0];
    cases = [
      ...registry.recorded.filter((held) => held.disease === subject.disease),
      ...(group ? (registry.implicitByGroup.get(group) ?? []) : []),
    ];
  }
  return cases.sort(compareCases);
}

/**
 * Whether a case still counts on day `day`: its onset is on or before the day and it is not resolved by then.
 *
 * @example isOngoing({ onsetDay: 10, resolvedDay: 12 } as FacilityCase, 11) // true
 * @example isOngoing({ onsetDay: 10, resolvedDay: 12 } as FacilityCase, 12) // false
 */
export function isOngoing(held: Pick<FacilityCase, "onsetDay" | "resolvedDay">, day: number): boolean {
  return held.onsetDay <= day && (held.resolvedDay === null || held.resolvedDay > day);
}

/** Orders cases by onset day, person, source and disease. */
export function compareCases(a: FacilityCase, b: FacilityCase): number {
  return (
    a.onsetDay - b.onsetDay ||
    compareText(a.personId, b.personId) ||
    compareText(a.source, b.source) ||
    compareText(a.disease ?? "", b.disease ?? "") ||
    (a.onsetMs ?? 0) - (b.onsetMs ?? 0)
  );
}

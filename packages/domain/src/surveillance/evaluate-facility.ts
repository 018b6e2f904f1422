import { aboveUsualAlerts } from "./above-usual.ts";
import type { Alert, EpisodeTrigger, FacilityAlert } from "./alerts.ts";
import { compareAlerts } from "./alerts.ts";
import { buildCaseRegistry, type CaseRegistry, casesOfSameInfection, type FacilityCase } from "./cases.ts";
import { facilityGroupOfDisease } from "./diseases.ts";
import type {
  AntibioticCourseInput,
  BathUseInput,
  EpisodeInput,
  FacilityInput,
  FacilitySubject,
  ObservationInput,
  PersonInput,
  RecordedCaseInput,
} from "./inputs.ts";
import {
  CLUSTER_ONSET_SUBJECT,
  holdHistory,
  type KeptOnsetHistory,
  onsetsWithHistory,
} from "./kept-history.ts";
import {
  createLocalDayResolver,
  DEFAULT_TIME_ZONE,
  dayNumberOf,
  isoDayOf,
  parseInstant,
} from "./local-day.ts";
import { findTimeClusters } from "./noro-cluster.ts";
import { notifyDeadlineAlerts } from "./notify-deadline.ts";
import { findNewOnsets } from "./onsets.ts";
import { outbreakEndDays } from "./outbreak-end.ts";
import { isUser } from "./people.ts";
import { compareText, indexObservations } from "./person-days.ts";
import { personHints } from "./person-hints.ts";
import { criteriaFor, quietDaysFor, type RuleProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import { evaluateCriterionA, evaluateCriterionB, type Population } from "./report-criteria.ts";
import { RULE_SOURCES } from "./rule-sources.ts";
import { compileCondition } from "./symptom-mask.ts";
import type { SyndromeGroup } from "./syndrome-groups.ts";

/** Days the output covers when no lookback is given (contracts/evaluate.md: `--lookback` default 7). */
export const DEFAULT_LOOKBACK_DAYS = 7;

export type EvaluateFacilityInput = {
  facility: FacilityInput;
  people: readonly PersonInput[];
  observations: readonly ObservationInput[];
  cases?: readonly RecordedCaseInput[];
  antibiotics?: readonly AntibioticCourseInput[];
  bathUse?: readonly BathUseInput[];
  /** Episodes declared by people or whose end the committee confirmed. */
  episodes?: readonly EpisodeInput[];
  /** The rule profile (validated); default `mhlw-2005`. */
  profile?: RuleProfile;
  /** The instant of evaluation; later observations are ignored. */
  asOf: string | Date;
  /** How many days, ending with the as-of day, the alerts cover (default 7). */
  lookbackDays?: number;
  /**
   * Kept new onsets standing for the observations of past days (kept-history.ts): the answers are those of the
   * observations of every day, read from counts kept as the rounds arrived. Needs a profile whose symptom-free days
   * close no implicit case.
   */
  history?: KeptOnsetHistory;
  /** Whether to run the person hints (default true); false gives the facility alerts alone. */
  personHints?: boolean;
};

export type EvaluateFacilityResult = {
  asOf: string;
  profile: string;
  /** The covered local days, oldest first. */
  days: string[];
  /** Sorted by day, code, subject. */
  alerts: Alert[];
};

/**
 * Runs the facility rules: person hints, the norovirus-type cluster, reporting criteria A and B, above the usual trend
 * and the end of an outbreak, for each day of the lookback ending with the as-of day.
 *
 * Source: facility-surveillance.md §2–§5 and §10, contracts/evaluate.md, manual p.33–35, p.48, p.54, p.56, p.69. Pure:
 * the clock is never read; everything time-dependent comes from `asOf`. Every alert names the profile that fired it and
 * carries its evidence (who, when, counts against thresholds, the rule's source pages).
 *
 * @throws RangeError when `asOf`, an observation time or a date is not valid, naming the input
 * @example
 * evaluateFacility({ facility: { id: "f1" }, people, observations, asOf: "2026-01-11T09:00:00+09:00" })
 * // { asOf: "2026-01-11T09:00:00+09:00", profile: "mhlw-2005", days: ["2026-01-05", …, "2026-01-11"], alerts: […] }
 */
export function evaluateFacility(input: EvaluateFacilityInput): EvaluateFacilityResult {
  const profile = input.profile ?? DEFAULT_PROFILE;
  const lookbackDays = input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  if (!Number.isInteger(lookbackDays) || lookbackDays < 1) {
    throw new RangeError("lookbackDays: expected a whole number of at least 1");
  }
  const resolver = createLocalDayResolver(input.facility.timeZone ?? DEFAULT_TIME_ZONE);
  const asOfMs = typeof input.asOf === "string" ? parseInstant(input.asOf) : input.asOf.getTime();
  if (Number.isNaN(asOfMs)) throw new RangeError("asOf: not an ISO instant with offset");
  const asOfDay = resolver.dayOf(asOfMs);
  const firstLookbackDay = asOfDay - lookbackDays + 1;
  const inLookback = (day: number) => day >= firstLookbackDay && day <= asOfDay;

  const index = indexObservations({
    people: input.people,
    observations: input.observations,
    resolver,
    asOfMs,
  });
  const history = input.history ? holdHistory(input.history) : undefined;
  const firstObservedDay = history ? history.firstObservedDay : index.firstDay;
  const alerts: Alert[] = [];

  // Person hints, only for the covered days.
  const antibioticsByPerson = groupBy(input.antibiotics ?? [], (course, i) => ({
    startDay: dateField(course.start, `antibiotics[${i}].start`),
    endDay: course.end ? dateField(course.end, `antibiotics[${i}].end`) : Number.POSITIVE_INFINITY,
    drug: course.drug ?? null,
  }));
  // Evidence lists courses in time order, whatever order they came in.
  for (const courses of antibioticsByPerson.values()) {
    courses.sort(
      (a, b) => a.startDay - b.startDay || a.endDay - b.endDay || compareText(a.drug ?? "", b.drug ?? ""),
    );
  }
  const bathByPerson = groupBy(input.bathUse ?? [], (use, i) => dateField(use.date, `bathUse[${i}].date`));
  for (const days of bathByPerson.values()) days.sort((a, b) => a - b);
  for (const timeline of input.personHints === false ? [] : index.timelines) {
    const context = {
      profile,
      resolver,
      antibiotics: antibioticsByPerson.get(timeline.personId) ?? [],
      bathDays: bathByPerson.get(timeline.personId) ?? [],
    };
    for (let day = firstLookbackDay; day <= asOfDay; day++) {
      for (const alert of personHints(timeline, day, context)) alerts.push(alert);
    }
  }

  // Cases of every group the facility rules and the trend detection need.
  const neededGroups = [...new Set<SyndromeGroup>([...profile.facilityGroups, ...profile.aboveUsual.groups])];
  const registry = buildCaseRegistry(
    index,
    input.cases ?? [],
    neededGroups,
    asOfDay,
    {
      gapDays: profile.onsets.gapDays,
      implicitResolvedAfterSymptomFreeDays: profile.cases.implicitResolvedAfterSymptomFreeDays,
      recordedReplacesImplicitWithinDays: profile.cases.recordedReplacesImplicitWithinDays,
    },
    history,
  );

  const episodes = (input.episodes ?? []).map((episode, i) => ({
    key: "group" in episode.subject ? episode.subject.group : episode.subject.disease,
    openedDay: episode.openedDate ? dateField(episode.openedDate, `episodes[${i}].openedDate`) : undefined,
    closedDay: episode.closedDate ? dateField(episode.closedDate, `episodes[${i}].closedDate`) : undefined,
  }));
  const historyStart = Math.min(
    firstLookbackDay,
    firstObservedDay ?? asOfDay,
    ...registry.recorded.map((held) => held.onsetDay),
    ...episodes.flatMap((episode) => [episode.openedDay ?? asOfDay, episode.closedDay ?? asOfDay]),
  );

  // The norovirus-type cluster (manual p.54).
  const triggersBySubject = new Map<string, Map<number, EpisodeTrigger[]>>();
  const addTrigger = (key: string, day: number, trigger: EpisodeTrigger) => {
    let byDay = triggersBySubject.get(key);
    if (!byDay) {
      byDay = new Map();
      triggersBySubject.set(key, byDay);
    }
    const list = byDay.get(day);
    if (list) list.push(trigger);
    else byDay.set(day, [trigger]);
  };
  const cluster = profile.noroCluster;
  const noroOnsets = history
    ? [
        ...onsetsWithHistory(
          index,
          compileCondition([cluster.symptoms]),
          profile.onsets.gapDays,
          history,
          CLUSTER_ONSET_SUBJECT,
        ).values(),
      ]
        .flat()
        .sort((a, b) => a.atMs - b.atMs || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
    : findNewOnsets(index, [cluster.symptoms], profile.onsets.gapDays);
  for (const found of findTimeClusters(noroOnsets, cluster.windowHours * 3_600_000, cluster.minPersons)) {
    addTrigger("GI", found.day, "NORO_CLUSTER_24H");
    if (!inLookback(found.day)) continue;
    alerts.push({
      code: "NORO_CLUSTER_24H",
      subject: { group: "GI" },
      day: isoDayOf(found.day),
      profile: profile.id,
      evidence: {
        source: RULE_SOURCES.NORO_CLUSTER_24H,
        personIds: found.personIds,
        onsets: found.onsets.map((onset) => ({ personId: onset.personId, at: resolver.format(onset.atMs) })),
        count: found.personIds.length,
        threshold: cluster.minPersons,
        windowHours: cluster.windowHours,
        symptoms: [...cluster.symptoms],
      },
    });
  }

  // Reporting criteria A and B, per group and per disease in no group, over the whole history (episodes need it).
  const population = populationOf(input.people);
  const subjects = facilitySubjects(profile, registry);
  for (const subject of subjects) {
    const key = "group" in subject ? subject.group : subject.disease;
    const cases = casesOfSameInfection(registry, subject);
    const withOutcomes = cases.filter((held) => held.outcomes.length > 0);
    const criteria = criteriaFor(profile, key);
    const quietDays = quietDaysFor(profile, key);
    for (let day = historyStart; day <= asOfDay; day++) {
      if (withOutcomes.length > 0) {
        const a = evaluateCriterionA(withOutcomes, day, criteria.A);
        if (a.holds) {
          addTrigger(key, day, "REPORT_CRITERION_A");
          if (inLookback(day)) alerts.push(criterionAAlert(subject, day, a, profile));
        }
      }
      const b = evaluateCriterionB(cases, day, criteria.B, population, quietDays);
      if (b.holds) {
        addTrigger(key, day, "REPORT_CRITERION_B");
        if (inLookback(day)) alerts.push(criterionBAlert(subject, day, b, criteria.B, profile));
      }
    }
  }

  // End of an outbreak (manual p.56).
  for (const episode of episodes) {
    if (episode.openedDay !== undefined) addTrigger(episode.key, episode.openedDay, "DECLARED");
  }
  for (const subject of subjects) {
    const key = "group" in subject ? subject.group : subject.disease;
    const onsetDays = [...new Set(casesOfSameInfection(registry, subject).map((held) => held.onsetDay))].sort(
      (a, b) => a - b,
    );
    const closures = episodes.filter((episode) => episode.key === key && episode.closedDay !== undefined);
    const requiredDays = quietDaysFor(profile, key);
    const states = outbreakEndDays(
      triggersBySubject.get(key) ?? new Map(),
      closures.map((episode) => episode.closedDay!),
      onsetDays,
      requiredDays,
      historyStart,
      asOfDay,
    );
    for (const [day, state] of states) {
      if (!inLookback(day)) continue;
      alerts.push({
        code: "OUTBREAK_END_ELIGIBLE",
        subject,
        day: isoDayOf(day),
        profile: profile.id,
        evidence: {
          source: RULE_SOURCES.OUTBREAK_END_ELIGIBLE,
          openedOn: isoDayOf(state.openedOn),
          openedBy: state.openedBy,
          lastOnset: isoDayOf(state.lastOnset),
          daysWithoutNewOnset: state.daysWithoutNewOnset,
          requiredDays,
        },
      });
    }
  }

  // Above the usual trend (§4.4).
  for (const alert of aboveUsualAlerts({
    registry,
    profile,
    firstDay: firstObservedDay,
    firstLookbackDay,
    asOfDay,
  })) {
    alerts.push(alert);
  }

  // Notifiable diagnoses not yet notified (manual p.48, 付録2 表A2).
  for (const alert of notifyDeadlineAlerts(input.cases ?? [], firstLookbackDay, asOfDay, profile.id)) {
    alerts.push(alert);
  }

  alerts.sort(compareAlerts);
  const days: string[] = [];
  for (let day = firstLookbackDay; day <= asOfDay; day++) days.push(isoDayOf(day));
  return {
    asOf: typeof input.asOf === "string" ? input.asOf : resolver.format(asOfMs),
    profile: profile.id,
    days,
    alerts,
  };
}

function dateField(text: string, field: string): number {
  try {
    return dayNumberOf(text);
  } catch {
    throw new RangeError(`${field}: not an ISO date (YYYY-MM-DD)`);
  }
}

function groupBy<T extends { personId: string }, V>(items: readonly T[], map: (item: T, i: number) => V) {
  const grouped = new Map<string, V[]>();
  items.forEach((item, i) => {
    const value = map(item, i);
    const list = grouped.get(item.personId);
    if (list) list.push(value);
    else grouped.set(item.personId, [value]);
  });
  return grouped;
}

function populationOf(people: readonly PersonInput[]): Population {
  const kinds = new Map(people.map((person) => [person.id, person.kind]));
  let usersTotal = 0;
  for (const kind of kinds.values()) if (isUser(kind)) usersTotal += 1;
  return {
    usersTotal,
    isUser: (id) => {
      const kind = kinds.get(id);
      return kind !== undefined && isUser(kind);
    },
    isStaff: (id) => kinds.get(id) === "staff",
  };
}

/** Facility groups of the profile, then recorded diseases that belong to none of them, in name order. */
function facilitySubjects(profile: RuleProfile, registry: CaseRegistry): FacilitySubject[] {
  const subjects: FacilitySubject[] = profile.facilityGroups.map((group) => ({ group }));
  const diseases = new Set<string>();
  for (const held of registry.recorded) {
    if (held.disease && !facilityGroupOfDisease(held.disease, profile.facilityGroups))
      diseases.add(held.disease);
  }
  for (const disease of [...diseases].sort(compareText)) subjects.push({ disease });
  return subjects;
}

function criterionAAlert(
  subject: FacilitySubject,
  day: number,
  result: ReturnType<typeof evaluateCriterionA>,
  profile: RuleProfile,
): FacilityAlert {
  return {
    code: "REPORT_CRITERION_A",
    subject,
    day: isoDayOf(day),
    profile: profile.id,
    evidence: {
      source: RULE_SOURCES.REPORT_CRITERION_A,
      personIds: result.personIds,
      conditions: result.conditions.map((condition) => ({
        outcomes: condition.outcomes,
        windowDays: condition.windowDays,
        window: { from: isoDayOf(condition.fromDay), to: isoDayOf(day) },
        count: condition.count,
        threshold: condition.threshold,
        personIds: condition.personIds,
        met: condition.met,
      })),
      outcomes: result.outcomes.map((outcome) => ({
        personId: outcome.personId,
        kind: outcome.kind,
        date: isoDayOf(outcome.day),
        disease: outcome.disease,
      })),
    },
  };
}

function criterionBAlert(
  subject: FacilitySubject,
  day: number,
  result: ReturnType<typeof evaluateCriterionB>,
  rule: RuleProfile["criteria"]["default"]["B"],
  profile: RuleProfile,
): FacilityAlert {
  return {
    code: "REPORT_CRITERION_B",
    subject,
    day: isoDayOf(day),
    profile: profile.id,
    evidence: {
      source: RULE_SOURCES.REPORT_CRITERION_B,
      personIds: result.personIds,
      counting: rule.counting,
      window: { from: isoDayOf(result.fromDay), to: isoDayOf(day) },
      windowDays: rule.counting === "window" ? rule.windowDays : day - result.fromDay + 1,
      outbreak: result.outbreak
        ? {
            firstOnset: isoDayOf(result.outbreak.firstOnsetDay),
            lastOnset: isoDayOf(result.outbreak.lastOnsetDay),
            quietDays: result.outbreak.quietDays,
          }
        : null,
      count: result.count,
      threshold: result.threshold,
      users: result.users,
      met: result.met,
      resolvedCasesDropOut: rule.counting === "window" && rule.resolvedCasesDropOut,
      cases: result.cases.map((held: FacilityCase) => ({
        personId: held.personId,
        source: held.source,
        disease: held.disease ?? null,
        onsetDate: isoDayOf(held.onsetDay),
        resolvedDate: held.resolvedDay === null ? null : isoDayOf(held.resolvedDay),
      })),
    },
  };
}

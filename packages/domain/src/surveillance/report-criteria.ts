import { type FacilityCase, isOngoing } from "./cases.ts";
import type { OutcomeKind } from "./inputs.ts";
import { compareText } from "./person-days.ts";
import type { CriterionARule, CriterionBRule } from "./profile-schema.ts";

/**
 * Reporting criteria A and B of the national notice (社会福祉施設等における感染症等発生時に係る報告について, 2005, item 4;
 * manual p.48 and 付録1① p.69), evaluated for one day and one "same infection" (facility-surveillance.md §4.1):
 * - A (ア): distinct persons with a death, serious case or hospitalisation dated in [d − 6, d] ≥ 2.
 * - B (イ): persons with a case whose onset lies in [d − 6, d] and which is not resolved by d ≥ 10 (staff included), or
 *   users among them ≥ half of all users (**decision** of the specification: ill at one time, not cumulative).
 * The windows, thresholds, fraction and whether resolved cases drop out come from the rule profile.
 */
export type CriterionAResult = {
  holds: boolean;
  personIds: string[];
  conditions: {
    outcomes: OutcomeKind[];
    windowDays: number;
    fromDay: number;
    count: number;
    threshold: number;
    personIds: string[];
    met: boolean;
  }[];
  outcomes: { personId: string; kind: OutcomeKind; day: number; disease: string | null }[];
};

/**
 * Criterion A on day `day`.
 *
 * @param cases the cases of one infection (only recorded cases carry outcomes)
 * @example evaluateCriterionA(cases, day, { anyOf: [{ outcomes: ["death", "severe", "hospitalised"], minPersons: 2, windowDays: 7 }] })
 */
export function evaluateCriterionA(
  cases: readonly FacilityCase[],
  day: number,
  rule: CriterionARule,
): CriterionAResult {
  const conditions = rule.anyOf.map((condition) => {
    const fromDay = day - condition.windowDays + 1;
    const persons = new Set<string>();
    for (const held of cases) {
      for (const outcome of held.outcomes) {
        if (outcome.day >= fromDay && outcome.day <= day && condition.outcomes.includes(outcome.kind)) {
          persons.add(held.personId);
        }
      }
    }
    const personIds = [...persons].sort(compareText);
    return {
      outcomes: [...condition.outcomes],
      windowDays: condition.windowDays,
      fromDay,
      count: personIds.length,
      threshold: condition.minPersons,
      personIds,
      met: personIds.length >= condition.minPersons,
    };
  });
  const holds = conditions.some((condition) => condition.met);
  const metPersons = new Set(conditions.filter((c) => c.met).flatMap((c) => c.personIds));
  const widest = Math.max(...conditions.map((c) => c.windowDays));
  const outcomes = holds
    ? cases
        .flatMap((held) =>
          held.outcomes
            .filter(
              (outcome) => outcome.day > day - widest && outcome.day <= day && metPersons.has(held.personId),
            )
            .map((outcome) => ({
              personId: held.personId,
              kind: outcome.kind,
              day: outcome.day,
              disease: held.disease ?? null,
            })),
        )
        .sort((a, b) => a.day - b.day || compareText(a.personId, b.personId) || compareText(a.kind, b.kind))
    : [];
  return { holds, personIds: [...metPersons].sort(compareText), conditions, outcomes };
}

/** Who counts as a user and as staff, and how many users the facility has. */
export type Population = {
  usersTotal: number;
  isUser(personId: string): boolean;
  isStaff(personId: string): boolean;
};

export type CriterionBResult = {
  holds: boolean;
  fromDay: number;
  /** Persons counted against `threshold`. */
  personIds: string[];
  count: number;
  threshold: number | null;
  users: { count: number; total: number; fraction: number; threshold: number } | null;
  met: ("persons" | "users")[];
  /** The cases that count on the day. */
  cases: FacilityCase[];
};

/**
 * The smallest number of users that is at least `fraction` of `total` (at least 1): `ceil(fraction × total)`, with
 * a guard so that 0.2 × 35 = 7.000000000000001 still needs 7.
 *
 * @example usersThreshold(0.5, 40) // 20
 * @example usersThreshold(0.2, 35) // 7
 */
export function usersThreshold(fraction: number, total: number): number {
  return Math.max(1, Math.ceil(fraction * total - 1e-9));
}

/**
 * Criterion B on day `day`.
 *
 * @param cases the cases of one infection, ordered by onset day
 * @example evaluateCriterionB(cases, day, profile.criteria.default.B, population).holds
 */
export function evaluateCriterionB(
  cases: readonly FacilityCase[],
  day: number,
  rule: CriterionBRule,
  population: Population,
): CriterionBResult {
  const fromDay = day - rule.windowDays + 1;
  const counted: FacilityCase[] = [];
  for (let i = firstOnsetAtOrAfter(cases, fromDay); i < cases.length; i++) {
    const held = cases[i]!;
    if (held.onsetDay > day) break;
    if (rule.resolvedCasesDropOut && !isOngoing(held, day)) continue;
    counted.push(held);
  }
  const ill = new Set(counted.map((held) => held.personId));
  const personIds = [...ill]
    .filter((id) => rule.staffCountTowardsPersons || !population.isStaff(id))
    .sort(compareText);
  const met: ("persons" | "users")[] = [];
  if (rule.minPersons !== null && personIds.length >= rule.minPersons) met.push("persons");
  let users: CriterionBResult["users"] = null;
  if (rule.usersFraction !== null && population.usersTotal > 0) {
    const count = [...ill].filter((id) => population.isUser(id)).length;
    const threshold = usersThreshold(rule.usersFraction, population.usersTotal);
    users = { count, total: population.usersTotal, fraction: rule.usersFraction, threshold };
    if (count >= threshold) met.push("users");
  }
  return {
    holds: met.length > 0,
    fromDay,
    personIds,
    count: personIds.length,
    threshold: rule.minPersons,
    users,
    met,
    cases: counted,
  };
}

function firstOnsetAtOrAfter(cases: readonly FacilityCase[], day: number): number {
  let low = 0;
  let high = cases.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cases[middle]!.onsetDay < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

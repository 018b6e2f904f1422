import { type FacilityCase, isOngoing } from "./cases.ts";
import type { OutcomeKind } from "./inputs.ts";
import { compareText } from "./person-days.ts";
import type { CriterionARule, CriterionBRule } from "./profile-schema.ts";

/**
 * Reporting criteria A and B of the national notice (社会福祉施設等における感染症等発生時に係る報告について, 2005, item 4;
 * manual p.48 and 付録1① p.69), evaluated for one day and one "same infection" (facility-surveillance.md §4.1):
 * - A (ア): distinct persons with a death, serious case or hospitalisation dated in [d − 6, d] ≥ 2.
 * - B (イ): persons with a case in the group's current outbreak on d ≥ 10 (staff included), or users among them ≥ half
 *   of all users. 付録1① gives ア a week (「1 週間に 2 名以上」) and イ none (「10 名以上又は全利用者の半数以上発生した
 *   場合」): what counts is how many have fallen ill in this outbreak, resolved or not (`counting: "outbreak"`, see
 *   `currentOutbreakSpan`). Profile `rolling-7d` keeps the earlier reading: onset in [d − 6, d] and not resolved by d
 *   (`counting: "window"`).
 * The counting, windows, thresholds, fraction and whether resolved cases drop out come from the rule profile.
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
  /** How persons were counted: the current outbreak, or a window of days. */
  counting: CriterionBRule["counting"];
  /** First day counted: the first onset of the current outbreak, or the window's first day (d + 1 when no outbreak). */
  fromDay: number;
  /** With `counting: "outbreak"`: the current outbreak's first and last onset days and the quiet period; else null. */
  outbreak: OutbreakSpan | null;
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

/** The current outbreak of one infection on a day: its first and last onset days, and the quiet period that bounds it. */
export type OutbreakSpan = { firstOnsetDay: number; lastOnsetDay: number; quietDays: number };

/**
 * The current outbreak of one infection on day `day` (facility-surveillance.md §4.1 and §4.3, contracts/evaluate.md):
 * with L the latest onset day on or before `day` and Q the quiet period, none when day ≥ L + Q (manual p.56: 「新しい
 * 患者が1週間出なければ、終息とみなしてもかまいません」 for GI, Q = 7); otherwise the onsets going back from L while no gap
 * between consecutive onset days reaches Q.
 *
 * @param cases the cases of one infection, ordered by onset day
 * @param quietDays Q, the group's quiet period in days (`quietDaysFor`)
 * @returns the span, or null when no outbreak is going on
 * @example currentOutbreakSpan(casesWithOnsets([1, 5, 11]), 12, 7) // { firstOnsetDay: 1, lastOnsetDay: 11, quietDays: 7 }
 * @example currentOutbreakSpan(casesWithOnsets([1, 8]), 9, 7) // { firstOnsetDay: 8, lastOnsetDay: 8, quietDays: 7 }
 * @example currentOutbreakSpan(casesWithOnsets([1]), 8, 7) // null
 */
export function currentOutbreakSpan(
  cases: readonly Pick<FacilityCase, "onsetDay">[],
  day: number,
  quietDays: number,
): OutbreakSpan | null {
  let last = firstOnsetAtOrAfter(cases, day + 1) - 1;
  if (last < 0) return null;
  const lastOnsetDay = cases[last]!.onsetDay;
  if (day - lastOnsetDay >= quietDays) return null;
  let firstOnsetDay = lastOnsetDay;
  while (last > 0 && firstOnsetDay - cases[last - 1]!.onsetDay < quietDays) {
    last -= 1;
    firstOnsetDay = cases[last]!.onsetDay;
  }
  return { firstOnsetDay, lastOnsetDay, quietDays };
}

/**
 * Criterion B on day `day`.
 *
 * @param cases the cases of one infection, ordered by onset day
 * @param quietDays the infection's quiet period, which bounds the current outbreak (`counting: "outbreak"`); default 7,
 *   the manual's week for norovirus (p.56)
 * @example evaluateCriterionB(cases, day, profile.criteria.default.B, population, quietDaysFor(profile, "GI")).holds
 */
export function evaluateCriterionB(
  cases: readonly FacilityCase[],
  day: number,
  rule: CriterionBRule,
  population: Population,
  quietDays = 7,
): CriterionBResult {
  let fromDay: number;
  let outbreak: OutbreakSpan | null = null;
  let dropResolved = false;
  if (rule.counting === "outbreak") {
    outbreak = currentOutbreakSpan(cases, day, quietDays);
    fromDay = outbreak ? outbreak.firstOnsetDay : day + 1;
  } else {
    fromDay = day - rule.windowDays + 1;
    dropResolved = rule.resolvedCasesDropOut;
  }
  const counted: FacilityCase[] = [];
  for (let i = firstOnsetAtOrAfter(cases, fromDay); i < cases.length; i++) {
    const held = cases[i]!;
    if (held.onsetDay > day) break;
    if (dropResolved && !isOngoing(held, day)) continue;
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
    counting: rule.counting,
    fromDay,
    outbreak,
    personIds,
    count: personIds.length,
    threshold: rule.minPersons,
    users,
    met,
    cases: counted,
  };
}

function firstOnsetAtOrAfter(cases: readonly Pick<FacilityCase, "onsetDay">[], day: number): number {
  let low = 0;
  let high = cases.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cases[middle]!.onsetDay < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

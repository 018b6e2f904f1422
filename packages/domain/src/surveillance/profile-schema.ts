import { z } from "zod";
import { groupsOfDisease } from "./diseases.ts";
import { OUTCOME_KINDS } from "./inputs.ts";
import { firstIssueMessage } from "./issue-message.ts";
import national from "./profiles/mhlw-2005.json" with { type: "json" };
import { SYMPTOM_CODES } from "./symptoms.ts";
import { FACILITY_RULE_GROUPS, isSyndromeGroup, SYNDROME_GROUPS } from "./syndrome-groups.ts";

/**
 * Rule profiles: the reporting criteria and every setting the specification marks as a decision, as data.
 *
 * Source: facility-surveillance.md §4.1 ("Jurisdictions differ, so criteria are data: a profile sets, per disease group,
 * the window, the thresholds, whether resolved cases drop out, and the fraction of users"), the national notice of 2005
 * (manual p.48 and 付録1① item 4, p.69). Sections other than `criteria` may be left out of a profile file; they then take
 * the national defaults below, which are those of `mhlw-2005`.
 */

const intBetween = (min: number, max: number) => {
  const message = `expected a whole number between ${min} and ${max}`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
};

const numberBetween = (min: number, max: number, options: { exclusiveMin?: boolean } = {}) => {
  const message = `expected a number ${options.exclusiveMin ? "above" : "from"} ${min} ${options.exclusiveMin ? "up to" : "to"} ${max}`;
  const base = z.number({ error: message });
  return (options.exclusiveMin ? base.gt(min, { error: message }) : base.min(min, { error: message })).max(
    max,
    {
      error: message,
    },
  );
};

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => `expected one of ${values.join(", ")} (got ${JSON.stringify(issue.input)})`,
  });

const bilingual = z.strictObject({
  ja: z.string({ error: "expected Japanese text" }).min(1, { error: "expected Japanese text" }),
  en: z.string({ error: "expected English text" }).min(1, { error: "expected English text" }),
});

const outcomeKind = enumOf(OUTCOME_KINDS);
const syndromeGroup = enumOf(SYNDROME_GROUPS);

/** Criterion A (ア): deaths or serious cases — one condition: ≥ minPersons distinct persons with such an outcome in the window. */
const criterionACondition = z.strictObject({
  outcomes: z.array(outcomeKind).min(1, { error: "expected at least one outcome kind" }),
  minPersons: intBetween(1, 1000),
  windowDays: intBetween(1, 366),
});

const criterionA = z.strictObject({
  anyOf: z.array(criterionACondition).min(1, { error: "expected at least one condition" }),
});

/**
 * Criterion B (イ): patients or suspected of the same infection — ≥ minPersons, or ≥ usersFraction of all users.
 *
 * How persons are counted on day d (`counting`):
 * - `outbreak` (national reading, 付録1① イ 「10 名以上又は全利用者の半数以上発生した場合」 — no window, unlike ア's
 *   「1 週間に」): the persons with a case in the group's current outbreak, resolved or not. The current outbreak on d:
 *   with L the latest onset day on or before d and Q the group's quiet period (`outbreakEnd`), none when d ≥ L + Q;
 *   otherwise the onsets going back from L while no gap between consecutive onset days reaches Q.
 * - `window`: the persons with a case whose onset lies in [d − windowDays + 1, d], without those resolved by d when
 *   `resolvedCasesDropOut` (people ill at one time; profile `rolling-7d`).
 */
const criterionBCommon = {
  minPersons: intBetween(1, 100_000).nullable(),
  usersFraction: numberBetween(0, 1, { exclusiveMin: true }).nullable(),
  staffCountTowardsPersons: z.boolean({ error: "expected true or false" }),
};
const criterionB = z
  .discriminatedUnion(
    "counting",
    [
      z.strictObject({ counting: z.literal("outbreak"), ...criterionBCommon }),
      z.strictObject({
        counting: z.literal("window"),
        windowDays: intBetween(1, 366),
        resolvedCasesDropOut: z.boolean({ error: "expected true or false" }),
        ...criterionBCommon,
      }),
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union"
          ? `expected one of outbreak, window (got ${JSON.stringify((issue.input as { counting?: unknown } | undefined)?.counting ?? null)})`
          : undefined,
    },
  )
  .refine((rule) => rule.minPersons !== null || rule.usersFraction !== null, {
    error: "minPersons and usersFraction cannot both be null",
    path: ["minPersons"],
  });

const criteriaSet = z.strictObject({ A: criterionA, B: criterionB });
const criteriaOverride = z.strictObject({ A: criterionA.optional(), B: criterionB.optional() });

export const DEFAULT_ONSET_SETTINGS = { gapDays: 3 };
export const DEFAULT_CASE_PROFILE_SETTINGS = {
  implicitResolvedAfterSymptomFreeDays: null as number | null,
  recordedReplacesImplicitWithinDays: 7,
};
export const DEFAULT_NORO_CLUSTER_SETTINGS = {
  symptoms: ["vomiting", "watery_stool"] as (typeof SYMPTOM_CODES)[number][],
  windowHours: 24,
  minPersons: 2,
};
/** The national quiet periods and their sources (GI 7 days from p.56; ILI and SKIN twice an incubation), from mhlw-2005. */
export const DEFAULT_OUTBREAK_END_SETTINGS = {
  quietDays: national.outbreakEnd.quietDays,
  quietDaysByGroup: { ...national.outbreakEnd.quietDaysByGroup } as Partial<
    Record<(typeof SYNDROME_GROUPS)[number], number>
  >,
  quietDaysSources: { ...national.outbreakEnd.quietDaysSources } as Partial<
    Record<(typeof SYNDROME_GROUPS)[number], string>
  >,
};
export const DEFAULT_ABOVE_USUAL_SETTINGS = {
  groups: [...SYNDROME_GROUPS] as (typeof SYNDROME_GROUPS)[number][],
  method: "C2" as "C1" | "C2" | "C3",
  alpha: 0.001,
  minSigma: 0.5,
  minHistoryDays: 28,
  minOnsets: 2,
};
export const DEFAULT_HINT_SETTINGS = {
  antibioticLookbackDays: 30,
  norovirusMonths: [11, 12, 1, 2, 3],
  tbCoughRecordedDays: 14,
  legionellaBathWithinDays: 10,
  ehecWateryStoolObservations: 2,
};

export const ruleProfileSchema = z
  .strictObject({
    schemaVersion: z.literal(1, { error: "expected 1" }),
    id: z
      .string({ error: "expected a profile id" })
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: "expected lower-case letters, digits and hyphens" }),
    name: bilingual,
    description: bilingual.optional(),
    /** Where the rules come from (notice, manual pages, municipal rules). */
    source: z.string({ error: "expected text" }).min(1, { error: "expected text" }),
    onsets: z.strictObject({ gapDays: intBetween(1, 30) }).default(DEFAULT_ONSET_SETTINGS),
    cases: z
      .strictObject({
        /** Kept for profile files of earlier versions; every shipped profile has null (implicit cases end only by a
         * recorded resolution, issue of 2026-12: symptom-free days do not close an implicit case). */
        implicitResolvedAfterSymptomFreeDays: intBetween(1, 60).nullable().default(null),
        recordedReplacesImplicitWithinDays: intBetween(0, 60),
      })
      .default(DEFAULT_CASE_PROFILE_SETTINGS),
    facilityGroups: z
      .array(syndromeGroup)
      .min(1, { error: "expected at least one group" })
      .default([...FACILITY_RULE_GROUPS]),
    criteria: z.strictObject({
      default: criteriaSet,
      overrides: z.record(z.string(), criteriaOverride).default({}),
    }),
    noroCluster: z
      .strictObject({
        symptoms: z.array(enumOf(SYMPTOM_CODES)).min(1, { error: "expected at least one symptom" }),
        windowHours: numberBetween(0, 168, { exclusiveMin: true }),
        minPersons: intBetween(2, 1000),
      })
      .default(DEFAULT_NORO_CLUSTER_SETTINGS),
    outbreakEnd: z
      .strictObject({
        quietDays: intBetween(1, 90),
        quietDaysByGroup: z.partialRecord(syndromeGroup, intBetween(1, 90)).default({}),
        /** Where each group's quiet period comes from (manual page, or the incubation it doubles and its source). */
        quietDaysSources: z
          .partialRecord(
            syndromeGroup,
            z.string({ error: "expected text" }).min(1, { error: "expected text" }),
          )
          .default({}),
      })
      .default(DEFAULT_OUTBREAK_END_SETTINGS),
    aboveUsual: z
      .strictObject({
        groups: z.array(syndromeGroup),
        method: enumOf(["C1", "C2", "C3"]),
        alpha: numberBetween(0, 0.5, { exclusiveMin: true }),
        minSigma: numberBetween(0, 100),
        minHistoryDays: intBetween(11, 3660),
        minOnsets: intBetween(1, 1000),
      })
      .default(DEFAULT_ABOVE_USUAL_SETTINGS),
    hints: z
      .strictObject({
        antibioticLookbackDays: intBetween(1, 365),
        norovirusMonths: z.array(intBetween(1, 12)),
        tbCoughRecordedDays: intBetween(2, 90),
        legionellaBathWithinDays: intBetween(0, 60),
        /** Observations of the day showing watery stool that make it "frequent" (頻回) for EHEC_URGENT (p.59). */
        ehecWateryStoolObservations: intBetween(1, 24).default(2),
      })
      .default(DEFAULT_HINT_SETTINGS),
  })
  .superRefine((profile, context) => {
    for (const group of Object.keys(profile.outbreakEnd.quietDaysByGroup)) {
      if (!Object.hasOwn(profile.outbreakEnd.quietDaysSources, group)) {
        context.addIssue({
          code: "custom",
          path: ["outbreakEnd", "quietDaysSources", group],
          message: `expected the source of the quiet period of ${group} (manual page, or the incubation it doubles)`,
        });
      }
    }
    for (const key of Object.keys(profile.criteria.overrides)) {
      const path = ["criteria", "overrides", key];
      if (isSyndromeGroup(key)) {
        if (!profile.facilityGroups.includes(key)) {
          context.addIssue({
            code: "custom",
            path,
            message: `group ${key} is not among facilityGroups (${profile.facilityGroups.join(", ")})`,
          });
        }
        continue;
      }
      const groups = groupsOfDisease(key);
      const ruled = groups.find((group) => profile.facilityGroups.includes(group));
      if (ruled) {
        context.addIssue({
          code: "custom",
          path,
          message: `${key} belongs to group ${ruled}; set the rule on ${ruled}`,
        });
      } else if (!/^[a-z0-9_]+$/.test(key)) {
        context.addIssue({ code: "custom", path, message: "expected a group or a disease id (a-z, 0-9, _)" });
      }
    }
  });

/** A validated rule profile, every section filled in. */
export type RuleProfile = z.output<typeof ruleProfileSchema>;
/** A rule profile as written in a file (sections after `criteria` optional). */
export type RuleProfileInput = z.input<typeof ruleProfileSchema>;
export type CriterionARule = z.output<typeof criterionA>;
export type CriterionBRule = z.output<typeof criterionB>;
export type CriteriaSet = z.output<typeof criteriaSet>;

export type ProfileValidation =
  | { ok: true; profile: RuleProfile }
  | { ok: false; message: string; issues: readonly z.core.$ZodIssue[] };

/**
 * Validates a rule profile (parsed JSON), filling left-out sections with the national defaults.
 *
 * @returns the profile, or the first problem as `path: message`
 * @example validateProfile({ ...mhlw, criteria: { default: { …, B: { …, usersFraction: 2 } } } })
 * // { ok: false, message: "criteria.default.B.usersFraction: expected a number above 0 up to 1", … }
 */
export function validateProfile(value: unknown): ProfileValidation {
  const parsed = ruleProfileSchema.safeParse(value);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, message: firstIssueMessage(parsed.error), issues: parsed.error.issues };
}

/**
 * The criteria that apply to one subject: the profile's override for the group or disease, section by section, else
 * its default.
 *
 * @example criteriaFor(cityStrict, "ILI").A.anyOf.length // 2
 */
export function criteriaFor(profile: RuleProfile, subjectKey: string): CriteriaSet {
  const override = Object.hasOwn(profile.criteria.overrides, subjectKey)
    ? profile.criteria.overrides[subjectKey]
    : undefined;
  return {
    A: override?.A ?? profile.criteria.default.A,
    B: override?.B ?? profile.criteria.default.B,
  };
}

/**
 * A group's quiet period: the days without a new onset after which its outbreak may be declared over (manual p.56: one
 * week for norovirus), and the gap between onsets that splits one outbreak from the next for criterion B.
 *
 * @example quietDaysFor(profile, "GI") // 7
 * @example quietDaysFor(profile, "SKIN") // 60 in mhlw-2005: twice scabies' incubation of about a month
 */
export function quietDaysFor(profile: RuleProfile, subjectKey: string): number {
  const byGroup = profile.outbreakEnd.quietDaysByGroup as Record<string, number | undefined>;
  return (
    (Object.hasOwn(byGroup, subjectKey) ? byGroup[subjectKey] : undefined) ?? profile.outbreakEnd.quietDays
  );
}

/**
 * Where a group's quiet period comes from, as the profile states it (undefined when the profile gives none and the
 * default `quietDays` applies).
 *
 * @example quietDaysSourceFor(profile, "GI") // "manual p.56 …"
 */
export function quietDaysSourceFor(profile: RuleProfile, subjectKey: string): string | undefined {
  const sources = profile.outbreakEnd.quietDaysSources as Record<string, string | undefined>;
  return Object.hasOwn(sources, subjectKey) ? sources[subjectKey] : undefined;
}

import { z } from "zod";
import { groupsOfDisease } from "./diseases.ts";
import { OUTCOME_KINDS } from "./inputs.ts";
import { firstIssueMessage } from "./issue-message.ts";
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

/** Criterion B (イ): patients or suspected of the same infection — ≥ minPersons, or ≥ usersFraction of all users. */
const criterionB = z
  .strictObject({
    windowDays: intBetween(1, 366),
    minPersons: intBetween(1, 100_000).nullable(),
    usersFraction: numberBetween(0, 1, { exclusiveMin: true }).nullable(),
    resolvedCasesDropOut: z.boolean({ error: "expected true or false" }),
    staffCountTowardsPersons: z.boolean({ error: "expected true or false" }),
  })
  .refine((rule) => rule.minPersons !== null || rule.usersFraction !== null, {
    error: "minPersons and usersFraction cannot both be null",
    path: ["minPersons"],
  });

const criteriaSet = z.strictObject({ A: criterionA, B: criterionB });
const criteriaOverride = z.strictObject({ A: criterionA.optional(), B: criterionB.optional() });

export const DEFAULT_ONSET_SETTINGS = { gapDays: 3 };
export const DEFAULT_CASE_PROFILE_SETTINGS = {
  implicitResolvedAfterSymptomFreeDays: 3 as number | null,
  recordedReplacesImplicitWithinDays: 7,
};
export const DEFAULT_NORO_CLUSTER_SETTINGS = {
  symptoms: ["vomiting", "watery_stool"] as (typeof SYMPTOM_CODES)[number][],
  windowHours: 24,
  minPersons: 2,
};
export const DEFAULT_OUTBREAK_END_SETTINGS = {
  quietDays: 7,
  quietDaysByGroup: {} as Partial<Record<(typeof SYNDROME_GROUPS)[number], number>>,
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
        implicitResolvedAfterSymptomFreeDays: intBetween(1, 60).nullable(),
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
      })
      .default(DEFAULT_HINT_SETTINGS),
  })
  .superRefine((profile, context) => {
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
 * Days without a new onset after which a group's outbreak may be declared over (manual p.56: one week for norovirus).
 *
 * @example quietDaysFor(profile, "GI") // 7
 */
export function quietDaysFor(profile: RuleProfile, subjectKey: string): number {
  const byGroup = profile.outbreakEnd.quietDaysByGroup as Record<string, number | undefined>;
  return (
    (Object.hasOwn(byGroup, subjectKey) ? byGroup[subjectKey] : undefined) ?? profile.outbreakEnd.quietDays
  );
}

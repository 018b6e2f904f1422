import {
  CASE_STATUSES,
  type EvaluateFacilityInput,
  FACILITY_TYPES,
  isKnownTimeZone,
  OUTCOME_KINDS,
  PERSON_KINDS,
  STAFF_JOBS,
  SYMPTOM_CODES,
  SYNDROME_GROUPS,
  TEMPERATURE_RANGE_C,
} from "@mamori/domain/surveillance";
import { z } from "zod";

/**
 * The scenario file of `mamori evaluate`, version 1 (contracts/evaluate.md), as one zod schema whose messages name the
 * field: `observations[3].tempC: expected a number between 30 and 45`. Unknown fields are refused so that a misspelt
 * `tempc` cannot silently turn a fever into no reading. `episodes` is an optional addition to the contract: episodes
 * declared by people and ends confirmed by the committee (facility-surveillance.md §4.3); so are a case's
 * `consultationDate` (受診・診断日) and `remarks`, which `mamori forms physician-report` prints (contracts/forms.md), and
 * `notifiedDate` (the day the physician notified the health centre), which ends NOTIFY_DEADLINE.
 */
const text = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });

const between = (min: number, max: number, options: { int?: boolean } = {}) => {
  const message = `expected ${options.int ? "a whole number" : "a number"} between ${min} and ${max}`;
  const base = options.int ? z.int({ error: message }) : z.number({ error: message });
  return base.min(min, { error: message }).max(max, { error: message });
};

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => `expected one of ${values.join(", ")} (got ${JSON.stringify(issue.input)})`,
  });

const isoDate = z.iso.date({ error: "expected a date YYYY-MM-DD" });
const instant = z.iso.datetime({
  offset: true,
  error: "expected an ISO instant with offset, such as 2026-01-10T08:30:00+09:00",
});
const diseaseId = z
  .string({ error: "expected a disease id such as norovirus" })
  .regex(/^[a-z0-9_]+$/, { error: "expected a disease id such as norovirus (a-z, 0-9, _)" });

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: `expected a list of ${what}` });

const facility = z.strictObject(
  {
    id: text("a facility id"),
    type: oneOf(FACILITY_TYPES).optional(),
    timeZone: z
      .string({ error: "expected an IANA time zone such as Asia/Tokyo" })
      .refine(isKnownTimeZone, { error: "expected an IANA time zone such as Asia/Tokyo" })
      .optional(),
    units: list(z.strictObject({ id: text("a unit id"), name: z.string().optional() }), "units").optional(),
  },
  { error: "expected the facility: {id, type, timeZone, units}" },
);

const person = z.strictObject({
  id: text("a person id"),
  kind: oneOf(PERSON_KINDS),
  job: oneOf(STAFF_JOBS).nullish(),
  unit: z.string({ error: "expected a unit id" }).nullish(),
  room: z.string({ error: "expected a room" }).nullish(),
  baselineTempC: between(34, 38).nullish(),
  name: z.string().optional(),
});

const observation = z.strictObject({
  personId: text("a person id"),
  at: instant,
  tempC: between(TEMPERATURE_RANGE_C.min, TEMPERATURE_RANGE_C.max).nullish(),
  pulse: between(20, 250, { int: true }).nullish(),
  respRate: between(4, 80, { int: true }).nullish(),
  symptoms: list(oneOf(SYMPTOM_CODES), "symptom codes").default([]),
  note: z.string({ error: "expected text" }).nullish(),
});

const recordedCase = z
  .strictObject({
    personId: text("a person id"),
    disease: diseaseId,
    status: oneOf(CASE_STATUSES),
    onsetDate: isoDate,
    resolvedDate: isoDate.nullish(),
    outcomes: list(z.strictObject({ kind: oneOf(OUTCOME_KINDS), date: isoDate }), "outcomes").default([]),
    consultationDate: isoDate.nullish(),
    notifiedDate: isoDate.nullish(),
    remarks: z.string({ error: "expected text" }).nullish(),
  })
  .superRefine((value, context) => {
    if (value.notifiedDate && value.notifiedDate < (value.consultationDate ?? value.onsetDate)) {
      context.addIssue({
        code: "custom",
        path: ["notifiedDate"],
        message: value.consultationDate
          ? "expected a date on or after consultationDate"
          : "expected a date on or after onsetDate",
      });
    }
    if (value.resolvedDate && value.resolvedDate < value.onsetDate) {
      context.addIssue({
        code: "custom",
        path: ["resolvedDate"],
        message: "expected a date on or after onsetDate",
      });
    }
  });

const antibiotic = z
  .strictObject({
    personId: text("a person id"),
    start: isoDate,
    end: isoDate.nullish(),
    drug: z.string({ error: "expected text" }).nullish(),
  })
  .superRefine((value, context) => {
    if (value.end && value.end < value.start) {
      context.addIssue({ code: "custom", path: ["end"], message: "expected a date on or after start" });
    }
  });

const episode = z
  .strictObject({
    group: oneOf(SYNDROME_GROUPS).optional(),
    disease: diseaseId.optional(),
    openedDate: isoDate.nullish(),
    closedDate: isoDate.nullish(),
  })
  .superRefine((value, context) => {
    if ((value.group === undefined) === (value.disease === undefined)) {
      context.addIssue({ code: "custom", path: ["group"], message: "expected either group or disease" });
    }
  });

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1, { error: "expected 1" }).optional(),
    facility,
    people: list(person, "people"),
    observations: list(observation, "observations").default([]),
    cases: list(recordedCase, "cases").default([]),
    antibiotics: list(antibiotic, "antibiotic courses").default([]),
    bathUse: list(z.strictObject({ personId: text("a person id"), date: isoDate }), "bath uses").default([]),
    episodes: list(episode, "episodes").default([]),
    asOf: instant.optional(),
    profile: text("a profile id or file").optional(),
  })
  .superRefine((scenario, context) => {
    const seen = new Set<string>();
    scenario.people.forEach((p, i) => {
      if (seen.has(p.id)) {
        context.addIssue({
          code: "custom",
          path: ["people", i, "id"],
          message: `duplicate person id "${p.id}"`,
        });
      }
      seen.add(p.id);
    });
    const units = scenario.facility.units?.map((unit) => unit.id);
    if (units) {
      scenario.people.forEach((p, i) => {
        if (p.unit != null && !units.includes(p.unit)) {
          context.addIssue({
            code: "custom",
            path: ["people", i, "unit"],
            message: `unknown unit "${p.unit}" (facility units: ${units.join(", ")})`,
          });
        }
      });
    }
  });

export type Scenario = z.output<typeof scenarioSchema>;

/** The engine's input from a valid scenario; `asOf` and the profile are supplied by the command. */
export function toFacilityInput(
  scenario: Scenario,
): Omit<EvaluateFacilityInput, "asOf" | "profile" | "lookbackDays"> {
  return {
    facility: scenario.facility,
    people: scenario.people,
    observations: scenario.observations,
    cases: scenario.cases.map((c) => ({ ...c, diagnosedDate: c.consultationDate ?? null })),
    antibiotics: scenario.antibiotics,
    bathUse: scenario.bathUse,
    episodes: scenario.episodes.map((e) => ({
      subject: e.group ? { group: e.group } : { disease: e.disease! },
      openedDate: e.openedDate ?? null,
      closedDate: e.closedDate ?? null,
    })),
  };
}

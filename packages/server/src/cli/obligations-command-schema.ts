import { HUMIDIFIER_ACTIONS, TRAINING_KINDS } from "@mamori/domain/obligations";
import { isKnownTimeZone } from "@mamori/domain/surveillance";
import { z } from "zod";

/**
 * The record file of `mamori obligations`, version 1 (contracts/obligations.md), as one zod schema whose messages name
 * the field: `trainings[2].date: not a date`. Unknown fields are refused, so a misspelt `hiredon` cannot silently drop
 * a new hire from the schedule.
 */
const day = z.iso.date({ error: "not a date" });
const text = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => `expected one of ${values.join(", ")} (got ${JSON.stringify(issue.input)})`,
  });
const whole = (min: number, max: number) => {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
};
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: `expected a list of ${what}` }).default([]);

const humidifier = z
  .strictObject({
    id: text("a humidifier id"),
    type: oneOf(["household", "builtin"]),
    season: z.strictObject({ from: day, to: day.nullable() }, { error: "expected the season: {from, to}" }),
    log: list(z.strictObject({ date: day, action: oneOf(HUMIDIFIER_ACTIONS) }), "log entries"),
  })
  .superRefine((h, context) => {
    if (h.season.to !== null && h.season.to < h.season.from) {
      context.addIssue({
        code: "custom",
        path: ["season", "to"],
        message: "expected a date on or after from",
      });
    }
  });

export const obligationRecordSchema = z
  .strictObject({
    version: z.literal(1, { error: "expected 1" }).optional(),
    facility: z.strictObject(
      {
        id: text("a facility id"),
        timeZone: z
          .string({ error: "expected an IANA time zone such as Asia/Tokyo" })
          .refine(isKnownTimeZone, { error: "expected an IANA time zone such as Asia/Tokyo" })
          .optional(),
        fiscalYearStartMonth: whole(1, 12).optional(),
      },
      { error: "expected the facility: {id, timeZone, fiscalYearStartMonth}" },
    ),
    settings: z
      .strictObject({
        committeeEveryMonths: whole(1, 24).optional(),
        newHireTrainingDays: whole(1, 365).optional(),
        regularTrainingsPerYear: whole(1, 12).optional(),
      })
      .optional(),
    asOf: day.optional(),
    staff: list(z.strictObject({ id: text("a staff id"), hiredOn: day.nullable() }), "staff"),
    committeeMeetings: list(z.strictObject({ date: day }), "committee meetings"),
    trainings: list(
      z.strictObject({
        date: day,
        kind: oneOf(TRAINING_KINDS),
        attendees: list(text("a staff id"), "staff ids"),
      }),
      "trainings",
    ),
    humidifiers: list(humidifier, "humidifiers"),
  })
  .superRefine((record, context) => {
    const ids = new Set<string>();
    record.staff.forEach((person, i) => {
      if (ids.has(person.id)) {
        context.addIssue({ code: "custom", path: ["staff", i, "id"], message: `duplicate id ${person.id}` });
      }
      ids.add(person.id);
    });
    record.trainings.forEach((training, i) => {
      training.attendees.forEach((id, j) => {
        if (!ids.has(id)) {
          context.addIssue({
            code: "custom",
            path: ["trainings", i, "attendees", j],
            message: `not in staff: ${id}`,
          });
        }
      });
    });
    const humidifierIds = new Set<string>();
    record.humidifiers.forEach((h, i) => {
      if (humidifierIds.has(h.id)) {
        context.addIssue({ code: "custom", path: ["humidifiers", i, "id"], message: `duplicate id ${h.id}` });
      }
      humidifierIds.add(h.id);
    });
  });

export type ObligationRecord = z.infer<typeof obligationRecordSchema>;

import { saneInstant } from "@mamori/domain/input";
import {
  CASE_STATUSES,
  type EvaluateFacilityResult,
  FACILITY_ALERT_CODES,
  OUTCOME_KINDS,
  PERSON_KINDS,
  SYMPTOM_CODES,
  SYNDROME_GROUPS,
} from "@mamori/domain/surveillance";
import { z } from "zod";
import { caseNotificationSchema } from "../cases/schema.ts";

export const facilityParams = z.object({ facilityId: z.uuid() });

const asOf = saneInstant.optional();

export const lineListQuery = z.object({
  asOf,
  days: z.coerce.number().int().min(1).max(31).default(7),
});

export const epidemicCurveQuery = z.object({
  asOf,
  days: z.coerce.number().int().min(7).max(56).default(28),
});

const subject = z.union([z.object({ group: z.enum(SYNDROME_GROUPS) }), z.object({ disease: z.string() })]);
const named = z.object({ id: z.string(), name: z.string() });

export const lineListResponse = z.object({
  asOf: z.string(),
  profile: z.string(),
  days: z.array(z.string()),
  entries: z.array(
    z.object({
      key: z.string(),
      caseId: z.string().nullable(),
      version: z.number().nullable(),
      source: z.enum(["implicit", "recorded"]),
      person: z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(PERSON_KINDS),
        job: z.string().nullable(),
      }),
      unit: named.extend({ floor: z.string() }).nullable(),
      room: named.nullable(),
      subject,
      disease: z.string().nullable(),
      status: z.enum(CASE_STATUSES),
      onsetDate: z.string(),
      onsetAt: z.string().nullable(),
      lastSymptomDate: z.string().nullable(),
      resolvedDate: z.string().nullable(),
      diagnosedDate: z.string().nullable(),
      notifiedDate: z.string().nullable(),
      notification: caseNotificationSchema.nullable(),
      remarks: z.string().nullable(),
      outcomes: z.array(z.object({ kind: z.enum(OUTCOME_KINDS), date: z.string() })),
      days: z.array(
        z.object({
          date: z.string(),
          recorded: z.boolean(),
          symptoms: z.array(z.enum(SYMPTOM_CODES)),
          lowGradeFever: z.boolean(),
          maxTempC: z.number().nullable(),
          caseSymptoms: z.boolean(),
        }),
      ),
      symptomFreeDays: z.number(),
      closeOffer: z.object({ resolvedDate: z.string(), symptomFreeDays: z.number() }).nullable(),
    }),
  ),
});

export type LineListResult = z.infer<typeof lineListResponse>;
export type LineListEntry = LineListResult["entries"][number];
export type LineListDay = LineListEntry["days"][number];

export const epidemicCurveResponse = z.object({
  asOf: z.string(),
  profile: z.string(),
  days: z.array(z.string()),
  units: z.array(
    z.object({ id: z.string().nullable(), name: z.string().nullable(), floor: z.string().nullable() }),
  ),
  groups: z.array(
    z.object({
      group: z.enum(SYNDROME_GROUPS),
      total: z.array(z.number()),
      byUnit: z.array(z.object({ unitId: z.string().nullable(), counts: z.array(z.number()) })),
      upperBound: z.array(z.number().nullable()).nullable(),
    }),
  ),
  alertDays: z.array(z.object({ day: z.string(), code: z.enum(FACILITY_ALERT_CODES), subject })),
  detection: z.object({
    method: z.enum(["C1", "C2", "C3"]),
    alpha: z.number(),
    minSigma: z.number(),
    minHistoryDays: z.number(),
  }),
});
export type EpidemicCurveResult = z.infer<typeof epidemicCurveResponse>;

export const alertsQuery = z.object({
  asOf: saneInstant.optional(),
  lookback: z.coerce.number().int().min(1).max(31).default(7),
});
/** What the screens may ask of `GET …/alerts`: the instant of evaluation and the days covered (1–31, default 7). */
export type AlertsQuery = { asOf?: string; lookback?: number };
/** `GET /api/facilities/:facilityId/alerts`; each alert is checked here for its frame, its fields are the domain's. */
export const alertsResponse = z.object({
  asOf: z.string(),
  profile: z.string(),
  days: z.array(z.string()),
  alerts: z.array(
    z.object({
      code: z.string(),
      subject: z.record(z.string(), z.string()),
      day: z.string(),
      profile: z.string(),
      evidence: z.record(z.string(), z.unknown()),
    }),
  ),
});
/** The alerts' answer: the domain's evaluation (`Alert`, a union by code, with its evidence) as the server sends it. */
export type AlertsResult = EvaluateFacilityResult;

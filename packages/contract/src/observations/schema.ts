import { saneDay, saneInstant, storableText } from "@mamori/domain/input";
import { SYMPTOM_CODES, TEMPERATURE_RANGE_C } from "@mamori/domain/surveillance";
import { z } from "zod";

const tempC = z
  .number({ error: `expected a number between ${TEMPERATURE_RANGE_C.min} and ${TEMPERATURE_RANGE_C.max}` })
  .min(
    TEMPERATURE_RANGE_C.min,
    `expected a number between ${TEMPERATURE_RANGE_C.min} and ${TEMPERATURE_RANGE_C.max}`,
  )
  .max(
    TEMPERATURE_RANGE_C.max,
    `expected a number between ${TEMPERATURE_RANGE_C.min} and ${TEMPERATURE_RANGE_C.max}`,
  )
  // Stored to 0.1 °C, as thermometers show it: rounding here, half away from zero on the decimal digits as PostgreSQL
  // does, makes what is compared on a resend equal what was stored (36.55 → 36.6 both times).
  .transform((value) => Math.round(Number(`${value}e1`)) / 10);
const symptoms = z.array(z.enum(SYMPTOM_CODES, { error: "unknown symptom code" })).max(SYMPTOM_CODES.length);
const note = storableText(1000);

export const MAX_BATCH = 500;

export const observationInput = z.object({
  id: z.uuid({ error: "expected a UUID made by the client" }),
  personId: z.uuid({ error: "expected a person id" }),
  at: saneInstant,
  tempC: tempC.nullish(),
  symptoms,
  note: note.nullish(),
});
export type ObservationInput = z.infer<typeof observationInput>;

export const recordBody = z.object({ observations: z.array(observationInput).min(1).max(MAX_BATCH) });
export const recordResponse = z.object({ saved: z.number(), duplicates: z.number() });

export const correctionBody = z.object({
  tempC: tempC.nullish(),
  symptoms,
  note: note.nullish(),
  reason: z.string().trim().max(500).nullish(),
});
export type CorrectionInput = z.infer<typeof correctionBody>;

export const observationParams = z.object({ id: z.uuid() });

export const withdrawBody = z.object({
  ids: z
    .array(z.uuid({ error: "expected the id of an entry" }))
    .min(1)
    .max(MAX_BATCH)
    .refine((ids) => new Set(ids).size === ids.length, { message: "each id only once" }),
});
export const withdrawResponse = z.object({ withdrawn: z.number(), notFound: z.number() });

const day = saneDay;
export const listQuery = z
  .object({ personId: z.uuid(), from: day, to: day })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" });

export const observationResponse = z.object({
  id: z.string(),
  personId: z.string(),
  at: z.string(),
  day: z.string(),
  tempC: z.number().nullable(),
  symptoms: z.array(z.string()),
  note: z.string().nullable(),
  temperatureClass: z.enum(["fever", "low_grade_fever", "normal"]).nullable(),
  version: z.number(),
  recordedBy: z.string(),
});

export const historyResponse = z.object({
  revisions: z.array(
    z.object({
      version: z.number(),
      changedAt: z.string(),
      changedBy: z.string(),
      tempC: z.number().nullable(),
      symptoms: z.array(z.string()),
      note: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

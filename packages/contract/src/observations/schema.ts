import { saneDay, saneInstant, storableText } from "@mamori/domain/input";
import { PERSON_KINDS, SYMPTOM_CODES, TEMPERATURE_RANGE_C } from "@mamori/domain/surveillance";
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

/** An entry as the round shows it: `day` in the facility's time zone, the temperature classified, who recorded it. */
export const observationResponse = z.object({
  id: z.string(),
  personId: z.string(),
  at: z.string(),
  day: z.string(),
  tempC: z.number().nullable(),
  symptoms: z.array(z.enum(SYMPTOM_CODES)),
  note: z.string().nullable(),
  temperatureClass: z.enum(["fever", "low_grade_fever", "normal"]).nullable(),
  version: z.number(),
  /** The display name of the account that recorded it. */
  recordedBy: z.string(),
});
export type Observation = z.infer<typeof observationResponse>;
/** One person's entries of some days (`GET /api/observations`). */
export const observationListResponse = z.object({ observations: z.array(observationResponse) });
/** `PUT /api/observations/:id`: the observation as corrected. */
export const correctedObservationResponse = z.object({ observation: observationResponse });
/** One entry of `POST /api/observations` as the device sends it; the id is made on the device. */
export type NewObservation = z.input<typeof observationInput>;
export type ObservationCorrection = z.input<typeof correctionBody>;
export type SaveResult = z.infer<typeof recordResponse>;
export type WithdrawResult = z.infer<typeof withdrawResponse>;

const revision = z.object({
  version: z.number(),
  changedAt: z.string(),
  /** The display name of the account that made this version. */
  changedBy: z.string(),
  tempC: z.number().nullable(),
  /** As the audit log kept them: codes of the vocabulary of that day. */
  symptoms: z.array(z.string()),
  note: z.string().nullable(),
  reason: z.string().nullable(),
});
export const historyResponse = z.object({ revisions: z.array(revision) });
export type Revision = z.infer<typeof revision>;

export const roundQuery = z.object({ unitId: z.uuid(), date: saneDay });
/** One unit's active people with their entries of one day (`GET /api/rounds`). */
export const roundResponse = z.object({
  date: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), floor: z.string() }),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(PERSON_KINDS),
      room: z.string().nullable(),
      baselineTempC: z.number().nullable(),
      observations: z.array(observationResponse),
    }),
  ),
});
export type Round = z.infer<typeof roundResponse>;
export type RoundPerson = Round["people"][number];

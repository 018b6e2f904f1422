import { saneDay } from "@mamori/domain/input";
import { OBLIGATION_CODES } from "@mamori/domain/obligations";
import { z } from "zod";
import { EQUIPMENT_KINDS } from "./equipment.ts";
import { RECORD_TYPE_NAMES } from "./record-types.ts";

const day = z.iso.date({ error: "expected a day as YYYY-MM-DD" });

export const recordTypeParams = z.object({ type: z.enum(RECORD_TYPE_NAMES) });
export const recordIdParams = z.object({ id: z.uuid() });

/** A routine record as sent by the client: its own id (a resend is safe), the day it was done, and the type's data. */
export const recordBody = z.object({
  id: z.uuid(),
  date: day,
  personId: z.uuid().nullish(),
  equipmentId: z.uuid().nullish(),
  data: z.record(z.string(), z.unknown()).default({}),
  attendeeIds: z.array(z.uuid()).max(500).optional(),
});
export const recordPatchBody = z.object({
  data: z.record(z.string(), z.unknown()),
  attendeeIds: z.array(z.uuid()).max(500).optional(),
});

export const recordResponse = z.object({
  id: z.string(),
  type: z.enum(RECORD_TYPE_NAMES),
  date: z.string(),
  personId: z.string().nullable(),
  equipmentId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  flagged: z.boolean(),
  attendeeIds: z.array(z.string()),
  acknowledgements: z.array(z.object({ userId: z.string(), at: z.string() })),
  recordedAt: z.string(),
});

export const recordsQuery = z
  .object({
    types: z
      .string()
      .transform((s) => s.split(",").filter(Boolean))
      .pipe(z.array(z.enum(RECORD_TYPE_NAMES)).min(1)),
    from: day,
    to: day,
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" });

export const equipmentBody = z
  .object({
    kind: z.enum(EQUIPMENT_KINDS),
    name: z.string().trim().min(1).max(100),
    seasonFrom: day.nullable().default(null),
    seasonTo: day.nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((e) => e.seasonTo === null || e.seasonFrom === null || e.seasonFrom <= e.seasonTo, {
    path: ["seasonTo"],
    message: "must not be before seasonFrom",
  });
export const equipmentPatchBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    seasonFrom: day.nullable().optional(),
    seasonTo: day.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((e) => !e.seasonTo || !e.seasonFrom || e.seasonFrom <= e.seasonTo, {
    path: ["seasonTo"],
    message: "must not be before seasonFrom",
  });
export const equipmentResponse = z.object({
  id: z.string(),
  kind: z.enum(EQUIPMENT_KINDS),
  name: z.string(),
  seasonFrom: z.string().nullable(),
  seasonTo: z.string().nullable(),
  active: z.boolean(),
});

const whole = (min: number, max: number) => z.int().min(min).max(max);
export const settingsBody = z.strictObject({
  committeeEveryMonths: whole(1, 12),
  newHireTrainingDays: whole(1, 180),
  regularTrainingsPerYear: whole(1, 12),
  fiscalYearStartMonth: whole(1, 12),
  guidelineReviewMonths: whole(1, 36),
  healthCheckEveryMonths: whole(1, 24),
  fluVaccineDueMonth: whole(10, 12),
  circulatingBathWaterChangeDays: whole(1, 7),
  retentionYears: whole(3, 30),
  influenzaDaysAfterOnset: whole(0, 14),
  influenzaDaysAfterFever: whole(0, 7),
  giSymptomFreeDays: whole(0, 14),
});
export const settingsResponse = z.object({ settings: settingsBody });

export const asOfQuery = z.object({ asOf: saneDay.optional() });
export const facilityParams = z.object({ facilityId: z.uuid() });

const source = z.object({
  document: z.string(),
  section: z.string(),
  pages: z.array(z.number()).readonly(),
  quote: z.string(),
});
export const obligationsResponse = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      code: z.enum(OBLIGATION_CODES),
      subject: z.record(z.string(), z.union([z.string(), z.number()])),
      subjectName: z.string().nullable(),
      status: z.enum(["ok", "due_soon", "overdue"]),
      due: z.string().nullable().optional(),
      held: z.number().optional(),
      required: z.number().optional(),
      last: z.string().nullable().optional(),
      action: z.string(),
      missing: z.array(z.string()).optional(),
      late: z.boolean().optional(),
      reading: z.object({ chlorineMgL: z.number(), outOfRange: z.boolean() }).optional(),
      rule: z.string(),
      source,
    }),
  ),
});

export const restrictionsResponse = z.object({
  asOf: z.string(),
  restrictions: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      job: z.string().nullable(),
      reason: z.enum(["gi_symptoms", "influenza"]),
      offDuties: z.array(z.string()).readonly(),
      lastSymptomOn: z.string().optional(),
      onsetOn: z.string().optional(),
      feverResolvedOn: z.string().nullable().optional(),
      returnOn: z.string().nullable(),
    }),
  ),
});

/** `GET /api/routine/records`: the records of the types and days asked for. */
export const recordListResponse = z.object({ records: z.array(recordResponse) });
/** `DELETE /api/routine/records/:id`: the record is gone (once past its retention). */
export const recordDeletedResponse = z.object({ deleted: z.literal(true) });
/** `POST /api/routine/records/:id/acknowledgements`: the signed-in user has read the minutes or guideline version. */
export const acknowledgementResponse = z.object({ acknowledged: z.boolean() });
export const equipmentListResponse = z.object({ equipment: z.array(equipmentResponse) });

export const inspectionQuery = z
  .object({ type: z.enum(RECORD_TYPE_NAMES), from: day, to: day })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" });

export type RoutineRecord = z.infer<typeof recordResponse>;
/** A record as the screens send it (`POST /api/routine/records/:type`); the id is made on the device. */
export type NewRoutineRecord = z.input<typeof recordBody>;
export type RoutineRecordPatch = z.input<typeof recordPatchBody>;
export type Equipment = z.infer<typeof equipmentResponse>;
export type EquipmentInput = z.input<typeof equipmentBody>;
export type EquipmentPatch = z.input<typeof equipmentPatchBody>;
/** The facility's settings of the schedule and of staff returning to work (GET/PUT /api/routine/settings). */
export type RoutineSettings = z.infer<typeof settingsBody>;
export type ObligationState = z.infer<typeof obligationsResponse>["items"][number];
export type ObligationStatus = ObligationState["status"];
export type WorkRestriction = z.infer<typeof restrictionsResponse>["restrictions"][number];

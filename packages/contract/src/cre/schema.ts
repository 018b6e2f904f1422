import {
  availabilityObjectSchema,
  creIsolateSchema,
  infectionSchema,
  SEVERITY_TABLE_7,
  severityInputSchema,
} from "@mamori/domain/cre";
import { saneDay } from "@mamori/domain/input";
import { z } from "zod";
import { hasSomethingToChange, NOTHING_TO_CHANGE } from "../patch/patch.ts";

const day = saneDay;

/** The hospital's own patient number or the patient's initials — never a name: CRE records keep patient data minimal. */
export const patientLabel = z
  .string({ error: "expected the hospital's patient number or initials" })
  .trim()
  .min(1, { error: "expected the hospital's patient number or initials" })
  .max(40, { error: "at most 40 characters: a patient number or initials" });

const CHECKLIST_CODES = SEVERITY_TABLE_7.flatMap((d) => d.items.map((i) => i.code)) as [string, ...string[]];

/**
 * Guide 表7 as the physician answers it: the three domains, the guide's examples that are present (a ticked example
 * means its domain is not met, unless the immunodeficient patient is stable), and whether a severe case has stabilised.
 */
export const severityRecordSchema = z.strictObject({
  ...severityInputSchema.shape,
  checklist: z
    .array(z.enum(CHECKLIST_CODES, { error: "not an example of guide 表7" }))
    .max(CHECKLIST_CODES.length)
    .default([]),
  stableDespiteImmunodeficiency: z.boolean().default(false),
});
export type SeverityRecordInput = z.output<typeof severityRecordSchema>;

/** POST /api/cre/cases — the laboratory reports an isolate. */
export const creCaseCreateBody = z.strictObject({
  id: z.uuid({ error: "expected a UUID made by the client" }),
  patientLabel,
  isolate: creIsolateSchema,
});
export type CreCaseCreate = z.output<typeof creCaseCreateBody>;

/** PATCH /api/cre/cases/:id — each field is owned by a role (routes/cre/update-case.ts); `version` is the one read. */
export const creCasePatchBody = z
  .strictObject({
    version: z.int({ error: "expected the version of the case you read" }).positive(),
    patientLabel: patientLabel.optional(),
    isolate: creIsolateSchema.optional(),
    infection: infectionSchema.optional(),
    severity: severityRecordSchema.nullable().optional(),
    diagnosedOn: day.nullable().optional(),
    notifiedOn: day.nullable().optional(),
    cefiderocolOrdered: z.boolean().optional(),
  })
  .refine(hasSomethingToChange, NOTHING_TO_CHANGE);
export type CreCasePatch = z.output<typeof creCasePatchBody>;

/** POST /api/cre/cases/:id/consultation — a consultation, and for the AST the decision on a cefiderocol order. */
export const consultationBody = z.strictObject({
  id: z.uuid({ error: "expected a UUID made by the client" }),
  note: z
    .string({ error: "expected a note" })
    .trim()
    .min(1, { error: "expected a note of the consultation" })
    .max(2000, { error: "at most 2000 characters" }),
  decision: z.enum(["approved", "declined"], { error: "expected approved or declined" }).optional(),
});
export type ConsultationInput = z.output<typeof consultationBody>;

export const availabilityBody = availabilityObjectSchema;

export const caseParams = z.object({ id: z.uuid({ error: "expected a case id (UUID)" }) });

export const langQuery = z.object({
  lang: z.enum(["ja", "en"], { error: "expected ja or en" }).default("ja"),
});

export const importQuery = z.object({
  importId: z.uuid({ error: "expected a UUID made by the client for this import" }),
  standard: z.enum(["CLSI", "EUCAST"], { error: "expected CLSI or EUCAST" }).default("CLSI"),
  edition: z.string().min(1).default("M100-Ed35"),
  lang: z.enum(["ja", "en"]).default("ja"),
});

import { saneDay } from "@mamori/domain/input";
import { CASE_STATUSES, OUTCOME_KINDS } from "@mamori/domain/surveillance";
import { z } from "zod";
import { hasSomethingToChange, NOTHING_TO_CHANGE } from "../../http/patch.ts";

const day = saneDay;

const caseFields = {
  disease: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9_]+$/, "a disease code such as norovirus or influenza"),
  status: z.enum(CASE_STATUSES),
  onsetDate: day,
  resolvedDate: day.nullable(),
  outcomes: z.array(z.object({ kind: z.enum(OUTCOME_KINDS), date: day })).max(10),
};

const ordered = <T extends { onsetDate?: string; resolvedDate?: string | null }>(c: T) =>
  !c.onsetDate || !c.resolvedDate || c.resolvedDate >= c.onsetDate;

export const caseCreateBody = z
  .object({
    id: z.uuid({ error: "expected a UUID made by the client" }),
    personId: z.uuid(),
    ...caseFields,
    resolvedDate: caseFields.resolvedDate.optional(),
    outcomes: caseFields.outcomes.default([]),
  })
  .refine(ordered, { path: ["resolvedDate"], message: "must not be before the onset" });
export type CaseCreate = z.infer<typeof caseCreateBody>;

export const caseUpdateBody = z
  .object(caseFields)
  .partial()
  .refine(hasSomethingToChange, NOTHING_TO_CHANGE)
  .refine(ordered, { path: ["resolvedDate"], message: "must not be before the onset" });

export const caseParams = z.object({ id: z.uuid() });

export const caseResponse = z.object({
  id: z.string(),
  personId: z.string(),
  disease: z.string(),
  status: z.enum(CASE_STATUSES),
  onsetDate: z.string(),
  resolvedDate: z.string().nullable(),
  outcomes: z.array(z.object({ kind: z.enum(OUTCOME_KINDS), date: z.string() })),
  version: z.number(),
});

export const casesQuery = z.object({ from: day.optional() });

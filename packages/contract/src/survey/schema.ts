import { z } from "zod";
import { answerSchema, questionnaireResponseSchema } from "./questionnaire-response.ts";

const uuid = z.uuid({ error: "expected a UUID made by the client" });

export const idParams = z.strictObject({ id: uuid });
export const caseParams = z.strictObject({ caseId: uuid });
export const openBody = z.strictObject({ id: uuid });
export const draftBody = z.strictObject({ response: questionnaireResponseSchema });
export const labMoveBody = z.strictObject({
  to: z.enum(["lab", "physician"], { error: "expected lab or physician" }),
});
export const submitBody = z.strictObject({ submissionId: uuid });
export const correctionBody = z.strictObject({
  submissionId: uuid,
  response: questionnaireResponseSchema,
  reason: z.string().trim().min(1, { error: "say why the response is corrected" }).max(500),
});
export const exportQuery = z.strictObject({
  format: z.enum(["csv", "xlsx", "fhir"], { error: "expected csv, xlsx or fhir" }),
});
export const paperFormBody = z.strictObject({
  id: uuid,
  label: z.string().trim().min(1, { error: "expected the form's label" }).max(100),
  prefecture: z.string().trim().min(1).max(10).nullable().default(null),
});
export const paperEntryParams = z.strictObject({
  id: uuid,
  entryNo: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)], { error: "expected entry 1 or 2" })),
});
export const paperEntryBody = z.strictObject({ response: questionnaireResponseSchema });
/** How one differing item is settled: entry 1's reading, entry 2's, or the value read again on the paper when both misread it. */
const paperChoice = z.union(
  [z.literal(1), z.literal(2), z.strictObject({ answer: z.array(answerSchema).max(100) })],
  { error: "expected 1, 2 or the answer read on the paper" },
);
export type PaperChoice = z.input<typeof paperChoice>;
/** Settles a paper form's differences, one choice per differing item, and registers the result as a response. */
export const resolveBody = z.strictObject({
  submissionId: uuid,
  responseId: uuid,
  choices: z.record(z.string().min(1).max(100), paperChoice),
});
export type PaperResolution = z.input<typeof resolveBody>;

import { z } from "zod";

/**
 * PUT /api/report-template?fileName=… — the municipality's own form: the .xlsx itself is the body
 * (content-type `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`), its file name in the query.
 */
export const templateQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.xlsx$/i, "an .xlsx file"),
});

export const templateResponse = z.object({
  template: z
    .object({
      fileName: z.string(),
      names: z.array(z.string()),
      uploadedAt: z.string(),
      sizeBytes: z.number(),
    })
    .nullable(),
  knownNames: z.array(z.string()),
  maxBytes: z.number(),
});
/** The municipality's report form as `GET /api/report-template` describes it. */
export type ReportTemplateInfo = z.infer<typeof templateResponse>;

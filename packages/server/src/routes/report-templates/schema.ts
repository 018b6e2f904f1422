import { z } from "zod";

/** PUT /api/report-template — the municipality's own form, an .xlsx sent as base64 with its file name. */
export const templateBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.xlsx$/i, "an .xlsx file"),
  contentBase64: z.base64().min(1),
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

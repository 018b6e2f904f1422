import type { QuestionnaireResponseAnswer, QuestionnaireResponseItem } from "@mamori/domain/questionnaire";
import { z } from "zod";

/**
 * FHIR R4 QuestionnaireResponse answers as Mamori accepts them. Unknown keys are dropped, so a response never carries a
 * `subject`, `author`, `source` or `identifier` into the store: the patient is known only through the case it belongs to.
 */
const coding = z.object({
  system: z.string().max(300).optional(),
  code: z.string().min(1).max(100),
  display: z.string().max(300).optional(),
});
const quantity = z.object({
  value: z.number().finite(),
  unit: z.string().max(50).optional(),
  system: z.string().max(300).optional(),
  code: z.string().max(50).optional(),
});
const VALUE_KEYS = [
  "valueBoolean",
  "valueDecimal",
  "valueInteger",
  "valueDate",
  "valueDateTime",
  "valueTime",
  "valueString",
  "valueCoding",
  "valueQuantity",
] as const;

export type QrAnswer = {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueString?: string;
  valueCoding?: z.infer<typeof coding>;
  valueQuantity?: z.infer<typeof quantity>;
  item?: QrItem[];
};
export type QrItem = {
  linkId: string;
  text?: string;
  answer?: QrAnswer[];
  item?: QrItem[];
  extension?: { url: string; valueString?: string }[];
};

/**
 * One answer (exactly one value[x]), as a response item carries it. A client sends the domain's answers (what the
 * questionnaire form holds); the schema keeps the part of them Mamori accepts. The annotation is the check that both
 * sides agree: what the schema accepts must be a domain answer, or this does not compile.
 */
export const answerSchema: z.ZodType<QrAnswer, QuestionnaireResponseAnswer> = z.lazy(() =>
  z
    .object({
      valueBoolean: z.boolean().optional(),
      valueDecimal: z.number().finite().optional(),
      valueInteger: z.number().int().optional(),
      valueDate: z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: "expected a date YYYY-MM-DD" })
        .optional(),
      valueDateTime: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, {
          error: "expected a date-time with offset",
        })
        .optional(),
      valueTime: z
        .string()
        .regex(/^\d{2}:\d{2}(:\d{2})?$/)
        .optional(),
      valueString: z.string().max(4000).optional(),
      valueCoding: coding.optional(),
      valueQuantity: quantity.optional(),
      item: z.array(itemSchema).max(200).optional(),
    })
    .refine((a) => VALUE_KEYS.filter((k) => a[k] !== undefined).length === 1, {
      error: "an answer holds exactly one value[x]",
    }),
);
const itemSchema: z.ZodType<QrItem, QuestionnaireResponseItem> = z.lazy(() =>
  z.object({
    linkId: z.string().min(1, { error: "expected a linkId" }).max(100),
    text: z.string().max(2000).optional(),
    answer: z.array(answerSchema).max(100).optional(),
    item: z.array(itemSchema).max(200).optional(),
  }),
);

export const questionnaireResponseSchema = z.object({
  resourceType: z.literal("QuestionnaireResponse", { error: "expected a QuestionnaireResponse" }),
  questionnaire: z.string().max(300).optional(),
  status: z.enum(["in-progress", "completed", "amended", "entered-in-error", "stopped"]).optional(),
  authored: z.string().max(40).optional(),
  item: z.array(itemSchema).max(200).default([]),
});
export type QuestionnaireResponseInput = z.output<typeof questionnaireResponseSchema>;

/** What the schemas give the server is a domain answer too, so the domain's functions read it as it is. */
type Assignable<From extends To, To> = From;
export type AnswerIsDomainAnswer = Assignable<QrAnswer, QuestionnaireResponseAnswer>;

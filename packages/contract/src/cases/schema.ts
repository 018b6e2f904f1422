import { saneDay } from "@mamori/domain/input";
import { CASE_STATUSES, OUTCOME_KINDS, SYNDROME_GROUPS } from "@mamori/domain/surveillance";
import { z } from "zod";
import { hasSomethingToChange, NOTHING_TO_CHANGE } from "../patch/patch.ts";

const day = saneDay;

/** 備考 of the line list (付録4③): a few lines, never a record of its own. */
export const REMARKS_MAX_CHARS = 500;

const caseFields = {
  disease: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9_]+$/, "a disease code such as norovirus or influenza")
    .nullable(),
  /** The group of the implicit case a case without a named disease belongs to (the line list's notes). */
  syndromeGroup: z.enum(SYNDROME_GROUPS).nullable(),
  status: z.enum(CASE_STATUSES),
  onsetDate: day,
  resolvedDate: day.nullable(),
  /** 受診・診断日 (付録4③). */
  diagnosedDate: day.nullable(),
  /** The day the physician notified the health centre (感染症法 / 食品衛生法). */
  notifiedDate: day.nullable(),
  remarks: z
    .string()
    .trim()
    .max(REMARKS_MAX_CHARS, `at most ${REMARKS_MAX_CHARS} characters`)
    .transform((text) => (text === "" ? null : text))
    .nullable(),
  outcomes: z.array(z.object({ kind: z.enum(OUTCOME_KINDS), date: day })).max(10),
};

type Dated = { onsetDate?: string; resolvedDate?: string | null; diagnosedDate?: string | null };
const ordered = (c: Dated) => !c.onsetDate || !c.resolvedDate || c.resolvedDate >= c.onsetDate;
const diagnosedAfterOnset = (c: Dated) => !c.onsetDate || !c.diagnosedDate || c.diagnosedDate >= c.onsetDate;

export const caseCreateBody = z
  .object({
    id: z.uuid({ error: "expected a UUID made by the client" }),
    personId: z.uuid(),
    ...caseFields,
    disease: caseFields.disease.optional(),
    syndromeGroup: caseFields.syndromeGroup.optional(),
    resolvedDate: caseFields.resolvedDate.optional(),
    diagnosedDate: caseFields.diagnosedDate.optional(),
    notifiedDate: caseFields.notifiedDate.optional(),
    remarks: caseFields.remarks.optional(),
    outcomes: caseFields.outcomes.default([]),
  })
  .refine((c) => Boolean(c.disease) || Boolean(c.syndromeGroup), {
    path: ["disease"],
    message: "name a disease, or the group of the case (syndromeGroup)",
  })
  .refine(ordered, { path: ["resolvedDate"], message: "must not be before the onset" })
  .refine(diagnosedAfterOnset, { path: ["diagnosedDate"], message: "must not be before the onset" });
export type CaseCreate = z.infer<typeof caseCreateBody>;

export const caseUpdateBody = z
  .object(caseFields)
  .partial()
  .refine(hasSomethingToChange, NOTHING_TO_CHANGE)
  .refine(ordered, { path: ["resolvedDate"], message: "must not be before the onset" })
  .refine(diagnosedAfterOnset, { path: ["diagnosedDate"], message: "must not be before the onset" });

/** A case's notification (domain `caseNotification`): law, category, deadline, due date, whether it is pending. */
export const caseNotificationSchema = z.object({
  diseaseId: z.string(),
  name: z.object({ ja: z.string(), en: z.string() }),
  law: z.enum(["infection_act", "food_sanitation_act"]),
  /** 感染症法の類型 (1–5, 新型インフルエンザ等, 指定), or food poisoning (食品衛生法). */
  category: z.enum(["1", "2", "3", "4", "5", "new_influenza", "designated", "food"]),
  everyPhysician: z.boolean(),
  deadline: z.enum(["immediate", "within_7_days", "next_monday", "first_of_next_month"]),
  diagnosedDate: z.string(),
  diagnosisBasis: z.enum(["diagnosed", "onset"]),
  dueDate: z.string(),
  notifiedDate: z.string().nullable(),
  /** Whether NOTIFY_DEADLINE holds for the case: a notification every physician makes, not yet recorded. */
  pending: z.boolean(),
  overdue: z.boolean(),
  summary: z.object({ ja: z.string(), en: z.string() }),
  source: z.string(),
});

export const caseParams = z.object({ id: z.uuid() });

export const caseResponse = z.object({
  id: z.string(),
  personId: z.string(),
  disease: z.string().nullable(),
  syndromeGroup: z.enum(SYNDROME_GROUPS).nullable(),
  status: z.enum(CASE_STATUSES),
  onsetDate: z.string(),
  resolvedDate: z.string().nullable(),
  diagnosedDate: z.string().nullable(),
  notifiedDate: z.string().nullable(),
  remarks: z.string().nullable(),
  /** Whether and by when the diagnosis must be notified (null when it names no disease or is not notifiable). */
  notification: caseNotificationSchema.nullable(),
  outcomes: z.array(z.object({ kind: z.enum(OUTCOME_KINDS), date: z.string() })),
  version: z.number(),
});

/** A recorded case: a disease of one person, or — before one is named — the notes on an implicit case of a group. */
export type RecordedCase = z.infer<typeof caseResponse>;
export type CaseOutcome = RecordedCase["outcomes"][number];
/** `POST /api/cases` as the device sends it; the id is made on the device so a resend never duplicates. */
export type NewCase = z.input<typeof caseCreateBody>;
export type CasePatch = z.input<typeof caseUpdateBody>;

export const casesQuery = z.object({ from: day.optional() });
export const caseListResponse = z.object({ cases: z.array(caseResponse) });

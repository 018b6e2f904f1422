import {
  CARBAPENEMASE_ENZYMES,
  CEFIDEROCOL_VERDICTS,
  CRE_DRUG_KEYS,
  type CreAdvice,
  type CreIsolate,
  INFECTION_SITES,
  MECHANISM_CATEGORIES,
  OPTION_ROLES,
  SEVERITY_CATEGORIES,
  SEVERITY_DOMAINS,
  type SirCategory,
  URINARY_TYPES,
} from "@mamori/domain/cre";
import { z } from "zod";
import type { consultationBody, creCaseCreateBody, creCasePatchBody } from "./schema.ts";

// The answers of the CRE calls (docs/api.md, "CRE stewardship"): the server derives every state with the CRE rules on
// each read and sends each code with its display text in the language asked for.

export type CreLang = "ja" | "en";

const tri = z.union([z.boolean(), z.literal("indeterminate")]);
const drugKey = z.enum(CRE_DRUG_KEYS);
const isObject = (value: unknown) => typeof value === "object" && value !== null;

/** A code with its display text; `code` narrows to the domain's codes where the caller names them. */
const labelled = <C extends z.ZodType<string>>(code: C) => z.object({ code, text: z.string() });
const anyLabelled = labelled(z.string());
export type Labelled<C extends string = string> = { code: C; text: string };

const drugRef = z.object({ key: drugKey, name: z.string() });
export type DrugRef = z.infer<typeof drugRef>;

export const creInfection = z.object({
  site: z.enum(INFECTION_SITES),
  urinaryType: z.enum(URINARY_TYPES).nullable(),
  causative: z.boolean().nullable(),
});
export type CreInfection = z.infer<typeof creInfection>;

/** Guide 表7 as stored: the three domains, the examples ticked, and step-down readiness. */
export const creSeverity = z.object({
  hemodynamicallyStable: z.boolean(),
  noImmunodeficiencyOrStable: z.boolean(),
  sourceControlled: z.boolean(),
  stabilisedAfterTreatment: z.boolean(),
  checklist: z.array(z.string()),
  stableDespiteImmunodeficiency: z.boolean(),
});
export type CreSeverity = z.infer<typeof creSeverity>;

export const ORDER_STATUSES = ["not_ordered", "awaiting_decision", "approved", "declined"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const consultation = z.object({
  id: z.string(),
  note: z.string(),
  decision: z.enum(["approved", "declined"]).nullable(),
  caseVersion: z.number(),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string(), displayName: z.string(), role: z.string() }),
});
export type CreConsultation = z.infer<typeof consultation>;

/** The stored case as entered (raw values only; everything derived is in the evaluation), the order and its consultations. */
export const caseRecordResponse = z.object({
  id: z.string(),
  patientLabel: z.string(),
  /** The isolate exactly as the laboratory reported it (validated by the CRE rules' `creIsolateSchema` on the way in). */
  isolate: z.custom<CreIsolate>(isObject),
  infection: creInfection.nullable(),
  severity: creSeverity.nullable(),
  diagnosedOn: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  reportedOn: z.string(),
  cefiderocolOrdered: z.boolean(),
  cefiderocolOrderedAt: z.string().nullable(),
  order: z.object({ status: z.enum(ORDER_STATUSES), decidedAt: z.string().nullable() }),
  consultations: z.array(consultation),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CreCaseRecord = z.infer<typeof caseRecordResponse>;

const notificationState = z.object({
  notifiable: tri,
  dueDate: z.string().nullable(),
  dueDateBasis: z.enum(["diagnosis", "report"]).nullable(),
  overdue: z.boolean(),
  diagnosedOn: z.string().nullable(),
  notifiedOn: z.string().nullable(),
});
export type CreNotification = z.infer<typeof notificationState>;

const sourced = z.object({ code: z.string(), text: z.string(), source: z.string() });

export const clinicalResponse = z.object({
  site: labelled(z.enum(INFECTION_SITES)),
  urinaryType: labelled(z.enum(URINARY_TYPES)).nullable(),
  causative: z.boolean().nullable(),
  severity: z.object({
    category: z.enum(SEVERITY_CATEGORIES),
    text: z.string(),
    failedDomains: z.array(labelled(z.enum(SEVERITY_DOMAINS))),
    stabilised: z.boolean(),
    source: z.string(),
  }),
  phase: z.enum(["low_acuity", "acute_severe", "step_down"]),
  options: z.array(
    z.object({
      drugs: z.array(drugRef),
      role: z.enum(OPTION_ROLES),
      roleText: z.string(),
      preferred: z.boolean(),
      dose: z.string(),
      rationale: z.string(),
      source: z.string(),
      marks: z.array(z.object({ drug: drugKey.nullable(), mark: z.string(), text: z.string() })).nullable(),
    }),
  ),
  cautions: z.array(sourced),
  cefiderocol: z.object({
    ordered: z.boolean(),
    verdict: z.enum(CEFIDEROCOL_VERDICTS),
    verdictText: z.string(),
    reasons: z.array(sourced),
  }),
  survey: z.object({ required: z.boolean() }),
});

/** The CRE rules' evaluation of a case, every code with its text and source; `clinical` is null until the infection is recorded. */
export const evaluationResponse = z.object({
  lang: z.enum(["ja", "en"]),
  organism: z.object({
    input: z.string(),
    name: z.string().nullable(),
    ja: z.string().nullable(),
    enterobacterales: z.boolean(),
  }),
  standard: z.string(),
  susceptibility: z.array(
    drugRef.extend({
      method: z.enum(["mic", "disk"]).nullable(),
      value: z.string().nullable(),
      category: z.custom<SirCategory>((v) => typeof v === "string"),
      categoryText: z.string(),
      breakpoint: z.string().nullable(),
      /** The breakpoint is bracketed (EUCAST) for this organism and site: use only with another active drug. */
      bracketed: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  cre: z.object({
    value: tri,
    criterion: z.string().nullable(),
    criterionText: z.string().nullable(),
    evidence: z.string(),
    checks: z.array(
      z.object({ drug: drugKey, method: z.enum(["mic", "disk"]), result: tri, text: z.string() }),
    ),
    missing: z.array(drugRef),
    criteriaId: z.string(),
  }),
  notification: notificationState.extend({
    reason: z.string(),
    reasonText: z.string(),
    deadlineDays: z.number(),
    source: z.string(),
  }),
  cpeScreen: z.object({ positive: tri, reason: z.string() }),
  mechanism: z.object({
    category: z.enum(MECHANISM_CATEGORIES),
    text: z.string(),
    enzymes: z.array(labelled(z.enum(CARBAPENEMASE_ENZYMES))),
    nextTests: z.array(anyLabelled),
    notes: z.array(anyLabelled),
    mcim: z.enum(["positive", "negative", "indeterminate"]).nullable(),
    ecim: z.enum(["mbl_positive", "mbl_negative", "not_interpreted"]).nullable(),
    carbaNP: z.enum(["positive", "negative", "invalid"]).nullable(),
    source: z.string(),
  }),
  clinical: clinicalResponse.nullable(),
  /** The document of `mamori cre advise` (contracts/cre-advise.md) once the infection is recorded. */
  advice: z.custom<CreAdvice>(isObject).nullable(),
});
export type CreEvaluation = z.infer<typeof evaluationResponse>;

export const caseDetailResponse = z.object({
  case: caseRecordResponse,
  evaluation: evaluationResponse,
  /** The hospital's time zone, for showing the instants of the record. */
  timeZone: z.string(),
});
export type CreCaseDetail = z.infer<typeof caseDetailResponse>;

/** One line of the hospital's list: the case's state as the CRE rules derive it now. */
const caseState = z.object({
  id: z.string(),
  patientLabel: z.string(),
  organism: z.string(),
  organismName: z.string().nullable(),
  enterobacterales: z.boolean(),
  specimen: z.object({ type: z.string(), sterileSite: z.boolean() }),
  collectedAt: z.string().nullable(),
  reportedOn: z.string(),
  cre: tri,
  mechanism: labelled(z.enum(MECHANISM_CATEGORIES)),
  workUp: z.object({ pending: z.boolean(), nextTests: z.array(anyLabelled) }),
  notification: notificationState.extend({ reasonText: z.string() }),
  awaitingPhysician: z.boolean(),
  survey: z.object({ required: z.boolean() }),
  cefiderocol: z.object({
    ordered: z.boolean(),
    verdict: z.enum(CEFIDEROCOL_VERDICTS).nullable(),
    verdictText: z.string().nullable(),
    orderStatus: z.enum(ORDER_STATUSES),
  }),
  version: z.number(),
  updatedAt: z.string(),
});
export type CreCaseState = z.infer<typeof caseState>;
export const caseListResponse = z.object({ cases: z.array(caseState) });

export const consultationResultResponse = z.object({ consultation });

export const availabilityResponse = z.object({
  drugs: z.array(drugKey),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type CreAvailability = z.infer<typeof availabilityResponse>;

export const importResponse = z.object({
  imported: z.number(),
  duplicates: z.number(),
  cases: z.array(z.object({ row: z.number(), id: z.string() })),
  ignoredColumns: z.array(z.string()),
});
export type CreImportResult = z.infer<typeof importResponse>;

/** What the web sends to report an isolate (`POST /api/cre/cases`). */
export type CreCaseCreateInput = z.input<typeof creCaseCreateBody>;
/** What the web sends to record a consultation (`POST /api/cre/cases/:id/consultation`). */
export type ConsultationRequest = z.input<typeof consultationBody>;
/** What the web sends to change a case (`PATCH /api/cre/cases/:id`). */
export type CrePatch = z.input<typeof creCasePatchBody>;

import { z } from "zod";
import { isSaneDay, isSaneInstant } from "../input/calendar.ts";
import { editionsOf, findBreakpointTable } from "./breakpoints/tables.ts";
import { CARBA_NP_RESULTS, CARBAPENEMASE_ENZYMES, INFECTION_SITES, URINARY_TYPES } from "./codes.ts";
import { CRE_DRUG_KEYS, type CreDrugKey } from "./drugs.ts";
import { micProblem } from "./mic.ts";
import { resolveOrganism } from "./organisms.ts";

/**
 * Zone diameters are whole millimetres from 6 (the disk itself: no inhibition) to 50. Source: CLSI M02 (6 mm disks;
 * zones are read to the whole millimetre); 50 mm is above any Enterobacterales zone for the drugs of §2.
 */
export const ZONE_MIN_MM = 6;
export const ZONE_MAX_MM = 50;

const zoneMm = z
  .number({ error: "expected a zone diameter in whole millimetres" })
  .int({ error: "expected a whole number of millimetres" })
  .min(ZONE_MIN_MM, { error: `zone out of range: expected ${ZONE_MIN_MM}–${ZONE_MAX_MM} mm` })
  .max(ZONE_MAX_MM, { error: `zone out of range: expected ${ZONE_MIN_MM}–${ZONE_MAX_MM} mm` });

/** One MIC as reported: "4", "≤0.25", ">8", "<=2" (mg/L). Kept as written; read with `parseMic`. */
export const micStringSchema = z
  .string({ error: 'expected an MIC string such as "4", "≤0.25" or ">8"' })
  .superRefine((value, ctx) => {
    const problem = micProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const knownDrugs = `known drug keys: ${CRE_DRUG_KEYS.join(", ")}`;

const micShape = Object.fromEntries(CRE_DRUG_KEYS.map((k) => [k, micStringSchema.optional()])) as Record<
  CreDrugKey,
  z.ZodOptional<typeof micStringSchema>
>;
const zoneShape = Object.fromEntries(CRE_DRUG_KEYS.map((k) => [k, zoneMm.optional()])) as Record<
  CreDrugKey,
  z.ZodOptional<typeof zoneMm>
>;

export const organismNameSchema = z
  .string({ error: "expected an organism name" })
  .min(1, { error: "expected an organism name" })
  .superRefine((value, ctx) => {
    const organism = resolveOrganism(value);
    if (!organism.known) {
      ctx.addIssue({
        code: "custom",
        message: `unknown organism "${value}"; nearest names: ${organism.nearest.join(", ")}`,
      });
    }
  });

export const standardSchema = z
  .strictObject({
    body: z.enum(["CLSI", "EUCAST"], { error: "expected CLSI or EUCAST" }),
    edition: z.string({ error: "expected an edition such as M100-Ed35 or v15.0" }),
  })
  .superRefine((value, ctx) => {
    if (!findBreakpointTable(value.body, value.edition)) {
      ctx.addIssue({
        code: "custom",
        path: ["edition"],
        message: `no ${value.body} breakpoint table "${value.edition}"; known: ${editionsOf(value.body).join(", ")}`,
      });
    }
  });

const enzymeList = z.array(
  z.enum(CARBAPENEMASE_ENZYMES, { error: `expected one of ${CARBAPENEMASE_ENZYMES.join(", ")}` }),
);

export const carbapenemaseSchema = z.strictObject({
  mCIM: z.strictObject({ zoneMm, pinpointColonies: z.boolean().default(false) }).optional(),
  eCIM: z.strictObject({ zoneMm }).optional(),
  carbaNP: z.enum(CARBA_NP_RESULTS, { error: "expected positive, negative or invalid" }).optional(),
  immunochromatography: z
    .strictObject({ kit: z.string().min(1, { error: "expected the kit name" }), detected: enzymeList })
    .optional(),
  pcr: z.strictObject({ genes: enzymeList }).optional(),
});

const isoDateOrInstant = z
  .string()
  .max(40)
  .refine((v) => isSaneDay(v) || isSaneInstant(v), {
    error: "expected a real date (YYYY-MM-DD) or an instant with offset, between 1900 and 2100",
  });

/**
 * One isolate as the laboratory enters it (`cre-stewardship.md` §2, `contracts/cre-advise.md`). Raw MIC strings and zone
 * diameters are kept as reported; S/I/R is derived per standard and edition, never stored. Unknown drug keys, strings
 * that are not MICs, zones outside 6–50 mm and organisms Mamori does not know are errors whose path names the field.
 */
export const creIsolateSchema = z.strictObject({
  organism: organismNameSchema,
  specimen: z.strictObject({
    type: z.string().min(1, { error: "expected the specimen type (blood, urine, sputum …)" }),
    sterileSite: z.boolean({ error: "expected true for a normally sterile specimen, false otherwise" }),
  }),
  collectedAt: isoDateOrInstant.optional(),
  mic: z
    .strictObject(micShape, { error: () => `expected an object of MIC strings by drug key; ${knownDrugs}` })
    .default({}),
  zoneMm: z.strictObject(zoneShape).default({}),
  standard: standardSchema,
  carbapenemase: carbapenemaseSchema.default({}),
});

export const infectionSchema = z
  .strictObject({
    site: z.enum(INFECTION_SITES, { error: `expected one of ${INFECTION_SITES.join(", ")}` }),
    urinaryType: z.enum(URINARY_TYPES, { error: "expected cystitis or upper_uti" }).nullable().default(null),
    /** The physician's judgement that the isolate caused the infection; null = not yet judged. */
    causative: z.boolean().nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.site === "urinary" && value.urinaryType === null) {
      ctx.addIssue({
        code: "custom",
        path: ["urinaryType"],
        message: "urinary infection: expected cystitis or upper_uti",
      });
    }
    if (value.site !== "urinary" && value.urinaryType !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["urinaryType"],
        message: "urinaryType is only for site urinary",
      });
    }
  });

/** The three domains of guide 表7, as answered by the physician, and whether a severe case has since stabilised. */
export const severityInputSchema = z.strictObject({
  hemodynamicallyStable: z.boolean(),
  noImmunodeficiencyOrStable: z.boolean(),
  sourceControlled: z.boolean(),
  stabilisedAfterTreatment: z.boolean().default(false),
});

/** A CRE case file, version 1 (`contracts/cre-advise.md`). */
export const creCaseSchema = z
  .strictObject({
    version: z.literal(1).optional(),
    isolate: creIsolateSchema,
    infection: infectionSchema,
    severity: severityInputSchema.optional(),
    cefiderocolOrdered: z.boolean().default(false),
    consultation: z.strictObject({ idPhysicianOrAst: z.boolean() }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.infection.site !== "urinary" && value.severity === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["severity"],
        message: "severity (表7) is required for a non-urinary infection",
      });
    }
  });

const drugKeySchema = z.enum(CRE_DRUG_KEYS, { error: `unknown drug key; ${knownDrugs}` });
/** Drug availability of a hospital as a list of drug keys. */
export const availabilityListSchema = z.array(drugKeySchema, { error: "expected an array of drug keys" });
/** The same wrapped in an object, `{ "drugs": [...] }`. */
export const availabilityObjectSchema = z.strictObject({ drugs: availabilityListSchema });

/**
 * Parses a hospital's drug availability: an array of drug keys, or `{ "drugs": [...] }`; unknown keys are errors.
 *
 * Source: contracts/cre-advise.md (`--availability`). @example parseAvailability(["levofloxacin"]).success // true
 */
export function parseAvailability(raw: unknown): z.ZodSafeParseResult<CreDrugKey[]> {
  return Array.isArray(raw)
    ? availabilityListSchema.safeParse(raw)
    : availabilityObjectSchema.transform((o) => o.drugs).safeParse(raw);
}

export type CreIsolateInput = z.input<typeof creIsolateSchema>;
export type CreIsolate = z.output<typeof creIsolateSchema>;
export type CreCaseInput = z.input<typeof creCaseSchema>;
export type CreCase = z.output<typeof creCaseSchema>;
export type SeverityInput = z.output<typeof severityInputSchema>;

/**
 * The first problem of a failed parse as one line, "path: message", for the CLI and API errors. Unknown keys name the
 * key itself in the path (`isolate.mic.meropenum: unknown key …`).
 *
 * Source: `contracts/cre-advise.md` (stderr names the first bad field). @example formatFirstIssue(error) // "isolate.mic.foo: unknown key"
 */
export function formatFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p)));
  const join = (parts: string[]) => parts.join(".").replace(/\.\[/g, "[");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const where = join([...path, key]);
    const parent = path.at(-1);
    const list =
      parent === "mic" || parent === "zoneMm" ? `unknown drug key; ${knownDrugs}` : "unknown field";
    return `${where}: ${list}`;
  }
  return `${join(path) || "(root)"}: ${issue.message}`;
}

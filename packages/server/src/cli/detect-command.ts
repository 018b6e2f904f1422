import { readFile } from "node:fs/promises";
import {
  DetectionInputError,
  type EarsMethod,
  earsC,
  earsDefaultRange,
  FARRINGTON_NOUFAILY,
  FARRINGTON_NOUFAILY_MUAN,
  FARRINGTON_ORIGINAL,
  type FarringtonControl,
  farringtonFlexible,
} from "@mamori/domain/detection";
import { z } from "zod";

const USAGE = "usage: mamori detect SERIES.json\n";

const count = z.number().int("counts must be integers").nonnegative("counts must not be negative");
const oneBasedIndex = z.number().int("must be an integer").min(1, "1-based indices start at 1");
const probability = z.number().gt(0, "must be above 0").lt(1, "must be below 1");

const inputSchema = z.object({
  observed: z.array(count).min(1, "needs at least one count"),
  frequency: z.number().int("must be an integer").positive("must be positive"),
  start: z.array(z.number()).optional(),
  population: z.array(z.number().positive("must be positive")).optional(),
});

const earsControlSchema = z.strictObject({
  method: z.enum(["C1", "C2", "C3"]).optional(),
  alpha: probability.optional(),
  baseline: z.number().int("must be an integer").min(3, "must be at least 3").optional(),
  minSigma: z.number().nonnegative("must not be negative").optional(),
  range: z.array(oneBasedIndex).optional(),
});

const farringtonControlSchema = z.strictObject({
  range: z.array(oneBasedIndex).nullable().optional(),
  b: z.number().int("must be an integer").min(1).optional(),
  w: z.number().int("must be an integer").min(0).optional(),
  reweight: z.boolean().optional(),
  weightsThreshold: z.number().optional(),
  verbose: z.boolean().optional(),
  glmWarnings: z.boolean().optional(),
  alpha: probability.optional(),
  trend: z.boolean().optional(),
  pThresholdTrend: z.number().min(0).max(1).optional(),
  limit54: z.tuple([z.number().nonnegative(), z.number().int().min(1)]).optional(),
  powertrans: z.enum(["2/3", "1/2", "none"]).optional(),
  fitFun: z.literal("algo.farrington.fitGLM.flexible").optional(),
  populationOffset: z.boolean().optional(),
  noPeriods: z.number().int("must be an integer").min(1).optional(),
  pastWeeksNotIncluded: z.number().int("must be an integer").min(0).nullable().optional(),
  thresholdMethod: z.enum(["delta", "nbPlugin", "muan"]).optional(),
});

const common = {
  input: inputSchema,
  rangeIsOneBased: z.literal(true, "ranges are 1-based in this format").optional(),
  rPackage: z.string().optional(),
  output: z.unknown().optional(),
};

/** A series file as in fixtures/detection (contracts/detect.md); `output`, if present, is ignored. */
export const seriesFileSchema = z.discriminatedUnion("algorithm", [
  z.object({
    algorithm: z.enum(["ears_C1", "ears_C2", "ears_C3"]),
    control: earsControlSchema.default({}),
    ...common,
  }),
  z.object({
    algorithm: z.enum([
      "farrington",
      "farrington_original",
      "farrington_noufaily",
      "farrington_noufaily_muan",
    ]),
    control: farringtonControlSchema.default({}),
    ...common,
  }),
]);

export type SeriesFile = z.infer<typeof seriesFileSchema>;

/** Parameter sets behind the named Farrington algorithms; the file's own control entries take precedence. */
const PRESETS: Record<string, FarringtonControl> = {
  farrington: {},
  farrington_original: FARRINGTON_ORIGINAL,
  farrington_noufaily: FARRINGTON_NOUFAILY,
  farrington_noufaily_muan: FARRINGTON_NOUFAILY_MUAN,
};

class InputError extends Error {}

/** `input.observed[3]` from zod's ["input", "observed", 3]. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out || "(file)";
}

function formatIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid file";
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown key`).join("; ");
  }
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** The engine names fields relative to its arguments; the file nests the series under `input`. */
function fileField(field: string): string {
  return /^(observed|frequency|population)\b/.test(field) ? `input.${field}` : field;
}

async function readSeries(path: string): Promise<SeriesFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = seriesFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${path}: ${formatIssue(parsed.error)}`);
  return parsed.data;
}

/** Runs the algorithm named in the file and returns the document the contract prints. */
export function detect(file: SeriesFile): Record<string, unknown> {
  const { observed, frequency, population } = file.input;
  if (file.algorithm === "ears_C1" || file.algorithm === "ears_C2" || file.algorithm === "ears_C3") {
    const method = file.algorithm.slice(5) as EarsMethod;
    if (file.control.method !== undefined && file.control.method !== method) {
      throw new DetectionInputError("control.method", `must be ${method} for algorithm ${file.algorithm}`);
    }
    const range = file.control.range ?? earsDefaultRange(method, file.control.baseline ?? 7, observed.length);
    const result = earsC(observed, { ...file.control, method, range });
    return { algorithm: file.algorithm, ...result };
  }
  const { range, ...rest } = file.control;
  const control: FarringtonControl = { ...PRESETS[file.algorithm], ...rest };
  if (range !== null && range !== undefined) control.range = range;
  const result = farringtonFlexible(
    observed,
    population ? { frequency, control, population } : { frequency, control },
  );
  return {
    algorithm: file.algorithm,
    range: result.range,
    upperbound: result.upperbound,
    alarm: result.alarm,
    expected: result.expected,
    // As R's control$trend and the fixtures: 1 kept, 0 dropped, null where no model could be fitted.
    trend: result.trend.map((t) => (t === null ? null : t ? 1 : 0)),
  };
}

/**
 * `mamori detect SERIES.json`: aberration detection (EARS C1/C2/C3 or farringtonFlexible) on a series file in the
 * format of fixtures/detection (contracts/detect.md). Prints one JSON document — algorithm, 1-based range,
 * upperbound, alarm, and for Farrington expected and trend — and returns 0; an unreadable or invalid file returns 2
 * with a message naming the bad field on stderr and nothing on stdout.
 */
export async function run(args: string[]): Promise<number> {
  if (args[0] === "--help" || args[0] === "-h") {
    process.stdout.write(USAGE);
    return 0;
  }
  const [path, ...extra] = args;
  if (!path || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const document = detect(await readSeries(path));
    process.stdout.write(`${JSON.stringify(document)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`mamori detect: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DetectionInputError) {
      process.stderr.write(`mamori detect: ${path}: ${fileField(error.field)}: ${error.reason}\n`);
      return 2;
    }
    throw error;
  }
}

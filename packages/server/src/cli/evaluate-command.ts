import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  BUILT_IN_PROFILE_IDS,
  DEFAULT_LOOKBACK_DAYS,
  DEFAULT_PROFILE_ID,
  evaluateFacility,
  findBuiltInProfile,
  firstIssueMessage,
  parseInstant,
  type RuleProfile,
  validateProfile,
} from "@mamori/domain/surveillance";
import { scenarioSchema, toFacilityInput } from "./evaluate-command-schema.ts";

const USAGE =
  "usage: mamori evaluate SCENARIO.json [--as-of ISO-INSTANT] [--profile ID-or-FILE] [--lookback DAYS]\n";
const MAX_LOOKBACK_DAYS = 3660;

export class InputError extends Error {}

export async function readJson(path: string, what: string): Promise<unknown> {
  let body: string;
  try {
    body = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new InputError(`cannot read ${what} ${path} (${code})`);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new InputError(`${what} ${path} is not JSON: ${(error as Error).message}`);
  }
}

/** A built-in profile id, or a profile file (relative to `baseDir`), validated. */
async function loadProfile(reference: string, baseDir: string, option: string): Promise<RuleProfile> {
  const builtIn = findBuiltInProfile(reference);
  if (builtIn) return builtIn;
  const looksLikeFile = reference.includes("/") || reference.endsWith(".json");
  if (!looksLikeFile) {
    throw new InputError(
      `${option}: unknown profile "${reference}" (built in: ${BUILT_IN_PROFILE_IDS.join(", ")}; or a profile file)`,
    );
  }
  const path = resolve(baseDir, reference);
  const result = validateProfile(await readJson(path, "profile file"));
  if (!result.ok) throw new InputError(`${reference}: ${result.message}`);
  return result.profile;
}

async function evaluate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "as-of": { type: "string" },
      profile: { type: "string" },
      lookback: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [scenarioPath, ...extra] = positionals;
  if (!scenarioPath || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }

  let lookbackDays = DEFAULT_LOOKBACK_DAYS;
  if (values.lookback !== undefined) {
    lookbackDays = Number(values.lookback);
    if (!/^\d+$/.test(values.lookback) || lookbackDays < 1 || lookbackDays > MAX_LOOKBACK_DAYS) {
      throw new InputError(`--lookback: expected a whole number of days from 1 to ${MAX_LOOKBACK_DAYS}`);
    }
  }
  if (values["as-of"] !== undefined && Number.isNaN(parseInstant(values["as-of"]))) {
    throw new InputError("--as-of: expected an ISO instant with offset, such as 2026-01-11T09:00:00+09:00");
  }

  const parsed = scenarioSchema.safeParse(await readJson(scenarioPath, "scenario file"));
  if (!parsed.success) throw new InputError(firstIssueMessage(parsed.error));
  const scenario = parsed.data;

  const asOf = values["as-of"] ?? scenario.asOf;
  if (asOf === undefined) throw new InputError("asOf: required (in the scenario or as --as-of)");
  const profile =
    values.profile !== undefined
      ? await loadProfile(values.profile, process.cwd(), "--profile")
      : await loadProfile(scenario.profile ?? DEFAULT_PROFILE_ID, dirname(resolve(scenarioPath)), "profile");

  let result: ReturnType<typeof evaluateFacility>;
  try {
    result = evaluateFacility({ ...toFacilityInput(scenario), asOf, profile, lookbackDays });
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(error.message);
    throw error;
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

/**
 * `mamori evaluate SCENARIO.json [--as-of ISO] [--profile ID-or-FILE] [--lookback DAYS]`: the facility rules on a
 * scenario file (contracts/evaluate.md). Prints `{asOf, profile, days, alerts}` as JSON and returns 0; an invalid
 * scenario, profile or call returns 2 with the first bad field on stderr and nothing on stdout.
 */
export async function run(args: string[]): Promise<number> {
  try {
    return await evaluate(args);
  } catch (error) {
    if (error instanceof InputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`mamori evaluate: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

import { parseArgs } from "node:util";
import {
  PHYSICIAN_REPORT_DEFAULT_DAYS,
  PHYSICIAN_REPORT_MAX_DAYS,
  physicianReport,
  weeklyTrend,
} from "@mamori/domain/forms";
import { firstIssueMessage, parseInstant } from "@mamori/domain/surveillance";
import { InputError, readJson } from "./evaluate-command.ts";
import { type Scenario, scenarioSchema } from "./evaluate-command-schema.ts";

const USAGE = `usage: mamori forms weekly SCENARIO.json --week-start YYYY-MM-DD [--as-of ISO-INSTANT]
       mamori forms physician-report SCENARIO.json --from YYYY-MM-DD [--days ${PHYSICIAN_REPORT_DEFAULT_DAYS}] [--as-of ISO-INSTANT]
`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function requireDay(value: string | undefined, option: string): string {
  if (value === undefined) throw new InputError(`${option}: required (a date YYYY-MM-DD)`);
  if (
    !DAY.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  )
    throw new InputError(`${option}: expected a date YYYY-MM-DD`);
  return value;
}

async function loadScenario(path: string): Promise<Scenario> {
  const parsed = scenarioSchema.safeParse(await readJson(path, "scenario file"));
  if (!parsed.success) throw new InputError(firstIssueMessage(parsed.error));
  return parsed.data;
}

/** The forms' input from a scenario: the same people, observations and cases `mamori evaluate` reads. */
function formsInput(scenario: Scenario, asOf: string | undefined) {
  return {
    facility: scenario.facility,
    people: scenario.people,
    observations: scenario.observations,
    cases: scenario.cases,
    asOf: asOf ?? scenario.asOf ?? null,
  };
}

async function forms(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "week-start": { type: "string" },
      from: { type: "string" },
      days: { type: "string" },
      "as-of": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [form, scenarioPath, ...extra] = positionals;
  if ((form !== "weekly" && form !== "physician-report") || !scenarioPath || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (values["as-of"] !== undefined && Number.isNaN(parseInstant(values["as-of"]))) {
    throw new InputError("--as-of: expected an ISO instant with offset, such as 2027-01-11T09:00:00+09:00");
  }
  let output: unknown;
  if (form === "weekly") {
    if (values.from !== undefined || values.days !== undefined)
      throw new InputError("--from and --days belong to physician-report; weekly takes --week-start");
    const weekStart = requireDay(values["week-start"], "--week-start");
    const scenario = await loadScenario(scenarioPath);
    output = run(() => weeklyTrend({ ...formsInput(scenario, values["as-of"]), weekStart }));
  } else {
    if (values["week-start"] !== undefined)
      throw new InputError("--week-start belongs to weekly; physician-report takes --from and --days");
    const from = requireDay(values.from, "--from");
    let days = PHYSICIAN_REPORT_DEFAULT_DAYS;
    if (values.days !== undefined) {
      days = Number(values.days);
      if (!/^\d+$/.test(values.days) || days < 1 || days > PHYSICIAN_REPORT_MAX_DAYS)
        throw new InputError(
          `--days: expected a whole number of days from 1 to ${PHYSICIAN_REPORT_MAX_DAYS}`,
        );
    }
    const scenario = await loadScenario(scenarioPath);
    output = run(() => physicianReport({ ...formsInput(scenario, values["as-of"]), from, days }));
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/** Turns the domain's RangeError (which names the field) into an input error. */
function run<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(error.message);
    throw error;
  }
}

/**
 * `mamori forms weekly|physician-report SCENARIO.json …`: the manual's forms 付録4② and 付録4③ from a scenario file of
 * `mamori evaluate` (contracts/forms.md). One JSON document on stdout and 0; an invalid scenario or call returns 2 with
 * the first bad field on stderr and nothing on stdout.
 */
export async function runForms(args: string[]): Promise<number> {
  try {
    return await forms(args);
  } catch (error) {
    if (error instanceof InputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`mamori forms: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

export { runForms as run };

import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { evaluateObligations, type ObligationItem } from "@mamori/domain/obligations";
import { firstIssueMessage } from "@mamori/domain/surveillance";
import { z } from "zod";
import { obligationRecordSchema } from "./obligations-command-schema.ts";

const USAGE = "usage: mamori obligations RECORD.json [--as-of YYYY-MM-DD]\n";

class InputError extends Error {}

async function readJson(path: string): Promise<unknown> {
  let body: string;
  try {
    body = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new InputError(`cannot read record file ${path} (${code})`);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new InputError(`record file ${path} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * The codes of the contract's version 1 output. The domain gives more (HUMIDIFIER_DRAIN, 付録3's drain at each end of a
 * built-in unit's season); the command prints only these so that a version-1 record gives the contract's items.
 */
const CONTRACT_CODES: ReadonlySet<string> = new Set([
  "COMMITTEE",
  "NEW_HIRE_TRAINING",
  "REGULAR_TRAINING",
  "HUMIDIFIER_TANK",
  "HUMIDIFIER_INSPECTION",
  "HUMIDIFIER_CLEANING",
]);

/** The item as the contract prints it: each code with the one figure it names (`due` or `held`). */
export function presentContractItem(item: ObligationItem): Record<string, unknown> {
  const head = { code: item.code, subject: item.subject, status: item.status };
  switch (item.code) {
    case "COMMITTEE":
    case "NEW_HIRE_TRAINING":
    case "HUMIDIFIER_CLEANING":
      return { ...head, due: item.due ?? null };
    case "REGULAR_TRAINING":
      return { ...head, held: item.held };
    default:
      return head;
  }
}

async function obligations(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "as-of": { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [recordPath, ...extra] = positionals;
  if (!recordPath || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (values["as-of"] !== undefined && !z.iso.date().safeParse(values["as-of"]).success) {
    throw new InputError("--as-of: not a date (expected YYYY-MM-DD)");
  }
  const parsed = obligationRecordSchema.safeParse(await readJson(recordPath));
  if (!parsed.success) throw new InputError(firstIssueMessage(parsed.error));
  const record = parsed.data;
  const asOf = values["as-of"] ?? record.asOf;
  if (asOf === undefined) throw new InputError("asOf: required (in the record or as --as-of)");

  const result = evaluateObligations({
    asOf,
    settings: {
      ...record.settings,
      ...(record.facility.fiscalYearStartMonth !== undefined
        ? { fiscalYearStartMonth: record.facility.fiscalYearStartMonth }
        : {}),
    },
    staff: record.staff,
    committeeMeetings: record.committeeMeetings,
    trainings: record.trainings,
    humidifiers: record.humidifiers,
  });
  process.stdout.write(
    `${JSON.stringify({ asOf, items: result.items.filter((i) => CONTRACT_CODES.has(i.code)).map(presentContractItem) }, null, 2)}\n`,
  );
  return 0;
}

/**
 * `mamori obligations RECORD.json [--as-of YYYY-MM-DD]`: what is due in a facility's infection-control routine
 * (contracts/obligations.md). Prints `{asOf, items}` and returns 0; an invalid record or call returns 2 with the first
 * bad field on stderr and nothing on stdout.
 */
export async function run(args: string[]): Promise<number> {
  try {
    return await obligations(args);
  } catch (error) {
    if (error instanceof InputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`mamori obligations: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

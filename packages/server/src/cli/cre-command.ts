import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  adviseCre,
  type CreDrugKey,
  creCaseSchema,
  formatFirstIssue,
  parseAvailability,
} from "@mamori/domain/cre";

const USAGE = "usage: mamori cre advise CASE.json [--availability FILE]\n";

class InputError extends Error {}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new InputError(`cannot read ${what} ${path} (${code})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} ${path} is not JSON: ${(error as Error).message}`);
  }
}

async function readAvailability(path: string): Promise<CreDrugKey[]> {
  const parsed = parseAvailability(await readJson(path, "availability file"));
  if (!parsed.success) throw new InputError(`${path}: ${formatFirstIssue(parsed.error)}`);
  return parsed.data;
}

async function advise(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { availability: { type: "string" } },
  });
  const [casePath, ...extra] = positionals;
  if (!casePath || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const parsed = creCaseSchema.safeParse(await readJson(casePath, "case file"));
  if (!parsed.success) {
    process.stderr.write(`mamori cre advise: ${formatFirstIssue(parsed.error)}\n`);
    return 2;
  }
  const availability = values.availability ? await readAvailability(values.availability) : undefined;
  const advice = adviseCre(parsed.data, availability ? { availability } : {});
  process.stdout.write(`${JSON.stringify(advice, null, 2)}\n`);
  return 0;
}

/**
 * `mamori cre advise CASE.json [--availability FILE]`: the CRE rules on a case file (contracts/cre-advise.md). Prints
 * the advice as JSON and returns 0; an invalid case, availability file or call returns 2 with the first bad field on
 * stderr and nothing on stdout.
 */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "advise") {
    process.stderr.write(sub ? `mamori cre: unknown sub-command "${sub}"\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    return await advise(rest);
  } catch (error) {
    if (error instanceof InputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`mamori cre advise: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

import { parseArgs } from "node:util";
import {
  BUILT_IN_QUESTIONNAIRES,
  builtInQuestionnaire,
  checkResponseShape,
  evaluateResponse,
  type FhirPathEnv,
  validateQuestionnaire,
} from "@mamori/domain/questionnaire";
import { InputError, readJson } from "./evaluate-command.ts";

const USAGE = `usage: mamori survey validate QUESTIONNAIRE.json
       mamori survey evaluate QUESTIONNAIRE.json RESPONSE.json [--context CONTEXT.json]
       mamori survey export NAME          (${BUILT_IN_QUESTIONNAIRES.join(", ")})
`;

async function loadQuestionnaire(path: string) {
  const result = validateQuestionnaire(await readJson(path, "questionnaire"));
  if (!result.ok) throw new InputError(result.issues.map((i) => i.message).join("\n"));
  return result;
}

async function survey(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { context: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [verb, ...rest] = positionals;
  let output: unknown;
  if (verb === "validate" && rest.length === 1) {
    const { questionnaire, items } = await loadQuestionnaire(rest[0] as string);
    output = { ok: true, url: questionnaire.url ?? null, version: questionnaire.version ?? null, items };
  } else if (verb === "evaluate" && rest.length === 2) {
    const { questionnaire } = await loadQuestionnaire(rest[0] as string);
    const shape = checkResponseShape(await readJson(rest[1] as string, "response"));
    if (!shape.ok) throw new InputError(shape.message);
    const cited = shape.response.questionnaire?.split("|")[0];
    if (cited && questionnaire.url && cited !== questionnaire.url)
      throw new InputError(`questionnaire: the response answers ${cited}, not ${questionnaire.url}`);
    let context: FhirPathEnv = {};
    if (values.context !== undefined) {
      const raw = await readJson(values.context, "context");
      if (typeof raw !== "object" || raw === null || Array.isArray(raw))
        throw new InputError('--context: expected an object of launch contexts, such as {"case": {...}}');
      context = raw as FhirPathEnv;
    }
    const { enabled, missingRequired, invalid, answersIgnored, complete } = evaluateResponse(
      questionnaire,
      shape.response,
      { context },
    );
    output = {
      enabled,
      missingRequired,
      invalid: invalid.map(({ linkId, message }) => ({ linkId, message })),
      answersIgnored,
      complete,
    };
  } else if (verb === "export" && rest.length === 1) {
    if (values.context !== undefined) throw new InputError("--context belongs to evaluate");
    const questionnaire = builtInQuestionnaire(rest[0] as string);
    if (!questionnaire)
      throw new InputError(
        `unknown questionnaire "${rest[0]}"; built in: ${BUILT_IN_QUESTIONNAIRES.join(", ")}`,
      );
    output = questionnaire;
  } else {
    process.stderr.write(USAGE);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/** `mamori survey` (contract: docs/contracts/survey.md): exit 0 with one JSON document, 2 naming the linkId at fault. */
export async function run(args: string[]): Promise<number> {
  try {
    return await survey(args);
  } catch (error) {
    if (error instanceof InputError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      const lines = (error as Error).message.split("\n");
      process.stderr.write(lines.map((l) => `mamori survey: ${l}\n`).join(""));
      return 2;
    }
    throw error;
  }
}

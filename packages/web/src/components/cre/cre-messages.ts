import type { TFunction } from "i18next";
import type { FieldError } from "../../api/types.ts";
import type { CellProblem } from "./isolate-form.ts";

type CreT = TFunction<"cre">;
type Rule = [RegExp, (t: CreT, m: RegExpMatchArray) => string];

// The server and the CRE rules word their field errors in English (docs/api.md); each rule turns one into the
// screen's language. A message no rule knows is shown as the server wrote it.
const RULES: Rule[] = [
  [/^"(.*)" is a ratio/, (t, m) => t("errors.micRatio", { first: m[1]?.split("/")[0] ?? "" })],
  [/^"(.*)" is not an MIC/, (t, m) => t("errors.micNotNumber", { value: m[1] })],
  [/^"(.*)" is outside/, (t, m) => t("errors.micRange", { value: m[1] })],
  [/^empty MIC/, (t) => t("errors.micNotNumber", { value: "" })],
  [
    /^unknown organism "(.*)"; nearest names: (.*)$/,
    (t, m) => t("errors.organismUnknown", { value: m[1], names: m[2] }),
  ],
  [/^expected an organism name/, (t) => t("errors.organismRequired")],
  [
    /^(zone out of range|expected a whole number of millimetres|expected a zone diameter)/,
    (t) => t("errors.zone"),
  ],
  [/^expected the hospital's patient number or initials/, (t) => t("errors.patientRequired")],
  [/^at most 40 characters/, (t) => t("errors.patientTooLong")],
  [/^expected the specimen type/, (t) => t("errors.specimenRequired")],
  [/^expected the kit name/, (t) => t("errors.kitRequired")],
  [/^unknown drug key/, (t) => t("errors.unknownDrugKey")],
  [
    /^say whether "(.*)" is a normally sterile specimen/,
    (t, m) => t("errors.sterileUnknown", { value: m[1] }),
  ],
  [/^expected yes or no/, (t) => t("errors.yesNo")],
  [/^expected a date such as/, (t) => t("errors.date")],
  [/^missing columns: (.*)/, (t, m) => t("errors.missingColumns", { columns: m[1] })],
  [/^columns "(.*)" and "(.*)" are the same field/, (t, m) => t("errors.sameField", { a: m[1], b: m[2] })],
  [/^no rows$/, (t) => t("errors.noRows")],
  [/^at most (\d+) rows/, (t, m) => t("errors.tooManyRows", { n: m[1] })],
  [/^expected one of KPC/, (t) => t("errors.enzymes")],
  [/^expected positive, negative or invalid/, (t) => t("errors.carbaNP")],
  [/^already imported with other content/, (t) => t("errors.alreadyImported")],
  [/^an example of this domain is ticked/, (t) => t("errors.severityChecked")],
  [/^severity \(表7\) is required/, (t) => t("errors.severityRequired")],
  [/^urinary infection: expected cystitis/, (t) => t("errors.urinaryType")],
  [/^is in the future/, (t) => t("errors.future")],
  [/^must not be before the diagnosis/, (t) => t("errors.notifiedBeforeDiagnosis")],
  [/^the case is now at version/, (t) => t("errors.versionChanged")],
  [/^there is no cefiderocol order to decide/, (t) => t("errors.noOrder")],
  [/^expected a note/, (t) => t("errors.noteRequired")],
];

/** A server or rule message about a CRE field in the user's language. */
export function creMessage(t: CreT, message: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match) return render(t, match);
  }
  return message;
}

/** A problem of one cell of the isolate form, in the user's language. */
export function cellProblemText(t: CreT, problem: CellProblem): string {
  switch (problem.kind) {
    case "micNotNumber":
      return t("errors.micNotNumber", { value: problem.value });
    case "micRange":
      return t("errors.micRange", { value: problem.value });
    case "micRatio":
      return t("errors.micRatio", { first: problem.first });
    case "zone":
      return t("errors.zone");
  }
}

/** Field errors of a refused form, keyed by path (`isolate.mic.meropenem`), messages translated. */
export function fieldErrorMap(t: CreT, fields: readonly FieldError[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of fields) {
    const text = creMessage(t, f.message);
    map.set(f.path, map.has(f.path) ? `${map.get(f.path)} / ${text}` : text);
  }
  return map;
}

/** A zod issue path as the server writes it: `mic.meropenem`, `carbapenemase.immunochromatography.detected[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

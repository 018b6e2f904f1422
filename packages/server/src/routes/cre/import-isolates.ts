import { createHash } from "node:crypto";
import { patientLabel } from "@mamori/contract/cre";
import {
  CARBAPENEMASE_ENZYMES,
  CRE_DRUG_KEYS,
  type CreDrugKey,
  type CreIsolate,
  creIsolateSchema,
  micProblem,
} from "@mamori/domain/cre";
import Papa from "papaparse";
import type { FieldError } from "../../errors.ts";

export const CRE_IMPORT_MAX_ROWS = 500;

/**
 * Column headers a laboratory export may use for each drug's MIC: the case-file key, the English name, and the
 * abbreviation of the Japanese Society of Chemotherapy (日本化学療法学会 抗菌薬略語) that Japanese laboratory systems print.
 * A zone diameter is the same name followed by `_zone` or `_zone_mm`.
 */
export const DRUG_COLUMN_ALIASES: Readonly<Record<CreDrugKey, readonly string[]>> = {
  meropenem: ["MEPM"],
  imipenem: ["IPM", "IPM/CS"],
  ertapenem: ["ETP"],
  cefmetazole: ["CMZ"],
  levofloxacin: ["LVFX"],
  ciprofloxacin: ["CPFX"],
  trimethoprim_sulfamethoxazole: ["ST", "SXT", "trimethoprim-sulfamethoxazole", "ST合剤"],
  amikacin: ["AMK"],
  gentamicin: ["GM"],
  tobramycin: ["TOB"],
  colistin: ["CL"],
  tigecycline: ["TGC"],
  fosfomycin: ["FOM"],
  ceftazidime_avibactam: ["CAZ/AVI", "CZA", "ceftazidime-avibactam"],
  meropenem_vaborbactam: ["MEPM/VAB", "meropenem-vaborbactam"],
  imipenem_relebactam: ["IPM/REL", "REL/IPM/CS", "imipenem-relebactam"],
  cefiderocol: ["CFDC"],
  aztreonam: ["AZT"],
};

/** Columns other than drugs, each with the headers accepted for it (English first, then Japanese). */
const FIELD_COLUMNS = {
  patient: ["patient", "patient_label", "patient_id", "患者ID", "患者番号"],
  organism: ["organism", "菌名", "菌種"],
  specimen: ["specimen", "検体", "材料"],
  sterile_site: ["sterile_site", "無菌検体"],
  collected: ["collected", "collected_date", "採取日"],
  mcim_zone_mm: ["mcim_zone_mm", "mcim"],
  mcim_pinpoint: ["mcim_pinpoint"],
  ecim_zone_mm: ["ecim_zone_mm", "ecim"],
  carba_np: ["carba_np"],
  ic_kit: ["ic_kit"],
  ic_detected: ["ic_detected"],
  pcr_genes: ["pcr_genes"],
} as const;
type FieldColumn = keyof typeof FIELD_COLUMNS;

/**
 * Specimen words read as normally sterile or not when the file has no `sterile_site` value: the examples of the
 * notification criteria (通常無菌的であるべき検体: 血液, 腹水, 胸水, 髄液; 通常無菌的ではない検体: 喀痰, 膿, 尿 — cre-reference.md
 * §1.3). Any other specimen needs `sterile_site`.
 */
export const SPECIMEN_STERILITY: Readonly<Record<string, boolean>> = {
  blood: true,
  血液: true,
  ascites: true,
  腹水: true,
  "pleural fluid": true,
  pleural_fluid: true,
  胸水: true,
  csf: true,
  髄液: true,
  sputum: false,
  喀痰: false,
  pus: false,
  膿: false,
  urine: false,
  尿: false,
};

const squash = (text: string) => text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");

const HEADER_LOOKUP = new Map<string, { kind: "mic" | "zone"; drug: CreDrugKey } | { kind: FieldColumn }>();
for (const drug of CRE_DRUG_KEYS) {
  for (const name of [drug, ...DRUG_COLUMN_ALIASES[drug]]) {
    HEADER_LOOKUP.set(squash(name), { kind: "mic", drug });
    HEADER_LOOKUP.set(squash(`${name}_zone`), { kind: "zone", drug });
    HEADER_LOOKUP.set(squash(`${name}_zone_mm`), { kind: "zone", drug });
  }
}
for (const [field, names] of Object.entries(FIELD_COLUMNS) as Array<[FieldColumn, readonly string[]]>) {
  for (const name of names) HEADER_LOOKUP.set(squash(name), { kind: field });
}

const YES = new Set(["yes", "y", "true", "1", "はい", "有", "あり", "○"]);
const NO = new Set(["no", "n", "false", "0", "いいえ", "無", "なし", "×"]);

function yesNo(text: string): boolean | undefined {
  const t = squash(text);
  return YES.has(t) ? true : NO.has(t) ? false : undefined;
}

const CARBA_NP: Record<string, "positive" | "negative" | "invalid"> = {
  positive: "positive",
  "+": "positive",
  陽性: "positive",
  negative: "negative",
  "-": "negative",
  陰性: "negative",
  invalid: "invalid",
  判定不能: "invalid",
};

const ENZYME_ALIASES: Record<string, string> = { "oxa-48": "OXA48", "oxa-48-like": "OXA48", oxa48: "OXA48" };

/** "IMP; NDM" → ["IMP", "NDM"]; "" or "none"/"陰性" → []. Unknown names are kept for the schema to refuse. */
function enzymeList(text: string): string[] {
  const t = squash(text);
  if (t === "" || t === "none" || t === "negative" || t === "陰性" || t === "-") return [];
  return t
    .split(/[;,、\s]+/)
    .filter(Boolean)
    .map((e) => ENZYME_ALIASES[e] ?? e.toUpperCase());
}

/**
 * VITEK 2 reports trimethoprim-sulfamethoxazole as the sum of both in the 1:19 ratio (`≤20` = 1/19, `40` = 2/38,
 * `≥320` = 16/304); the case file takes the trimethoprim part (contracts/cre-advise.md). A value written as a ratio
 * ("2/38") is read as trimethoprim/sulfamethoxazole and its first part kept.
 *
 * @example trimethoprimPart("≤20") // "≤1"; trimethoprimPart("160") // "8"; trimethoprimPart("2/38") // "2"
 */
export function trimethoprimPart(raw: string): string | { problem: string } {
  const text = raw.normalize("NFKC").replace(/\s+/g, "");
  if (text.includes("/")) return text.split("/")[0] ?? "";
  const match = /^(<=|>=|<|>|=|≤|≥|≦|≧)?(\d+(?:\.\d+)?|\.\d+)$/.exec(text);
  const problem = micProblem(raw);
  if (!match || problem) return { problem: problem ?? `"${raw}" is not an MIC` };
  const part = Number((Number(match[2]) / 20).toPrecision(6));
  return `${match[1] ?? ""}${part}`;
}

const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** "2026/1/5", "2026-01-05" or "2026/01/05 10:30" → "2026-01-05" (the day is kept, the time of day is not). */
function isoDay(text: string): string | undefined {
  const m = DATE.exec(text.normalize("NFKC").trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

export type ImportedIsolate = { row: number; patientLabel: string; isolate: CreIsolate };

export type ParsedImport = {
  isolates: ImportedIsolate[];
  errors: FieldError[];
  /** Columns that are not part of the format (other drugs, ESBL flags …): read by nobody, listed so typos show. */
  ignoredColumns: string[];
};

/**
 * Parses a laboratory export of isolates — one row per isolate; columns for the patient label, organism, specimen
 * (and whether it is normally sterile), collection date, one column per drug MIC (`≤`/`>` qualifiers kept), zone
 * diameters and carbapenemase tests — into isolates of the CRE case file. Every bad cell of every row is listed
 * (`rows[3].MEPM`, data rows counted from 1, the column named as in the file); nothing is returned for saving then.
 * Format: docs/api.md, "CRE".
 */
export function parseIsolateCsv(
  csv: string,
  standard: { body: "CLSI" | "EUCAST"; edition: string },
): ParsedImport {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const header = parsed.meta.fields ?? [];
  const columns = header.map((name) => ({ name, meaning: HEADER_LOOKUP.get(squash(name)) }));
  const ignoredColumns = columns.filter((c) => !c.meaning).map((c) => c.name);
  const fieldHeader = (field: FieldColumn) => columns.find((c) => c.meaning?.kind === field)?.name;
  const missing = (["patient", "organism", "specimen"] as const).filter((f) => !fieldHeader(f));
  const fail = (message: string, path = "header"): ParsedImport => ({
    isolates: [],
    errors: [{ path, message }],
    ignoredColumns,
  });
  if (missing.length > 0) return fail(`missing columns: ${missing.join(", ")}`);
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (!c.meaning) continue;
    const key = "drug" in c.meaning ? `${c.meaning.kind}:${c.meaning.drug}` : c.meaning.kind;
    const first = seen.get(key);
    if (first) return fail(`columns "${first}" and "${c.name}" are the same field`);
    seen.set(key, c.name);
  }
  if (parsed.data.length === 0) return fail("no rows", "rows");
  if (parsed.data.length > CRE_IMPORT_MAX_ROWS) return fail(`at most ${CRE_IMPORT_MAX_ROWS} rows`, "rows");

  const errors: FieldError[] = [];
  const isolates: ImportedIsolate[] = [];
  parsed.data.forEach((raw, index) => {
    const row = index + 1;
    const at = (column: string) => `rows[${row}].${column}`;
    const rowErrors: FieldError[] = [];
    const cell = (field: FieldColumn) => {
      const name = fieldHeader(field);
      return name === undefined ? "" : (raw[name] ?? "").trim();
    };
    // Where each part of the isolate came from, to name the column of a schema error.
    const origin = new Map<string, string>();
    const mic: Record<string, string> = {};
    const zoneMm: Record<string, unknown> = {};
    for (const c of columns) {
      const meaning = c.meaning;
      const value = (raw[c.name] ?? "").trim();
      if (!meaning || !("drug" in meaning) || value === "") continue;
      if (meaning.kind === "mic") {
        const mg = meaning.drug === "trimethoprim_sulfamethoxazole" ? trimethoprimPart(value) : value;
        if (typeof mg !== "string") {
          rowErrors.push({ path: at(c.name), message: mg.problem });
          continue;
        }
        mic[meaning.drug] = mg;
        origin.set(`mic.${meaning.drug}`, c.name);
      } else {
        zoneMm[meaning.drug] = /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
        origin.set(`zoneMm.${meaning.drug}`, c.name);
      }
    }

    const label = patientLabel.safeParse(cell("patient"));
    if (!label.success) {
      for (const issue of label.error.issues)
        rowErrors.push({ path: at(fieldHeader("patient")!), message: issue.message });
    }
    const specimenType = cell("specimen");
    const sterileText = cell("sterile_site");
    let sterileSite: boolean | undefined;
    if (sterileText !== "") {
      sterileSite = yesNo(sterileText);
      if (sterileSite === undefined)
        rowErrors.push({ path: at(fieldHeader("sterile_site")!), message: "expected yes or no" });
    } else {
      sterileSite = SPECIMEN_STERILITY[squash(specimenType)];
      if (sterileSite === undefined && specimenType !== "")
        rowErrors.push({
          path: at(fieldHeader("sterile_site") ?? "sterile_site"),
          message: `say whether "${specimenType}" is a normally sterile specimen (yes or no)`,
        });
    }
    let collectedAt: string | undefined;
    const collected = cell("collected");
    if (collected !== "") {
      collectedAt = isoDay(collected);
      if (!collectedAt)
        rowErrors.push({
          path: at(fieldHeader("collected")!),
          message: "expected a date such as 2026-01-05",
        });
    }

    const carbapenemase: Record<string, unknown> = {};
    const number = (text: string) => (/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);
    const mcim = cell("mcim_zone_mm");
    if (mcim !== "") {
      const pinpoint = cell("mcim_pinpoint");
      const pinpointColonies = pinpoint === "" ? false : yesNo(pinpoint);
      if (pinpointColonies === undefined)
        rowErrors.push({ path: at(fieldHeader("mcim_pinpoint")!), message: "expected yes or no" });
      carbapenemase.mCIM = { zoneMm: number(mcim), pinpointColonies: pinpointColonies ?? false };
      origin.set("carbapenemase.mCIM", fieldHeader("mcim_zone_mm")!);
    }
    const ecim = cell("ecim_zone_mm");
    if (ecim !== "") {
      carbapenemase.eCIM = { zoneMm: number(ecim) };
      origin.set("carbapenemase.eCIM", fieldHeader("ecim_zone_mm")!);
    }
    const carbaNp = cell("carba_np");
    if (carbaNp !== "") {
      carbapenemase.carbaNP = CARBA_NP[squash(carbaNp)] ?? carbaNp;
      origin.set("carbapenemase.carbaNP", fieldHeader("carba_np")!);
    }
    const kit = cell("ic_kit");
    const detected = cell("ic_detected");
    if (kit !== "" || detected !== "") {
      carbapenemase.immunochromatography = { kit, detected: enzymeList(detected) };
      origin.set("carbapenemase.immunochromatography.kit", fieldHeader("ic_kit") ?? "ic_kit");
      origin.set("carbapenemase.immunochromatography", fieldHeader("ic_detected") ?? "ic_detected");
    }
    const pcr = cell("pcr_genes");
    if (pcr !== "") {
      carbapenemase.pcr = { genes: enzymeList(pcr) };
      origin.set("carbapenemase.pcr", fieldHeader("pcr_genes")!);
    }
    origin.set("organism", fieldHeader("organism")!);
    origin.set("specimen", fieldHeader("specimen")!);

    const candidate = {
      organism: cell("organism"),
      specimen: { type: specimenType, sterileSite: sterileSite ?? false },
      ...(collectedAt ? { collectedAt } : {}),
      mic,
      zoneMm,
      standard,
      carbapenemase,
    };
    const result = creIsolateSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String);
        let column: string | undefined;
        for (let n = path.length; n > 0 && !column; n--) column = origin.get(path.slice(0, n).join("."));
        const enzymes = `expected one of ${CARBAPENEMASE_ENZYMES.join(", ")}`;
        const message =
          issue.code === "invalid_value" && path.includes("detected")
            ? enzymes
            : issue.code === "invalid_value" && path.includes("genes")
              ? enzymes
              : issue.message;
        rowErrors.push({ path: at(column ?? path.join(".")), message });
      }
    }
    // In the order of the file's columns, so a row reads left to right.
    const columnIndex = (path: string) => {
      const i = header.indexOf(path.slice(`rows[${row}].`.length));
      return i === -1 ? header.length : i;
    };
    errors.push(...rowErrors.sort((a, b) => columnIndex(a.path) - columnIndex(b.path)));
    if (rowErrors.length === 0 && result.success && label.success) {
      isolates.push({ row, patientLabel: label.data, isolate: result.data });
    }
  });
  return { isolates: errors.length > 0 ? [] : isolates, errors, ignoredColumns };
}

/**
 * The id of an imported row: a name-based UUID (RFC 9562 version 5, SHA-1) of the client's import id and the row
 * number, so that sending the same import again finds the same cases instead of adding them twice.
 *
 * @example importedCaseId("6f1c…", 1) // always the same UUID for row 1 of that import
 */
export function importedCaseId(importId: string, row: number): string {
  const namespace = Buffer.from(importId.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(`cre-import-row:${row}`).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

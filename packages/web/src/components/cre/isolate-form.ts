import {
  BREAKPOINT_TABLES,
  CARBAPENEMASE_ENZYMES,
  type CarbaNpResult,
  type CarbapenemaseEnzyme,
  CRE_DRUG_KEYS,
  type CreDrugKey,
  type CreIsolateInput,
  findImmunochromatographyKit,
  IMMUNOCHROMATOGRAPHY_KITS,
  micProblem,
  ZONE_MAX_MM,
  ZONE_MIN_MM,
} from "@mamori/domain/cre";

/**
 * The isolate form of the laboratory as the screen holds it (strings as typed), and its conversion to and from the
 * isolate of the CRE case file (contracts/cre-advise.md). Pure: the components only render it.
 */

export const QUALIFIERS = ["", "≤", "<", "≥", ">"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * Common specimens with whether each is normally sterile: the examples of the notification criteria
 * (通常無菌的であるべき検体: 血液, 腹水, 胸水, 髄液; 通常無菌的ではない検体: 喀痰, 膿, 尿 — cre-reference.md §1.3).
 * `other` lets the technologist name the specimen and say whether it is sterile.
 */
export const SPECIMENS = [
  { kind: "blood", sterile: true },
  { kind: "urine", sterile: false },
  { kind: "sputum", sterile: false },
  { kind: "pus", sterile: false },
  { kind: "ascites", sterile: true },
  { kind: "pleural_fluid", sterile: true },
  { kind: "csf", sterile: true },
  { kind: "other", sterile: false },
] as const;
export type SpecimenKind = (typeof SPECIMENS)[number]["kind"];

/** Specimen types as stored (`specimen.type`): the English word the CSV import also reads. */
const SPECIMEN_TYPE: Record<Exclude<SpecimenKind, "other">, string> = {
  blood: "blood",
  urine: "urine",
  sputum: "sputum",
  pus: "pus",
  ascites: "ascites",
  pleural_fluid: "pleural fluid",
  csf: "CSF",
};

/** The specimen kind of a stored type ("blood", "血液", "pleural fluid" …), or `other`. */
export function specimenKindOf(type: string): SpecimenKind {
  const t = type.normalize("NFKC").trim().toLowerCase();
  const ja: Record<string, SpecimenKind> = {
    血液: "blood",
    尿: "urine",
    喀痰: "sputum",
    膿: "pus",
    腹水: "ascites",
    胸水: "pleural_fluid",
    髄液: "csf",
  };
  if (ja[t]) return ja[t];
  const found = (Object.entries(SPECIMEN_TYPE) as Array<[SpecimenKind, string]>).find(
    ([kind, word]) => word.toLowerCase() === t || kind === t,
  );
  return found ? found[0] : "other";
}

export const STANDARDS = BREAKPOINT_TABLES.map((t) => ({ body: t.body, edition: t.edition }));
export const standardKey = (s: { body: string; edition: string }) => `${s.body} ${s.edition}`;

export const KIT_IDS = IMMUNOCHROMATOGRAPHY_KITS.map((k) => k.id);

export type MicCell = { qualifier: Qualifier; value: string };

export type IsolateForm = {
  patientLabel: string;
  organism: string;
  specimenKind: SpecimenKind;
  specimenOther: string;
  sterileSite: boolean;
  collectedAt: string;
  standard: string;
  mic: Record<CreDrugKey, MicCell>;
  zone: Record<CreDrugKey, string>;
  mcimZone: string;
  pinpoint: boolean;
  ecimZone: string;
  carbaNP: "" | CarbaNpResult;
  /** "" = not done, a kit id, or "other" with `icKitOther`. */
  icKit: string;
  icKitOther: string;
  icDetected: CarbapenemaseEnzyme[];
  pcrDone: boolean;
  pcrGenes: CarbapenemaseEnzyme[];
};

const perDrug = <T>(make: () => T) =>
  Object.fromEntries(CRE_DRUG_KEYS.map((k) => [k, make()])) as Record<CreDrugKey, T>;

export function emptyIsolateForm(): IsolateForm {
  return {
    patientLabel: "",
    organism: "",
    specimenKind: "blood",
    specimenOther: "",
    sterileSite: true,
    collectedAt: "",
    standard: standardKey(STANDARDS[0]!),
    mic: perDrug(() => ({ qualifier: "" as Qualifier, value: "" })),
    zone: perDrug(() => ""),
    mcimZone: "",
    pinpoint: false,
    ecimZone: "",
    carbaNP: "",
    icKit: "",
    icKitOther: "",
    icDetected: [],
    pcrDone: false,
    pcrGenes: [],
  };
}

const LEADING_QUALIFIER: ReadonlyArray<[string, Qualifier]> = [
  ["<=", "≤"],
  [">=", "≥"],
  ["≦", "≤"],
  ["≧", "≥"],
  ["≤", "≤"],
  ["≥", "≥"],
  ["<", "<"],
  [">", ">"],
];

/**
 * A typed MIC split into the qualifier and the number, so "<=0.25" typed into the number box moves "≤" to the
 * qualifier. @example splitMic("<=0.25") // { qualifier: "≤", value: "0.25" }
 */
export function splitMic(text: string, current: Qualifier = ""): MicCell {
  const t = text.normalize("NFKC").trim();
  // ">" then "=" typed one key at a time: the "=" joins the qualifier already moved out of the box.
  if (t.startsWith("=") && (current === ">" || current === "<")) {
    return { qualifier: current === ">" ? "≥" : "≤", value: t.slice(1).trim() };
  }
  for (const [sign, qualifier] of LEADING_QUALIFIER) {
    if (t.startsWith(sign)) return { qualifier, value: t.slice(sign.length).trim() };
  }
  return { qualifier: current, value: t };
}

/** The MIC string of a cell as the case file keeps it ("≤0.25"), or undefined when the cell is empty. */
export function micString(cell: MicCell): string | undefined {
  return cell.value.trim() === "" ? undefined : `${cell.qualifier}${cell.value.trim()}`;
}

export type CellProblem =
  | { kind: "micNotNumber"; value: string }
  | { kind: "micRange"; value: string }
  | { kind: "micRatio"; first: string }
  | { kind: "zone" };

/** Why a MIC cell is not an MIC (the domain's micProblem, as a code the screen translates), or null. */
export function micCellProblem(cell: MicCell): CellProblem | null {
  const text = micString(cell);
  if (text === undefined) return null;
  const problem = micProblem(text);
  if (problem === null) return null;
  if (problem.includes("ratio")) return { kind: "micRatio", first: cell.value.split("/")[0] ?? "" };
  if (problem.includes("outside")) return { kind: "micRange", value: text };
  return { kind: "micNotNumber", value: text };
}

/** Why a zone cell is not a zone diameter (whole mm, 6–50), or null; empty is "not tested". */
export function zoneCellProblem(text: string): CellProblem | null {
  const t = text.trim();
  if (t === "") return null;
  if (!/^\d+$/.test(t)) return { kind: "zone" };
  const n = Number(t);
  return n >= ZONE_MIN_MM && n <= ZONE_MAX_MM ? null : { kind: "zone" };
}

const zoneValue = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text) : text);

/** The isolate of the case file from the form (the server and the domain schema validate it again). */
export function toIsolateInput(form: IsolateForm): CreIsolateInput {
  const [body, edition] = form.standard.split(" ") as ["CLSI" | "EUCAST", string];
  const mic: Partial<Record<CreDrugKey, string>> = {};
  const zoneMm: Partial<Record<CreDrugKey, number>> = {};
  for (const drug of CRE_DRUG_KEYS) {
    const value = micString(form.mic[drug]);
    if (value !== undefined) mic[drug] = value;
    if (form.zone[drug].trim() !== "") zoneMm[drug] = zoneValue(form.zone[drug]) as number;
  }
  const carbapenemase: NonNullable<CreIsolateInput["carbapenemase"]> = {};
  if (form.mcimZone.trim() !== "") {
    carbapenemase.mCIM = { zoneMm: zoneValue(form.mcimZone) as number, pinpointColonies: form.pinpoint };
  }
  if (form.ecimZone.trim() !== "") carbapenemase.eCIM = { zoneMm: zoneValue(form.ecimZone) as number };
  if (form.carbaNP !== "") carbapenemase.carbaNP = form.carbaNP;
  if (form.icKit !== "") {
    carbapenemase.immunochromatography = {
      kit: form.icKit === "other" ? form.icKitOther.trim() : form.icKit,
      detected: CARBAPENEMASE_ENZYMES.filter((e) => form.icDetected.includes(e)),
    };
  }
  if (form.pcrDone) {
    carbapenemase.pcr = { genes: CARBAPENEMASE_ENZYMES.filter((e) => form.pcrGenes.includes(e)) };
  }
  const specimenType =
    form.specimenKind === "other" ? form.specimenOther.trim() : SPECIMEN_TYPE[form.specimenKind];
  return {
    organism: form.organism.trim(),
    specimen: { type: specimenType, sterileSite: form.sterileSite },
    ...(form.collectedAt ? { collectedAt: form.collectedAt } : {}),
    mic,
    zoneMm,
    standard: { body, edition },
    carbapenemase,
  };
}

/** The form of a stored isolate, for correcting it. */
export function fromIsolate(isolate: CreIsolateInput, patientLabel: string): IsolateForm {
  const form = emptyIsolateForm();
  form.patientLabel = patientLabel;
  form.organism = isolate.organism;
  const kind = specimenKindOf(isolate.specimen.type);
  form.specimenKind = kind;
  form.specimenOther = kind === "other" ? isolate.specimen.type : "";
  form.sterileSite = isolate.specimen.sterileSite;
  form.collectedAt = isolate.collectedAt?.slice(0, 10) ?? "";
  form.standard = standardKey(isolate.standard);
  for (const [drug, value] of Object.entries(isolate.mic ?? {}) as Array<[CreDrugKey, string | undefined]>) {
    if (value !== undefined) form.mic[drug] = splitMic(value);
  }
  for (const [drug, value] of Object.entries(isolate.zoneMm ?? {}) as Array<
    [CreDrugKey, number | undefined]
  >) {
    if (value !== undefined) form.zone[drug] = String(value);
  }
  const c = isolate.carbapenemase ?? {};
  if (c.mCIM) {
    form.mcimZone = String(c.mCIM.zoneMm);
    form.pinpoint = c.mCIM.pinpointColonies ?? false;
  }
  if (c.eCIM) form.ecimZone = String(c.eCIM.zoneMm);
  if (c.carbaNP) form.carbaNP = c.carbaNP;
  if (c.immunochromatography) {
    const known = findImmunochromatographyKit(c.immunochromatography.kit);
    form.icKit = known ? known.id : "other";
    form.icKitOther = known ? "" : c.immunochromatography.kit;
    form.icDetected = [...c.immunochromatography.detected];
  }
  if (c.pcr) {
    form.pcrDone = true;
    form.pcrGenes = [...c.pcr.genes];
  }
  return form;
}

import type { InfectionSite } from "./codes.ts";
import type { CreDrugKey } from "./drugs.ts";

/** Sites of the organ table (guide ※2): 尿路, 肺, 腹腔内, 血流, 皮膚軟部組織. */
export const ORGAN_TABLE_SITES = [
  "urinary",
  "lung",
  "intra_abdominal",
  "bloodstream",
  "skin_soft_tissue",
] as const;
export type OrganTableSite = (typeof ORGAN_TABLE_SITES)[number];

/** ○ preferred; △ a partner only, never alone at that site; × never counts as a combination drug at that site. */
export type OrganMark = "o" | "triangle" | "x";

export const ORGAN_TABLE_ROWS = [
  "fluoroquinolone",
  "trimethoprim_sulfamethoxazole",
  "aminoglycoside",
  "tigecycline",
  "fosfomycin",
  "colistin",
  "meropenem",
] as const;
export type OrganTableRow = (typeof ORGAN_TABLE_ROWS)[number];

export type OrganTable = {
  id: string;
  source: string;
  marks: Record<OrganTableRow, Record<OrganTableSite, OrganMark>>;
  /** Drugs of each row, in the order Mamori picks a representative (the guide names levofloxacin and amikacin). */
  drugs: Record<OrganTableRow, CreDrugKey[]>;
  /** ※6: meropenem counts as a partner when its MIC is at most this (mg/L), even if non-susceptible. */
  meropenemPartnerMaxMicMgL: number;
};

/**
 * Guide ※2 「重症例での併用療法において既存薬を使用する場合の感染臓器の条件」 (guide pp.15–20), as data a hospital may review.
 */
export const ORGAN_TABLE_GUIDE_3RD: OrganTable = {
  id: "guide-3rd-ed-note-2",
  source: "guide ※2 (抗微生物薬適正使用の手引き 第三版 別冊 pp.15–20)",
  marks: {
    fluoroquinolone: {
      urinary: "o",
      lung: "o",
      intra_abdominal: "o",
      bloodstream: "o",
      skin_soft_tissue: "o",
    },
    trimethoprim_sulfamethoxazole: {
      urinary: "o",
      lung: "o",
      intra_abdominal: "o",
      bloodstream: "o",
      skin_soft_tissue: "o",
    },
    aminoglycoside: {
      urinary: "o",
      lung: "x",
      intra_abdominal: "triangle",
      bloodstream: "triangle",
      skin_soft_tissue: "triangle",
    },
    tigecycline: {
      urinary: "triangle",
      lung: "triangle",
      intra_abdominal: "o",
      bloodstream: "triangle",
      skin_soft_tissue: "o",
    },
    fosfomycin: {
      urinary: "triangle",
      lung: "x",
      intra_abdominal: "x",
      bloodstream: "x",
      skin_soft_tissue: "x",
    },
    colistin: {
      urinary: "o",
      lung: "x",
      intra_abdominal: "triangle",
      bloodstream: "triangle",
      skin_soft_tissue: "triangle",
    },
    meropenem: { urinary: "o", lung: "o", intra_abdominal: "o", bloodstream: "o", skin_soft_tissue: "o" },
  },
  drugs: {
    fluoroquinolone: ["levofloxacin", "ciprofloxacin"],
    trimethoprim_sulfamethoxazole: ["trimethoprim_sulfamethoxazole"],
    aminoglycoside: ["amikacin", "gentamicin", "tobramycin"],
    tigecycline: ["tigecycline"],
    fosfomycin: ["fosfomycin"],
    colistin: ["colistin"],
    meropenem: ["meropenem"],
  },
  meropenemPartnerMaxMicMgL: 8,
};

/**
 * The organ-table mark of a row at a site. For a site outside the table (`other`) a row counts as ○ only if it is ○ at
 * every listed site, and otherwise as × (the table says nothing about it).
 *
 * Source: guide ※2 and its legend (guide pp.15–20). @example organMark(ORGAN_TABLE_GUIDE_3RD, "aminoglycoside", "lung") // "x"
 */
export function organMark(table: OrganTable, row: OrganTableRow, site: InfectionSite): OrganMark {
  const marks = table.marks[row];
  if (site === "other") return ORGAN_TABLE_SITES.every((s) => marks[s] === "o") ? "o" : "x";
  return marks[site];
}

/**
 * The organ-table row a drug belongs to, or null (new β-lactams, aztreonam, imipenem …).
 *
 * Source: guide ※2 rows (drug classes). @example organRowOf("amikacin") // "aminoglycoside"
 */
export function organRowOf(
  drug: CreDrugKey,
  table: OrganTable = ORGAN_TABLE_GUIDE_3RD,
): OrganTableRow | null {
  return ORGAN_TABLE_ROWS.find((row) => table.drugs[row].includes(drug)) ?? null;
}

import type { BreakpointRow, BreakpointTable } from "./breakpoints/tables.ts";
import type { InfectionSite } from "./codes.ts";
import type { CreDrugKey } from "./drugs.ts";
import { formatMic, type MicInterval, micAbove, micAtLeast, micAtMost } from "./mic.ts";
import type { ResolvedOrganism } from "./organisms.ts";
import type { Tri } from "./tri.ts";

/**
 * S/I/R of one drug: S, I, R; `indeterminate` when a qualified MIC straddles a breakpoint; `no_breakpoint` when the
 * table has none for this drug and organism; `not_tested` when neither MIC nor zone was reported.
 */
export type SirCategory = "S" | "I" | "R" | "indeterminate" | "no_breakpoint" | "not_tested";

export type SusceptibilityResult = {
  drug: CreDrugKey;
  category: SirCategory;
  method: "mic" | "disk" | null;
  /** The reported value (MIC as written, or zone in mm). */
  value: string | null;
  /** The standard and edition the category was read from, e.g. "CLSI M100-Ed35". */
  standard: string;
  /** The breakpoints used, as the standard prints them, e.g. "S ≤ 1, R ≥ 4 mg/L". */
  breakpoint: string | null;
  bracketed: boolean;
  intermediateIsActive: boolean;
  note: string | null;
};

function inScope(row: BreakpointRow, organism: ResolvedOrganism | null): boolean {
  const scope = row.scope;
  if (!scope) return true;
  if (!organism) return false;
  if (scope.species && !scope.species.includes(organism.name)) return false;
  if (scope.families && (organism.family === null || !scope.families.includes(organism.family))) return false;
  if (scope.excludeFamilies && organism.family !== null && scope.excludeFamilies.includes(organism.family)) {
    return false;
  }
  return true;
}

function micCategory(table: BreakpointTable, row: BreakpointRow, mic: MicInterval): SirCategory {
  const bp = row.mic;
  if (!bp) return "no_breakpoint";
  const susceptible: Tri = bp.s === null ? false : micAtMost(mic, bp.s);
  const resistant: Tri = table.body === "CLSI" ? micAtLeast(mic, bp.r) : micAbove(mic, bp.r);
  if (susceptible === true) return "S";
  if (resistant === true) return "R";
  if (susceptible === false && resistant === false) return "I";
  return "indeterminate";
}

function diskCategory(table: BreakpointTable, row: BreakpointRow, zoneMm: number): SirCategory {
  const bp = row.disk;
  if (!bp) return "no_breakpoint";
  if (zoneMm >= bp.s) return "S";
  const resistant = table.body === "CLSI" ? zoneMm <= bp.r : zoneMm < bp.r;
  return resistant ? "R" : "I";
}

function micText(table: BreakpointTable, row: BreakpointRow): string | null {
  const bp = row.mic;
  if (!bp) return null;
  const s = bp.s === null ? "no S" : `S ≤ ${bp.s}`;
  return table.body === "CLSI" ? `${s}, R ≥ ${bp.r} mg/L` : `${s}, R > ${bp.r} mg/L`;
}

function diskText(table: BreakpointTable, row: BreakpointRow): string | null {
  const bp = row.disk;
  if (!bp) return null;
  const r = table.body === "CLSI" ? `R ≤ ${bp.r}` : `R < ${bp.r}`;
  return `${bp.contentUg} µg disk: S ≥ ${bp.s}, ${r} mm`;
}

/**
 * Reads S/I/R for one drug from a versioned breakpoint table, from the MIC when it decides, else from the zone.
 *
 * CLSI: S ≤ s, R ≥ r (disk S ≥ s, R ≤ r). EUCAST: S ≤ s, R > r (disk S ≥ s, R < r). A qualified MIC that lies on both
 * sides of a breakpoint ("≤2" against CLSI meropenem S ≤ 1) gives `indeterminate`; a zone (whole mm) then decides if
 * reported. Rows restricted to species or families (EUCAST tigecycline: E. coli, C. koseri) give `no_breakpoint` for
 * other organisms; a row without a disk breakpoint (EUCAST imipenem for Morganellaceae, tigecycline for C. koseri)
 * leaves a zone uncategorised. A row whose breakpoint holds only for infections originating from some sites (EUCAST
 * aminoglycosides: urinary tract) is `bracketed` at any other site, or when the site is not known.
 *
 * Source: the table passed in (CLSI M100 Ed35 Table 2A-1; EUCAST v15.0), cre-reference.md §2 and its note on how S7
 * encodes breakpoints. Units: MIC mg/L, zone mm.
 * @example interpretSusceptibility(CLSI_M100_ED35, "meropenem", parseMic("2"), undefined, kp).category // "I"
 */
export function interpretSusceptibility(
  table: BreakpointTable,
  drug: CreDrugKey,
  mic: MicInterval | undefined,
  zoneMm: number | undefined,
  organism: ResolvedOrganism | null,
  site?: InfectionSite,
): SusceptibilityResult {
  const standard = `${table.body} ${table.edition}`;
  const base = {
    drug,
    standard,
    bracketed: false,
    intermediateIsActive: false,
    note: null as string | null,
  };
  if (mic === undefined && zoneMm === undefined) {
    return { ...base, category: "not_tested", method: null, value: null, breakpoint: null };
  }
  const rows = table.rows.filter((r) => r.drug === drug);
  const row = rows.find((r) => inScope(r, organism));
  if (!row) {
    const note = rows[0]?.note ?? `${standard} has no breakpoint for ${drug}.`;
    const value = mic ? formatMic(mic) : `${zoneMm} mm`;
    return {
      ...base,
      note,
      category: "no_breakpoint",
      method: mic ? "mic" : "disk",
      value,
      breakpoint: null,
    };
  }
  const bracketedAtSite =
    row.fullAtSites !== undefined && (site === undefined || !row.fullAtSites.includes(site));
  const withRow = {
    ...base,
    bracketed: (row.bracketed ?? false) || bracketedAtSite,
    intermediateIsActive: row.intermediateIsActive ?? false,
    note: row.note ?? null,
  };
  const fromMic = mic ? micCategory(table, row, mic) : undefined;
  const decided = (c: SirCategory | undefined) => c === "S" || c === "I" || c === "R";
  if (mic && (decided(fromMic) || zoneMm === undefined || !row.disk)) {
    return {
      ...withRow,
      category: fromMic ?? "no_breakpoint",
      method: "mic",
      value: formatMic(mic),
      breakpoint: micText(table, row),
    };
  }
  if (zoneMm !== undefined) {
    return {
      ...withRow,
      category: diskCategory(table, row, zoneMm),
      method: "disk",
      value: `${zoneMm} mm`,
      breakpoint: diskText(table, row),
    };
  }
  return { ...withRow, category: "not_tested", method: null, value: null, breakpoint: null };
}

/**
 * Whether a susceptibility result means the drug is active, the condition of the guide's ※1 ("the drugs of the chart are
 * presumed tested and susceptible"): S; EUCAST I ("susceptible, increased exposure"); CLSI I only where the standard has
 * no S category (colistin). R, `not_tested` and `no_breakpoint` are false (susceptibility not confirmed); a qualified
 * MIC that straddles a breakpoint answers "indeterminate".
 *
 * Source: guide ※1 (guide pp.15–20); EUCAST definitions of S, I, R (2019); CLSI M100 Ed35 colistin note.
 * @example isActive({ category: "I", standard: "EUCAST v15.0", … }) // true
 */
export function isActive(result: SusceptibilityResult): Tri {
  switch (result.category) {
    case "S":
      return true;
    case "I":
      return result.standard.startsWith("EUCAST") || result.intermediateIsActive;
    case "indeterminate":
      return "indeterminate";
    default:
      return false;
  }
}

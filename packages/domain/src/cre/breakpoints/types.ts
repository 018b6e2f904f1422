import type { InfectionSite } from "../codes.ts";
import type { CreDrugKey } from "../drugs.ts";

export type StandardBody = "CLSI" | "EUCAST";

/** Which organisms a breakpoint row applies to; absent = every Enterobacterales. */
export type BreakpointScope = {
  families?: string[];
  excludeFamilies?: string[];
  /** Binomials ("Escherichia coli"). */
  species?: string[];
};

/**
 * One breakpoint row, written as the standard prints it.
 * - CLSI: MIC S ≤ `mic.s`, R ≥ `mic.r`, I between; disk S ≥ `disk.s`, R ≤ `disk.r`.
 * - EUCAST: MIC S ≤ `mic.s`, R > `mic.r`, I ("susceptible, increased exposure") between; disk S ≥ `disk.s`, R < `disk.r`.
 * `mic.s` null = the standard gives no S category.
 */
export type BreakpointRow = {
  drug: CreDrugKey;
  scope?: BreakpointScope;
  mic: { s: number | null; r: number } | null;
  disk: { contentUg: string; s: number; r: number } | null;
  /** EUCAST bracketed breakpoint: usable only with the restrictions of the table's note. */
  bracketed?: boolean;
  /**
   * The breakpoint holds as printed only for infections originating from these sites; elsewhere it is bracketed
   * (EUCAST v15 aminoglycosides: 「infections originating from the urinary tract」).
   */
  fullAtSites?: InfectionSite[];
  /** The I category is the only "not resistant" one (CLSI colistin has no S), so it counts as active. */
  intermediateIsActive?: boolean;
  note?: string;
};

export type BreakpointTable = {
  body: StandardBody;
  /** Edition as laboratories name it: "M100-Ed35", "v15.0". */
  edition: string;
  year: number;
  title: string;
  /** Where the numbers were read, with the section of cre-reference.md that restates them. */
  source: string;
  rows: BreakpointRow[];
};

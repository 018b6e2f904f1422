import type { InfectionSite } from "./codes.ts";
import type { CreDrugKey } from "./drugs.ts";
import {
  ORGAN_TABLE_ROWS,
  type OrganMark,
  type OrganTable,
  type OrganTableRow,
  organMark,
} from "./organ-table.ts";

export type CombinationCandidate = { row: OrganTableRow; drug: CreDrugKey };
export type EligibleDrug = CombinationCandidate & { mark: Exclude<OrganMark, "x"> };
export type CombinationPair = {
  drugs: [CreDrugKey, CreDrugKey];
  marks: [OrganMark, OrganMark];
  preferred: boolean;
};

export type SiteCombinations = {
  /** Drugs that may be one of the combination drugs at the site (○ or △), in organ-table order. */
  eligible: EligibleDrug[];
  /** Drugs marked × at the site: they never count as a combination drug there. */
  excluded: CreDrugKey[];
  /** Pairs of eligible drugs from different rows, ○○ first, then ○△, then △△; never aminoglycoside + colistin. */
  pairs: CombinationPair[];
  /** Aminoglycoside + colistin pairs left out by ※5. */
  withheld: Array<[CreDrugKey, CreDrugKey]>;
};

/** Whether aminoglycoside + colistin (※5). */
function forbidden(a: OrganTableRow, b: OrganTableRow): boolean {
  const rows = [a, b];
  return rows.includes("aminoglycoside") && rows.includes("colistin");
}

/**
 * The combinations the organ table allows at a site from the active drugs (one per row): × never counts at the site;
 * ○ is preferred over △; pairs of two different rows, never an aminoglycoside with colistin. A pair is `preferred`
 * when both drugs are ○. Two drugs are the guide's minimum ("2 剤以上"), so pairs are listed; a third drug may be added.
 *
 * Source: guide ※2 and legend (「×の抗菌薬は、該当臓器では併用薬の1剤とはならない」「△よりも○の抗菌薬が優先される」),
 * ※5 (guide pp.15–20). @example siteCombinations(ORGAN_TABLE_GUIDE_3RD, "lung", [{ row: "aminoglycoside", drug: "amikacin" }])
 *   .excluded // ["amikacin"]
 */
export function siteCombinations(
  table: OrganTable,
  site: InfectionSite,
  candidates: readonly CombinationCandidate[],
): SiteCombinations {
  const ordered = [...candidates].sort(
    (a, b) => ORGAN_TABLE_ROWS.indexOf(a.row) - ORGAN_TABLE_ROWS.indexOf(b.row),
  );
  const eligible: EligibleDrug[] = [];
  const excluded: CreDrugKey[] = [];
  for (const c of ordered) {
    const mark = organMark(table, c.row, site);
    if (mark === "x") excluded.push(c.drug);
    else eligible.push({ ...c, mark });
  }
  const pairs: CombinationPair[] = [];
  const withheld: Array<[CreDrugKey, CreDrugKey]> = [];
  for (let i = 0; i < eligible.length; i++) {
    for (let j = i + 1; j < eligible.length; j++) {
      const a = eligible[i];
      const b = eligible[j];
      if (!a || !b || a.row === b.row) continue;
      if (forbidden(a.row, b.row)) {
        withheld.push([a.drug, b.drug]);
        continue;
      }
      pairs.push({
        drugs: [a.drug, b.drug],
        marks: [a.mark, b.mark],
        preferred: a.mark === "o" && b.mark === "o",
      });
    }
  }
  const triangles = (p: CombinationPair) => p.marks.filter((m) => m === "triangle").length;
  pairs.sort((p, q) => triangles(p) - triangles(q));
  return { eligible, excluded, pairs, withheld };
}

/**
 * Whether a row's drug may be given alone at a site: only ○ (△ 「該当臓器において単剤治療を避ける」, × does not count).
 *
 * Source: guide ※2 legend (guide pp.15–20). @example aloneAllowedAtSite(ORGAN_TABLE_GUIDE_3RD, "tigecycline", "bloodstream") // false
 */
export function aloneAllowedAtSite(table: OrganTable, row: OrganTableRow, site: InfectionSite): boolean {
  return organMark(table, row, site) === "o";
}

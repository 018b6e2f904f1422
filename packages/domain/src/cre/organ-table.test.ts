import { describe, expect, it } from "vitest";
import { aloneAllowedAtSite, siteCombinations } from "./combinations.ts";
import type { CreDrugKey } from "./drugs.ts";
import {
  ORGAN_TABLE_GUIDE_3RD,
  ORGAN_TABLE_ROWS,
  ORGAN_TABLE_SITES,
  type OrganMark,
  type OrganTableRow,
  organMark,
} from "./organ-table.ts";
import { SUSCEPTIBLE_MIC, treatmentContext } from "./test-support.ts";
import { adviseTreatment } from "./treatment.ts";

// The organ table as printed in the seed (seeds/000_93415025af6d4950.txt, guide ※2; the excerpt is pp.15–20), copied verbatim: 尿路 肺 腹腔内 血流 皮膚軟部組織.
const SEED_TABLE = `
フルオロキノロン系	○	○	○	○	○
ST合剤	○	○	○	○	○
アミノグリコシド系※5	○	×	△	△	△
チゲサイクリン	△	△	○	△	○
ホスホマイシン(静注)	△	×	×	×	×
コリスチン※5	○	×	△	△	△
メロペネム※6 (MIC≤8µg/mL)	○	○	○	○	○`;
const SYMBOL: Record<string, OrganMark> = { "○": "o", "△": "triangle", "×": "x" };
const seedMarks = new Map<OrganTableRow, OrganMark[]>(
  SEED_TABLE.trim()
    .split("\n")
    .map((line, i) => {
      const marks = line
        .split("\t")
        .slice(1)
        .map((s) => SYMBOL[s.trim()] as OrganMark);
      return [ORGAN_TABLE_ROWS[i] as OrganTableRow, marks];
    }),
);

describe("organ table data (guide ※2)", () => {
  it("equals the seed's table, row by row and site by site", () => {
    for (const row of ORGAN_TABLE_ROWS) {
      expect(ORGAN_TABLE_SITES.map((site) => ORGAN_TABLE_GUIDE_3RD.marks[row][site])).toEqual(
        seedMarks.get(row),
      );
    }
  });

  it("counts a row at a site outside the table only when ○ at every site", () => {
    expect(organMark(ORGAN_TABLE_GUIDE_3RD, "fluoroquinolone", "other")).toBe("o");
    expect(organMark(ORGAN_TABLE_GUIDE_3RD, "aminoglycoside", "other")).toBe("x");
  });
});

// Every drug of every row, at every site: × never counts, △ is never alone, ○ may be alone and is preferred.
// Expected marks come from the seed text above, not from the data under test.
const DRUGS_BY_ROW: Array<[OrganTableRow, CreDrugKey]> = ORGAN_TABLE_ROWS.flatMap((row) =>
  ORGAN_TABLE_GUIDE_3RD.drugs[row].map((drug) => [row, drug] as [OrganTableRow, CreDrugKey]),
);
const CASES = DRUGS_BY_ROW.flatMap(([row, drug]) =>
  ORGAN_TABLE_SITES.map((site, i) => [drug, site, row, seedMarks.get(row)?.[i] as OrganMark] as const),
);

function partnerOf(row: OrganTableRow): CreDrugKey {
  return row === "trimethoprim_sulfamethoxazole" ? "levofloxacin" : "trimethoprim_sulfamethoxazole";
}

describe("organ table, every drug × site, in the combination builder", () => {
  it.each(CASES)("%s at %s (%s: %s)", (drug, site, row, mark) => {
    const partner = partnerOf(row);
    const combos = siteCombinations(ORGAN_TABLE_GUIDE_3RD, site, [
      { row, drug },
      {
        row: partner === "levofloxacin" ? "fluoroquinolone" : "trimethoprim_sulfamethoxazole",
        drug: partner,
      },
    ]);
    const pair = combos.pairs.find((p) => p.drugs.includes(drug));
    if (mark === "x") {
      expect(combos.excluded).toEqual([drug]);
      expect(pair).toBeUndefined();
    } else {
      expect(pair?.drugs).toContain(partner);
      expect(pair?.preferred).toBe(mark === "o");
    }
    expect(aloneAllowedAtSite(ORGAN_TABLE_GUIDE_3RD, row, site)).toBe(mark === "o");
  });
});

describe("organ table, every drug × site, in the treatment advice", () => {
  const nonUrinary = CASES.filter(([, site]) => site !== "urinary");

  it.each(nonUrinary)("severe %s at %s (%s: %s) as a combination partner", (drug, site, row, mark) => {
    const partner = partnerOf(row);
    const mic = {
      [drug]: drug === "meropenem" ? "4" : SUSCEPTIBLE_MIC[drug],
      [partner]: SUSCEPTIBLE_MIC[partner],
    };
    const advice = adviseTreatment(
      treatmentContext({ category: "NON_CP", site, phase: "acute_severe", mic }),
    );
    const withDrug = advice.options.filter((o) => o.drugs.includes(drug));
    if (mark === "x") {
      expect(withDrug).toEqual([]);
      expect(advice.cautions.find((c) => c.code === "EXCLUDED_AT_SITE")?.drugs).toContain(drug);
    } else {
      expect(withDrug).toHaveLength(1);
      expect(withDrug[0]).toMatchObject({
        code: "LEGACY_COMBINATION",
        role: "combination",
        preferred: mark === "o",
      });
      expect(withDrug[0]?.drugs).toEqual(expect.arrayContaining([drug, partner]));
    }
    if (mark === "triangle")
      expect(advice.cautions.find((c) => c.code === "TRIANGLE_NOT_ALONE")?.drugs).toContain(drug);
  });

  it.each(CASES)(
    "%s alone at %s (%s: %s): offered alone only when ○ and active",
    (drug, site, _row, mark) => {
      // The only active drug; meropenem MIC 4 (CLSI R) may be a ※6 partner but is never given alone.
      const mic = { [drug]: drug === "meropenem" ? "4" : SUSCEPTIBLE_MIC[drug] };
      const phase = site === "urinary" ? "low_acuity" : "step_down";
      const advice = adviseTreatment(treatmentContext({ category: "NON_CP", site, phase, mic }));
      const alone = advice.options.filter((o) => o.drugs.length === 1 && o.drugs[0] === drug);
      expect(alone.length > 0).toBe(mark === "o" && drug !== "meropenem");
    },
  );
});

describe("aminoglycoside–colistin exclusion (guide ※5)", () => {
  it.each(["urinary", "intra_abdominal", "bloodstream", "skin_soft_tissue"] as const)(
    "never pairs an aminoglycoside with colistin at %s",
    (site) => {
      const combos = siteCombinations(ORGAN_TABLE_GUIDE_3RD, site, [
        { row: "aminoglycoside", drug: "amikacin" },
        { row: "colistin", drug: "colistin" },
        { row: "tigecycline", drug: "tigecycline" },
      ]);
      expect(combos.withheld).toEqual([["amikacin", "colistin"]]);
      for (const pair of combos.pairs)
        expect(pair.drugs).not.toEqual(expect.arrayContaining(["amikacin", "colistin"]));
      expect(combos.pairs.length).toBe(2);
    },
  );

  it("in a severe bloodstream infection with only amikacin and colistin active, no combination is offered", () => {
    const advice = adviseTreatment(
      treatmentContext({
        category: "NON_CP",
        site: "bloodstream",
        phase: "acute_severe",
        mic: { amikacin: "≤4", gentamicin: "≤1", colistin: "≤0.5" },
      }),
    );
    expect(advice.options.filter((o) => o.role === "combination")).toEqual([]);
    expect(advice.cautions.map((c) => c.code)).toEqual(
      expect.arrayContaining(["NO_AMINOGLYCOSIDE_WITH_COLISTIN", "COMBINATION_NOT_POSSIBLE"]),
    );
  });
});

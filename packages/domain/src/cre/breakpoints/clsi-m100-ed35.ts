import type { BreakpointTable } from "./types.ts";

/**
 * CLSI M100 Ed35 (2025), Table 2A-1 (Enterobacterales), MIC in mg/L and disk zones in mm.
 *
 * Source: cre-reference.md §2.2, rows taken from the msberends/AMR `clinical_breakpoints` data set, guideline
 * "CLSI 2025" (S7, commit 0ca43df4). Tigecycline has no CLSI breakpoint: the row is the FDA interpretive criterion that
 * the same data set carries.
 */
export const CLSI_M100_ED35: BreakpointTable = {
  body: "CLSI",
  edition: "M100-Ed35",
  year: 2025,
  title: "CLSI M100 Performance Standards for Antimicrobial Susceptibility Testing, 35th ed. (2025)",
  source: "cre-reference.md §2.2 (S7: msberends/AMR clinical_breakpoints, CLSI 2025)",
  rows: [
    { drug: "meropenem", mic: { s: 1, r: 4 }, disk: { contentUg: "10", s: 23, r: 19 } },
    {
      drug: "imipenem",
      mic: { s: 1, r: 4 },
      disk: { contentUg: "10", s: 23, r: 19 },
      note: "Morganellaceae have intrinsically raised imipenem MICs.",
    },
    { drug: "ertapenem", mic: { s: 0.5, r: 2 }, disk: { contentUg: "10", s: 22, r: 18 } },
    { drug: "cefmetazole", mic: { s: 16, r: 64 }, disk: { contentUg: "30", s: 16, r: 12 } },
    { drug: "levofloxacin", mic: { s: 0.5, r: 2 }, disk: { contentUg: "5", s: 21, r: 16 } },
    { drug: "ciprofloxacin", mic: { s: 0.25, r: 1 }, disk: { contentUg: "5", s: 26, r: 21 } },
    {
      drug: "trimethoprim_sulfamethoxazole",
      mic: { s: 2, r: 4 },
      disk: { contentUg: "1.25/23.75", s: 16, r: 10 },
      note: "MIC as the trimethoprim component (2/38 → 2).",
    },
    { drug: "amikacin", mic: { s: 4, r: 16 }, disk: { contentUg: "30", s: 20, r: 16 } },
    { drug: "gentamicin", mic: { s: 2, r: 8 }, disk: { contentUg: "10", s: 18, r: 14 } },
    { drug: "tobramycin", mic: { s: 2, r: 8 }, disk: { contentUg: "10", s: 17, r: 12 } },
    {
      drug: "colistin",
      mic: { s: null, r: 4 },
      disk: null,
      intermediateIsActive: true,
      note: "No S category (I ≤ 2, R ≥ 4); broth microdilution only.",
    },
    {
      drug: "tigecycline",
      mic: { s: 2, r: 8 },
      disk: { contentUg: "15", s: 19, r: 14 },
      note: "FDA interpretive criteria; CLSI gives none.",
    },
    {
      drug: "fosfomycin",
      scope: { species: ["Escherichia coli"] },
      mic: { s: 64, r: 256 },
      disk: { contentUg: "200", s: 16, r: 12 },
      note: "E. coli, uncomplicated urinary tract infection only; agar dilution is the reference method.",
    },
    { drug: "ceftazidime_avibactam", mic: { s: 8, r: 16 }, disk: { contentUg: "30/20", s: 21, r: 20 } },
    { drug: "meropenem_vaborbactam", mic: { s: 4, r: 16 }, disk: { contentUg: "20/10", s: 18, r: 14 } },
    { drug: "imipenem_relebactam", mic: { s: 1, r: 4 }, disk: { contentUg: "10/25", s: 25, r: 20 } },
    {
      drug: "cefiderocol",
      mic: { s: 4, r: 16 },
      disk: { contentUg: "30", s: 16, r: 8 },
      note: "MIC in iron-depleted cation-adjusted Mueller-Hinton broth.",
    },
    { drug: "aztreonam", mic: { s: 4, r: 16 }, disk: { contentUg: "30", s: 21, r: 17 } },
  ],
};

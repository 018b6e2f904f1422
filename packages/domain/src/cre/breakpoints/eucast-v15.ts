import type { BreakpointTable } from "./types.ts";

/**
 * EUCAST Clinical Breakpoint Tables v15.0 (2025), Enterobacterales, MIC in mg/L and disk zones in mm.
 *
 * Source: cre-reference.md §2.3, rows from the msberends/AMR `clinical_breakpoints` data set, guideline "EUCAST 2025"
 * (S7, commit 0ca43df4); carbapenem and colistin rows cross-checked with SSI / EURL-PH-AMR (S8). Meropenem is the
 * non-meningitis row. Cefmetazole has no EUCAST breakpoint and is absent.
 */
export const EUCAST_V15: BreakpointTable = {
  body: "EUCAST",
  edition: "v15.0",
  year: 2025,
  title: "EUCAST Breakpoint tables for interpretation of MICs and zone diameters, version 15.0 (2025)",
  source: "cre-reference.md §2.3 (S7: msberends/AMR clinical_breakpoints, EUCAST 2025; S8)",
  rows: [
    {
      drug: "meropenem",
      mic: { s: 2, r: 8 },
      disk: { contentUg: "10", s: 22, r: 16 },
      note: "Infections other than meningitis (meningitis: S ≤ 2, R > 2).",
    },
    {
      drug: "imipenem",
      scope: { families: ["Morganellaceae"] },
      mic: { s: null, r: 4 },
      disk: null,
      note: "Morganellaceae: no S category; EUCAST's disk breakpoint has no S (R < 19 mm), so zones are not categorised: use an MIC.",
    },
    { drug: "imipenem", mic: { s: 2, r: 4 }, disk: { contentUg: "10", s: 22, r: 19 } },
    { drug: "ertapenem", mic: { s: 0.5, r: 0.5 }, disk: { contentUg: "10", s: 23, r: 23 } },
    { drug: "levofloxacin", mic: { s: 0.5, r: 1 }, disk: { contentUg: "5", s: 23, r: 19 } },
    {
      drug: "ciprofloxacin",
      mic: { s: 0.25, r: 0.5 },
      disk: { contentUg: "5", s: 25, r: 22 },
      note: "Infections other than meningitis.",
    },
    {
      drug: "trimethoprim_sulfamethoxazole",
      mic: { s: 2, r: 4 },
      disk: { contentUg: "1.25/23.75", s: 14, r: 11 },
      note: "Expressed as the trimethoprim concentration.",
    },
    {
      drug: "amikacin",
      mic: { s: 8, r: 8 },
      disk: { contentUg: "30", s: 18, r: 18 },
      fullAtSites: ["urinary"],
      note: "Infections originating from the urinary tract; bracketed (8)/(8) for other sites.",
    },
    {
      drug: "gentamicin",
      mic: { s: 2, r: 2 },
      disk: { contentUg: "10", s: 17, r: 17 },
      fullAtSites: ["urinary"],
      note: "Infections originating from the urinary tract; bracketed for other sites.",
    },
    {
      drug: "tobramycin",
      mic: { s: 2, r: 2 },
      disk: { contentUg: "10", s: 16, r: 16 },
      fullAtSites: ["urinary"],
      note: "Infections originating from the urinary tract; bracketed for other sites.",
    },
    {
      drug: "colistin",
      mic: { s: 2, r: 2 },
      disk: null,
      bracketed: true,
      note: "Bracketed breakpoint; broth microdilution only.",
    },
    {
      drug: "tigecycline",
      scope: { species: ["Escherichia coli"] },
      mic: { s: 0.5, r: 0.5 },
      disk: { contentUg: "15", s: 18, r: 18 },
      note: "E. coli and C. koseri only; the disk method is validated for E. coli only.",
    },
    {
      drug: "tigecycline",
      scope: { species: ["Citrobacter koseri"] },
      mic: { s: 0.5, r: 0.5 },
      disk: null,
      note: "C. koseri: MIC only (the disk method is validated for E. coli only): use an MIC method.",
    },
    {
      drug: "fosfomycin",
      scope: { species: ["Escherichia coli"] },
      mic: { s: 8, r: 8 },
      disk: { contentUg: "200", s: 24, r: 24 },
      note: "Intravenous fosfomycin, E. coli, infections originating from the urinary tract.",
    },
    { drug: "ceftazidime_avibactam", mic: { s: 8, r: 8 }, disk: { contentUg: "10/4", s: 13, r: 13 } },
    { drug: "meropenem_vaborbactam", mic: { s: 8, r: 8 }, disk: { contentUg: "20/10", s: 20, r: 20 } },
    {
      drug: "imipenem_relebactam",
      scope: { excludeFamilies: ["Morganellaceae"] },
      mic: { s: 2, r: 2 },
      disk: { contentUg: "10/25", s: 22, r: 22 },
      note: "Not given for Morganellaceae.",
    },
    {
      drug: "cefiderocol",
      mic: { s: 2, r: 2 },
      disk: { contentUg: "30", s: 23, r: 23 },
      note: "MIC in iron-depleted Mueller-Hinton broth.",
    },
    { drug: "aztreonam", mic: { s: 1, r: 4 }, disk: { contentUg: "30", s: 26, r: 21 } },
  ],
};

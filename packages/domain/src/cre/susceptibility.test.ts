import { describe, expect, it } from "vitest";
import { BREAKPOINT_TABLES, CLSI_M100_ED35, EUCAST_V15, findBreakpointTable } from "./breakpoints/tables.ts";
import { CRE_DRUG_KEYS } from "./drugs.ts";
import { parseMic } from "./mic.ts";
import { type ResolvedOrganism, resolveOrganism } from "./organisms.ts";
import { interpretSusceptibility, isActive } from "./susceptibility.ts";

function organism(name: string): ResolvedOrganism {
  const o = resolveOrganism(name);
  if (!o.known) throw new Error(name);
  return o;
}
const kp = organism("Klebsiella pneumoniae");
const clsi = (drug: (typeof CRE_DRUG_KEYS)[number], mic?: string, zone?: number, org = kp) =>
  interpretSusceptibility(CLSI_M100_ED35, drug, mic ? parseMic(mic) : undefined, zone, org);
const eucast = (drug: (typeof CRE_DRUG_KEYS)[number], mic?: string, zone?: number, org = kp) =>
  interpretSusceptibility(EUCAST_V15, drug, mic ? parseMic(mic) : undefined, zone, org);

describe("breakpoint tables as data", () => {
  it("cover every drug of cre-reference.md §2 in both CLSI M100 Ed35 and EUCAST v15.0 (EUCAST has no cefmetazole)", () => {
    for (const drug of CRE_DRUG_KEYS) {
      expect(
        CLSI_M100_ED35.rows.some((r) => r.drug === drug),
        `CLSI ${drug}`,
      ).toBe(true);
      expect(
        EUCAST_V15.rows.some((r) => r.drug === drug),
        `EUCAST ${drug}`,
      ).toBe(drug !== "cefmetazole");
    }
  });

  it("are consistent: CLSI S < R, EUCAST S ≤ R, disk S above R", () => {
    for (const table of BREAKPOINT_TABLES) {
      for (const row of table.rows) {
        if (row.mic && row.mic.s !== null) {
          if (table.body === "CLSI") expect(row.mic.s).toBeLessThan(row.mic.r);
          else expect(row.mic.s).toBeLessThanOrEqual(row.mic.r);
        }
        if (row.disk) expect(row.disk.s).toBeGreaterThanOrEqual(row.disk.r);
      }
    }
  });

  it("are found by body and edition", () => {
    expect(findBreakpointTable("CLSI", "M100-Ed35")?.year).toBe(2025);
    expect(findBreakpointTable("EUCAST", "v15.0")?.year).toBe(2025);
    expect(findBreakpointTable("CLSI", "M100-S22")).toBeUndefined();
  });
});

describe("CLSI M100 Ed35 (cre-reference.md §2.2)", () => {
  it("meropenem S ≤ 1, I = 2, R ≥ 4", () => {
    expect(clsi("meropenem", "1").category).toBe("S");
    expect(clsi("meropenem", "2").category).toBe("I");
    expect(clsi("meropenem", "4").category).toBe("R");
  });

  it("meropenem disk S ≥ 23, I 20–22, R ≤ 19", () => {
    expect(clsi("meropenem", undefined, 23).category).toBe("S");
    expect(clsi("meropenem", undefined, 22).category).toBe("I");
    expect(clsi("meropenem", undefined, 20).category).toBe("I");
    expect(clsi("meropenem", undefined, 19).category).toBe("R");
  });

  it("cefiderocol S ≤ 4, I = 8, R ≥ 16; '>8' is R", () => {
    expect(clsi("cefiderocol", "4").category).toBe("S");
    expect(clsi("cefiderocol", "8").category).toBe("I");
    expect(clsi("cefiderocol", ">8").category).toBe("R");
  });

  it("a qualified MIC that straddles a breakpoint is indeterminate; the zone then decides", () => {
    expect(clsi("meropenem", "≤2").category).toBe("indeterminate");
    const withZone = clsi("meropenem", "≤2", 25);
    expect(withZone).toMatchObject({ category: "S", method: "disk" });
    expect(clsi("levofloxacin", "≤0.12").category).toBe("S");
  });

  it("colistin has no S (I ≤ 2, R ≥ 4) and its I counts as active", () => {
    const c = clsi("colistin", "≤0.5");
    expect(c.category).toBe("I");
    expect(isActive(c)).toBe(true);
    expect(clsi("colistin", "4").category).toBe("R");
  });

  it("an ordinary CLSI I is not active (amikacin 8)", () => {
    expect(isActive(clsi("amikacin", "8"))).toBe(false);
  });

  it("fosfomycin breakpoints apply to E. coli only", () => {
    expect(clsi("fosfomycin", "32", undefined, organism("Escherichia coli")).category).toBe("S");
    expect(clsi("fosfomycin", "32").category).toBe("no_breakpoint");
  });

  it("not tested when neither MIC nor zone is reported", () => {
    expect(clsi("amikacin").category).toBe("not_tested");
    expect(isActive(clsi("amikacin"))).toBe(false);
  });
});

describe("EUCAST v15.0 (cre-reference.md §2.3)", () => {
  it("meropenem S ≤ 2, R > 8: 2 is S, 4 and 8 are I (increased exposure, active), 16 is R", () => {
    expect(eucast("meropenem", "2").category).toBe("S");
    expect(eucast("meropenem", "8").category).toBe("I");
    expect(isActive(eucast("meropenem", "8"))).toBe(true);
    expect(eucast("meropenem", "16").category).toBe("R");
  });

  it("disk S ≥ 22, R < 16", () => {
    expect(eucast("meropenem", undefined, 22).category).toBe("S");
    expect(eucast("meropenem", undefined, 21).category).toBe("I");
    expect(eucast("meropenem", undefined, 16).category).toBe("I");
    expect(eucast("meropenem", undefined, 15).category).toBe("R");
  });

  it("cefiderocol S ≤ 2, R > 2", () => {
    expect(eucast("cefiderocol", "2").category).toBe("S");
    expect(eucast("cefiderocol", "4").category).toBe("R");
  });

  it("tigecycline only for E. coli and C. koseri", () => {
    expect(eucast("tigecycline", "0.5", undefined, organism("Escherichia coli")).category).toBe("S");
    expect(eucast("tigecycline", "0.5").category).toBe("no_breakpoint");
  });

  it("imipenem for Morganellaceae has no S", () => {
    expect(eucast("imipenem", "1", undefined, organism("Proteus mirabilis")).category).toBe("I");
    expect(eucast("imipenem", "1").category).toBe("S");
  });

  it("cefmetazole has no EUCAST breakpoint", () => {
    expect(eucast("cefmetazole", "64").category).toBe("no_breakpoint");
  });
});

import { describe, expect, it } from "vitest";
import { importedCaseId, parseIsolateCsv, trimethoprimPart } from "./import-isolates.ts";

const CLSI = { body: "CLSI", edition: "M100-Ed35" } as const;

describe("trimethoprim part of a VITEK trimethoprim-sulfamethoxazole result", () => {
  // VITEK 2 prints the sum of trimethoprim and sulfamethoxazole in the 1:19 ratio: ≤20 = 1/19, 40 = 2/38,
  // 80 = 4/76, 160 = 8/152, ≥320 = 16/304; the case file takes the trimethoprim part (contracts/cre-advise.md).
  it.each([
    ["≤20", "≤1"],
    ["<=20", "<=1"],
    ["40", "2"],
    ["80", "4"],
    ["160", "8"],
    ["≥320", "≥16"],
    [">320", ">16"],
    ["10", "0.5"],
    ["2/38", "2"],
    ["≤1/19", "≤1"],
  ])("%s → %s", (vitek, part) => {
    expect(trimethoprimPart(vitek)).toBe(part);
  });

  it("refuses what is not an MIC", () => {
    expect(trimethoprimPart("R")).toEqual({ problem: expect.stringContaining("is not an MIC") });
  });
});

describe("parseIsolateCsv", () => {
  it("reads a laboratory export: Japanese abbreviations, qualifiers kept, sterility from the specimen", () => {
    const csv = [
      "患者ID,菌名,検体,採取日,MEPM,IPM/CS,CMZ,LVFX,ST,AMK,ESBL,mcim_zone_mm,ecim_zone_mm,ic_kit,ic_detected",
      "12345,Klebsiella pneumoniae,血液,2026/1/15,4,2,>32,≤0.12,≤20,≤4,-,6,17,NG-Test CARBA 5,IMP",
      "12346,大腸菌,尿,2026-01-16 09:30,≤0.25,≤1,≤1,>4,≥320,16,+,,,,",
    ].join("\n");
    const result = parseIsolateCsv(csv, CLSI);
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns).toEqual(["ESBL"]);
    expect(result.isolates).toHaveLength(2);
    const [first, second] = result.isolates;
    expect(first).toMatchObject({
      row: 1,
      patientLabel: "12345",
      isolate: {
        organism: "Klebsiella pneumoniae",
        specimen: { type: "血液", sterileSite: true },
        collectedAt: "2026-01-15",
        mic: {
          meropenem: "4",
          imipenem: "2",
          cefmetazole: ">32",
          levofloxacin: "≤0.12",
          trimethoprim_sulfamethoxazole: "≤1",
          amikacin: "≤4",
        },
        standard: CLSI,
        carbapenemase: {
          mCIM: { zoneMm: 6, pinpointColonies: false },
          eCIM: { zoneMm: 17 },
          immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] },
        },
      },
    });
    expect(second).toMatchObject({
      isolate: {
        organism: "大腸菌",
        specimen: { type: "尿", sterileSite: false },
        collectedAt: "2026-01-16",
        mic: { trimethoprim_sulfamethoxazole: "≥16" },
        carbapenemase: {},
      },
    });
  });

  it("lists every bad cell of every row, by the column as the file names it, and returns nothing to save", () => {
    const csv = [
      "patient,organism,specimen,sterile_site,collected,MEPM,meropenem_zone,ST,carba_np,pcr_genes",
      "A1,Klebsiela pneumonia,blood,yes,2026-01-15,R,,≤20,positive,",
      "A2,Escherichia coli,drain fluid,,15/01/2026,2,70,abc,maybe,VIM;XYZ",
      ",Escherichia coli,blood,perhaps,,2,,,,",
      "A4,Escherichia coli,blood,,,2,,,,",
    ].join("\n");
    const result = parseIsolateCsv(csv, CLSI);
    expect(result.isolates).toEqual([]);
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual([
      "rows[1].organism",
      "rows[1].MEPM",
      "rows[2].sterile_site",
      "rows[2].collected",
      "rows[2].meropenem_zone",
      "rows[2].ST",
      "rows[2].carba_np",
      "rows[2].pcr_genes",
      "rows[3].patient",
      "rows[3].sterile_site",
    ]);
    const message = (path: string) => result.errors.find((e) => e.path === path)?.message;
    expect(message("rows[1].organism")).toContain("Klebsiella pneumoniae");
    expect(message("rows[1].MEPM")).toContain('"R" is not an MIC');
    expect(message("rows[2].sterile_site")).toBe(
      'say whether "drain fluid" is a normally sterile specimen (yes or no)',
    );
    expect(message("rows[2].meropenem_zone")).toContain("6–50 mm");
    expect(message("rows[2].pcr_genes")).toBe("expected one of KPC, OXA48, VIM, IMP, NDM");
    expect(message("rows[3].sterile_site")).toBe("expected yes or no");
  });

  it("refuses a file without the required columns, with two columns for one drug, or without rows", () => {
    expect(parseIsolateCsv("organism,MEPM\nE. coli,2", CLSI).errors).toEqual([
      { path: "header", message: "missing columns: patient, specimen" },
    ]);
    expect(
      parseIsolateCsv("patient,organism,specimen,MEPM,meropenem\nA,E. coli,blood,2,2", CLSI).errors,
    ).toEqual([{ path: "header", message: 'columns "MEPM" and "meropenem" are the same field' }]);
    expect(parseIsolateCsv("patient,organism,specimen\n", CLSI).errors).toEqual([
      { path: "rows", message: "no rows" },
    ]);
  });
});

describe("importedCaseId", () => {
  it("is a version-5 UUID fixed by the import id and the row", () => {
    const importId = "6f1c2a4e-8b0d-4c3e-9f1a-2b3c4d5e6f70";
    const id = importedCaseId(importId, 1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedCaseId(importId, 1)).toBe(id);
    expect(importedCaseId(importId, 2)).not.toBe(id);
    expect(importedCaseId("0e1c2a4e-8b0d-4c3e-9f1a-2b3c4d5e6f70", 1)).not.toBe(id);
  });
});

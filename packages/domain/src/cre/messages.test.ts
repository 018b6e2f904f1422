import { describe, expect, it } from "vitest";
import { CEFIDEROCOL_REASON_CODES } from "./cefiderocol.ts";
import { CARBAPENEMASE_TESTS, CRE_CRITERIA, INFECTION_SITES, MECHANISM_CATEGORIES } from "./codes.ts";
import { CRE_DRUG_KEYS } from "./drugs.ts";
import { CRE_MESSAGES, creDrugName, creText } from "./messages.ts";
import { SEVERITY_TABLE_7 } from "./severity-data.ts";
import { CAUTION_CODES, DOSE_KEYS, OPTION_CODES } from "./treatment-types.ts";

// Screens are Japanese first: every code the rules emit must have a Japanese and an English text.
describe("display texts", () => {
  it("every kind has non-empty ja and en for each of its codes", () => {
    for (const [kind, entries] of Object.entries(CRE_MESSAGES)) {
      for (const [code, text] of Object.entries(entries)) {
        expect(text.ja, `${kind}.${code}.ja`).not.toBe("");
        expect(text.en, `${kind}.${code}.en`).not.toBe("");
      }
    }
  });

  it("covers every code list", () => {
    const covered = (kind: keyof typeof CRE_MESSAGES, list: readonly string[]) =>
      expect(Object.keys(CRE_MESSAGES[kind]).sort()).toEqual([...list].sort());
    covered("option", OPTION_CODES);
    covered("caution", CAUTION_CODES);
    covered("dose", DOSE_KEYS);
    covered("cefiderocolReason", CEFIDEROCOL_REASON_CODES);
    covered("mechanism", MECHANISM_CATEGORIES);
    covered("test", CARBAPENEMASE_TESTS);
    covered("criterion", CRE_CRITERIA);
    covered("site", INFECTION_SITES);
  });

  it("names drugs and checklist items in both languages", () => {
    for (const drug of CRE_DRUG_KEYS) {
      expect(creDrugName(drug, "ja")).toMatch(/[ァ-ヶ]/);
      expect(creDrugName(drug, "en")).toMatch(/^[a-z]/);
    }
    for (const domain of SEVERITY_TABLE_7)
      for (const item of domain.items) expect(item.ja && item.en).toBeTruthy();
    expect(creText("mechanism", "MBL", "ja")).toBe("メタロ-β-ラクタマーゼ産生CPE");
  });
});

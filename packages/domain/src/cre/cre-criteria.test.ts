import { describe, expect, it } from "vitest";
import { type CreLabValues, classifyCre } from "./cre-criteria.ts";
import type { CreDrugKey } from "./drugs.ts";
import { parseMic } from "./mic.ts";
import { notificationCriteria } from "./notification-criteria.ts";

// Every expected value is the 届出基準 of カルバペネム耐性腸内細菌目細菌感染症 (cre-reference.md §1.2, S1/S2/S21):
// ア MEPM MIC ≥ 2 or zone ≤ 22 mm; イ (IPM MIC ≥ 2 or zone ≤ 22) and (CMZ MIC ≥ 64 or zone ≤ 12).
const inForce = notificationCriteria("mhlw-2014");
const proposal = notificationCriteria("amr-subcommittee-proposal");

function values(
  mic: Partial<Record<CreDrugKey, string>>,
  zoneMm: Partial<Record<CreDrugKey, number>> = {},
): CreLabValues {
  return {
    mic: Object.fromEntries(Object.entries(mic).map(([k, v]) => [k, parseMic(v as string)])),
    zoneMm,
  };
}

describe("criterion ア: meropenem", () => {
  it("MIC 1 is not CRE, MIC 2 is (both sides of ≥ 2)", () => {
    expect(classifyCre(values({ meropenem: "1", imipenem: "1" }), true, inForce).value).toBe(false);
    const two = classifyCre(values({ meropenem: "2" }), true, inForce);
    expect(two).toMatchObject({ value: true, criterion: "meropenem_mic_ge_2" });
  });

  it("zone 23 mm is not CRE, 22 mm is (both sides of ≤ 22)", () => {
    expect(classifyCre(values({ imipenem: "1" }, { meropenem: 23 }), true, inForce).value).toBe(false);
    expect(classifyCre(values({}, { meropenem: 22 }), true, inForce)).toMatchObject({
      value: true,
      criterion: "meropenem_zone_le_22",
    });
  });

  it("MIC or disk: a zone ≤ 22 makes a CRE even when the MIC is below 2", () => {
    expect(classifyCre(values({ meropenem: "1" }, { meropenem: 21 }), true, inForce).criterion).toBe(
      "meropenem_zone_le_22",
    );
  });

  it("MEPM-R with IPM-S is notifiable (NIID Q&A Q3, IMP-6)", () => {
    expect(classifyCre(values({ meropenem: "4", imipenem: "0.5" }), true, inForce).value).toBe(true);
  });
});

describe("criterion イ: imipenem and cefmetazole", () => {
  it.each([
    ["1", "64", false],
    ["2", "32", false],
    ["2", "64", true],
    ["1", "32", false],
  ])("IPM %s with CMZ %s → %s", (ipm, cmz, expected) => {
    const result = classifyCre(values({ meropenem: "0.5", imipenem: ipm, cefmetazole: cmz }), true, inForce);
    expect(result.value).toBe(expected);
    if (expected) expect(result.criterion).toBe("imipenem_and_cefmetazole");
  });

  it("zones: IPM 22 mm and CMZ 12 mm meet it; IPM 23 mm or CMZ 13 mm do not", () => {
    expect(
      classifyCre(values({ meropenem: "0.5" }, { imipenem: 22, cefmetazole: 12 }), true, inForce).value,
    ).toBe(true);
    expect(
      classifyCre(values({ meropenem: "0.5" }, { imipenem: 23, cefmetazole: 12 }), true, inForce).value,
    ).toBe(false);
    expect(
      classifyCre(values({ meropenem: "0.5" }, { imipenem: 22, cefmetazole: 13 }), true, inForce).value,
    ).toBe(false);
  });

  it("is a versioned switch: the AMR subcommittee proposal drops it (cre-reference.md §1.1, S5)", () => {
    const isolate = values({ meropenem: "0.5", imipenem: "4", cefmetazole: ">32" });
    expect(classifyCre(isolate, true, inForce).value).toBe(true);
    const withoutBranch = classifyCre(isolate, true, proposal);
    expect(withoutBranch.value).toBe(false);
    expect(withoutBranch.imipenemCefmetazoleBranch).toBe(false);
  });
});

describe("qualified MICs and missing values (cre-stewardship.md §2)", () => {
  it('"≤2" for meropenem leaves the rule undecided when イ is not met', () => {
    const result = classifyCre(values({ meropenem: "≤2", imipenem: "≤1" }), true, inForce);
    expect(result).toMatchObject({ value: "indeterminate", criterion: null });
  });

  it('"≤2" with a zone ≤ 22 is a CRE (either method suffices); with a zone of 25 it stays undecided, as the MIC may be 2', () => {
    expect(
      classifyCre(values({ meropenem: "≤2", imipenem: "≤1" }, { meropenem: 22 }), true, inForce).value,
    ).toBe(true);
    expect(
      classifyCre(values({ meropenem: "≤2", imipenem: "≤1" }, { meropenem: 25 }), true, inForce).value,
    ).toBe("indeterminate");
  });

  it('">1" is ≥ 2 on the dilution scale: CRE', () => {
    expect(classifyCre(values({ meropenem: ">1" }), true, inForce).value).toBe(true);
  });

  it('CMZ ">32" is ≥ 64; CMZ "≥32" leaves イ undecided', () => {
    expect(
      classifyCre(values({ meropenem: "≤0.25", imipenem: "2", cefmetazole: ">32" }), true, inForce).value,
    ).toBe(true);
    expect(
      classifyCre(values({ meropenem: "≤0.25", imipenem: "2", cefmetazole: "≥32" }), true, inForce).value,
    ).toBe("indeterminate");
  });

  it("a meropenem value missing leaves the rule undecided and is named", () => {
    const result = classifyCre(values({ imipenem: "1" }), true, inForce);
    expect(result.value).toBe("indeterminate");
    expect(result.missing).toContain("meropenem");
  });

  it("an organism outside Enterobacterales is never a CRE", () => {
    expect(classifyCre(values({ meropenem: ">8" }), false, inForce).value).toBe(false);
  });
});

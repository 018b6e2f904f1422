import { describe, expect, it } from "vitest";
import {
  classifyMechanism,
  findImmunochromatographyKit,
  interpretEcim,
  interpretMcim,
} from "./carbapenemase.ts";

// mCIM / eCIM cut-offs: CLSI M100 Table 3C as restated in cre-reference.md §3.2–3.3 (S10, S11); categories: §3.6.
describe("mCIM (cre-reference.md §3.2)", () => {
  it.each([
    [6, false, "positive"],
    [15, false, "positive"],
    [15, true, "positive"],
    [16, false, "indeterminate"],
    [16, true, "positive"],
    [18, false, "indeterminate"],
    [18, true, "positive"],
    [19, false, "negative"],
    [19, true, "indeterminate"],
    [25, true, "indeterminate"],
  ] as const)("zone %i mm, pinpoint colonies %s → %s", (zoneMm, pinpointColonies, expected) => {
    expect(interpretMcim({ zoneMm, pinpointColonies })).toBe(expected);
  });
});

describe("eCIM (cre-reference.md §3.3)", () => {
  it("+4 mm is MBL negative, +5 mm MBL positive", () => {
    expect(interpretEcim("positive", 6, 10, true)).toBe("mbl_negative");
    expect(interpretEcim("positive", 6, 11, true)).toBe("mbl_positive");
    expect(interpretEcim("positive", 12, 16, true)).toBe("mbl_negative");
    expect(interpretEcim("positive", 12, 17, true)).toBe("mbl_positive");
  });

  it("is not read when the mCIM is not positive, nor outside Enterobacterales", () => {
    expect(interpretEcim("negative", 20, 26, true)).toBe("not_interpreted");
    expect(interpretEcim("indeterminate", 17, 25, true)).toBe("not_interpreted");
    expect(interpretEcim("positive", 6, 20, false)).toBe("not_interpreted");
  });
});

describe("mechanism categories and next test (cre-reference.md §3.6; guide 微生物学的診断, 図1)", () => {
  it("IMP by immunochromatography → MBL, nothing more to test", () => {
    expect(
      classifyMechanism({ immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] } }, true, true),
    ).toMatchObject({ category: "MBL", enzymes: ["IMP"], nextTests: [] });
  });

  it.each([
    ["NDM", "MBL"],
    ["VIM", "MBL"],
    ["KPC", "KPC"],
    ["OXA48", "OXA48"],
  ] as const)("PCR %s → %s", (gene, category) => {
    expect(classifyMechanism({ pcr: { genes: [gene] } }, true, true).category).toBe(category);
  });

  it("an MBL enzyme wins over a co-produced KPC", () => {
    expect(classifyMechanism({ pcr: { genes: ["KPC", "NDM"] } }, true, true)).toMatchObject({
      category: "MBL",
      enzymes: ["KPC", "NDM"],
    });
  });

  it("mCIM + with eCIM +5 mm → MBL; +4 mm → serine carbapenemase, type it next", () => {
    expect(
      classifyMechanism({ mCIM: { zoneMm: 6, pinpointColonies: false }, eCIM: { zoneMm: 11 } }, true, true),
    ).toMatchObject({
      category: "MBL",
      nextTests: [],
    });
    expect(
      classifyMechanism({ mCIM: { zoneMm: 6, pinpointColonies: false }, eCIM: { zoneMm: 10 } }, true, true),
    ).toMatchObject({
      category: "CPE_SERINE_UNTYPED",
      nextTests: ["immunochromatography", "pcr"],
    });
  });

  it("mCIM + alone → CPE_UNTYPED; next eCIM or enzyme typing", () => {
    expect(classifyMechanism({ mCIM: { zoneMm: 12, pinpointColonies: false } }, true, true)).toMatchObject({
      category: "CPE_UNTYPED",
      nextTests: ["eCIM", "immunochromatography", "pcr"],
    });
  });

  it("Carba NP + alone → CPE_UNTYPED; next mCIM with eCIM, or enzyme typing", () => {
    expect(classifyMechanism({ carbaNP: "positive" }, true, true)).toMatchObject({
      category: "CPE_UNTYPED",
      nextTests: ["mCIM", "eCIM", "immunochromatography", "pcr"],
    });
  });

  it("mCIM 19 mm clear → NON_CP; 18 mm without pinpoint colonies → UNRESOLVED", () => {
    expect(classifyMechanism({ mCIM: { zoneMm: 19, pinpointColonies: false } }, true, true)).toMatchObject({
      category: "NON_CP",
      nextTests: [],
    });
    const unresolved = classifyMechanism({ mCIM: { zoneMm: 18, pinpointColonies: false } }, true, true);
    expect(unresolved.category).toBe("UNRESOLVED");
    expect(unresolved.nextTests).toContain("carbaNP");
  });

  it("mCIM 19 mm with pinpoint colonies → UNRESOLVED; 18 mm with pinpoint colonies → CPE", () => {
    expect(classifyMechanism({ mCIM: { zoneMm: 19, pinpointColonies: true } }, true, true).category).toBe(
      "UNRESOLVED",
    );
    expect(classifyMechanism({ mCIM: { zoneMm: 18, pinpointColonies: true } }, true, true).category).toBe(
      "CPE_UNTYPED",
    );
  });

  it("Carba NP invalid → UNRESOLVED; negative → NON_CP with the OXA-48 caveat", () => {
    expect(classifyMechanism({ carbaNP: "invalid" }, true, true).category).toBe("UNRESOLVED");
    const negative = classifyMechanism({ carbaNP: "negative" }, true, true);
    expect(negative.category).toBe("NON_CP");
    expect(negative.notes).toContain("CARBA_NP_MISSES_OXA48");
  });

  it("nothing tested: NOT_TESTED, next mCIM or Carba NP when the screen is positive, nothing when negative", () => {
    expect(classifyMechanism({}, true, true)).toMatchObject({
      category: "NOT_TESTED",
      nextTests: ["mCIM", "carbaNP"],
    });
    expect(classifyMechanism({}, true, "indeterminate").nextTests).toEqual(["mCIM", "carbaNP"]);
    expect(classifyMechanism({}, true, false)).toMatchObject({ category: "NOT_TESTED", nextTests: [] });
  });

  it("a kit without IMP that detects nothing rules nothing out (cre-reference.md §3.5, §8.7)", () => {
    const result = classifyMechanism(
      {
        mCIM: { zoneMm: 6, pinpointColonies: false },
        immunochromatography: { kit: "RESIST-5 O.O.K.N.V.", detected: [] },
      },
      true,
      true,
    );
    expect(result.category).toBe("CPE_UNTYPED");
    expect(result.notes).toContain("KIT_WITHOUT_IMP");
    expect(result.nextTests).toContain("pcr");
  });

  it("eCIM is not read for organisms outside Enterobacterales", () => {
    const result = classifyMechanism(
      { mCIM: { zoneMm: 6, pinpointColonies: false }, eCIM: { zoneMm: 20 } },
      false,
      true,
    );
    expect(result.category).toBe("CPE_UNTYPED");
    expect(result.notes).toContain("ECIM_NOT_FOR_NON_ENTEROBACTERALES");
  });

  it("kits are found by the spellings laboratories use", () => {
    expect(findImmunochromatographyKit("ng-test carba5")?.targets).toContain("IMP");
    expect(findImmunochromatographyKit("unknown kit")).toBeUndefined();
  });
});

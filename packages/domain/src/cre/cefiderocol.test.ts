import { describe, expect, it } from "vitest";
import { type CefiderocolCheckInput, checkCefiderocol } from "./cefiderocol.ts";
import { surveyRequired } from "./survey.ts";
import type { TreatmentAdvice } from "./treatment-types.ts";

// Verdicts: cre-stewardship.md §6 from MHLW 事務連絡 2024-01-25 記1–記2 and guide ② (cefiderocol kept for MBL-CPE,
// 「MBL 産生以外の CPE 感染症、non-CP-CRE 感染症での使用は極力控えるべき」).
const none: TreatmentAdvice = { phase: "acute_severe", options: [], cautions: [] };
const withFq: TreatmentAdvice = {
  phase: "low_acuity",
  cautions: [],
  options: [
    {
      code: "NON_BETA_LACTAM_MONOTHERAPY",
      drugs: ["levofloxacin"],
      role: "monotherapy",
      preferred: true,
      doses: ["levofloxacin"],
      marks: ["o"],
      source: "guide ① まとめ",
    },
  ],
};
const base: CefiderocolCheckInput = {
  ordered: true,
  enterobacterales: true,
  cre: true,
  category: "MBL",
  phase: "acute_severe",
  site: "bloodstream",
  cefiderocolActive: true,
  advice: none,
  consulted: true,
};
const check = (over: Partial<CefiderocolCheckInput>) => checkCefiderocol({ ...base, ...over });
const reasonCodes = (over: Partial<CefiderocolCheckInput>) => check(over).reasons.map((r) => r.code);

describe("cefiderocol appropriateness", () => {
  it("MBL, severe non-urinary: appropriate", () => {
    expect(check({})).toEqual({
      verdict: "appropriate",
      reasons: [
        { code: "MBL_CPE", source: "guide ②" },
        { code: "SEVERE_NON_URINARY", source: "guide ① まとめ, ②" },
      ],
    });
  });

  it("MBL, non-severe with no active alternative: appropriate; with an active FQ: questionable", () => {
    expect(check({ phase: "low_acuity", advice: none }).verdict).toBe("appropriate");
    expect(check({ phase: "low_acuity", advice: withFq })).toMatchObject({ verdict: "questionable" });
    expect(reasonCodes({ phase: "low_acuity", advice: withFq })).toContain("ACTIVE_ALTERNATIVE_EXISTS");
  });

  it("MBL stabilised with an oral step-down available: questionable", () => {
    expect(check({ phase: "step_down", advice: withFq }).verdict).toBe("questionable");
  });

  it.each(["KPC", "OXA48", "CPE_SERINE_UNTYPED", "NON_CP"] as const)(
    "%s with an active alternative: inappropriate; without: questionable",
    (category) => {
      expect(check({ category, advice: withFq }).verdict).toBe("inappropriate");
      expect(check({ category, advice: none }).verdict).toBe("questionable");
    },
  );

  it("mechanism not yet known: questionable, test first", () => {
    for (const category of ["CPE_UNTYPED", "UNRESOLVED", "NOT_TESTED"] as const) {
      expect(check({ category })).toMatchObject({ verdict: "questionable" });
      expect(reasonCodes({ category })).toContain("MECHANISM_UNKNOWN");
    }
  });

  it("not CRE or not Enterobacterales: inappropriate; CRE undecided: questionable", () => {
    expect(check({ cre: false }).verdict).toBe("inappropriate");
    expect(check({ enterobacterales: false }).verdict).toBe("inappropriate");
    expect(check({ cre: "indeterminate" }).verdict).toBe("questionable");
  });

  it("cefiderocol susceptibility not confirmed (※1): questionable", () => {
    expect(check({ cefiderocolActive: false })).toMatchObject({ verdict: "questionable" });
  });

  it("a missing consultation is a finding whatever the verdict (記2)", () => {
    expect(reasonCodes({ consulted: false })).toContain("NO_CONSULTATION");
    expect(reasonCodes({ consulted: undefined, cre: false })).toContain("NO_CONSULTATION");
    expect(check({ consulted: false }).verdict).toBe("pending_consultation");
    expect(reasonCodes({})).not.toContain("NO_CONSULTATION");
  });

  it("no order: not_ordered", () => {
    expect(check({ ordered: false })).toEqual({ verdict: "not_ordered", reasons: [] });
  });
});

describe("national survey (記3, 参考2)", () => {
  it("is required for a CRE treated with cefiderocol, and only then", () => {
    expect(surveyRequired(true, true)).toBe(true);
    expect(surveyRequired(true, false)).toBe(false);
    expect(surveyRequired(false, true)).toBe(false);
    expect(surveyRequired("indeterminate", true)).toBe(false);
  });
});

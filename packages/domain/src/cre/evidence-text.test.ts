import { describe, expect, it } from "vitest";
import { comparisonText } from "./evidence-text.ts";

describe("comparisonText", () => {
  it("never doubles a qualified MIC with the rule's sign (「MIC ≥64 ≥ 64」)", () => {
    const check = { method: "mic", value: "≥64", comparison: "≥", threshold: 64, result: true } as const;
    expect(comparisonText("cefmetazole", check, "ja")).toBe("セフメタゾール MIC ≥64（基準 64以上を満たす）");
    expect(comparisonText("cefmetazole", check, "en")).toBe("cefmetazole MIC ≥64 (meets ≥ 64)");
    expect(comparisonText("meropenem", { ...check, value: "≤0.25", threshold: 2, result: false }, "ja")).toBe(
      "メロペネム MIC ≤0.25（基準 2以上を満たさない）",
    );
  });

  it("keeps a plain value as a comparison: 「メロペネム MIC 4 ≥ 2」", () => {
    const check = { method: "mic", value: "4", comparison: "≥", threshold: 2, result: true } as const;
    expect(comparisonText("meropenem", check, "ja")).toBe("メロペネム MIC 4 ≥ 2");
  });
});

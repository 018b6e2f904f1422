import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTemperature } from "./temperature.ts";

// Cut-offs: manual p.33–34 and 付録4① — fever ≥ 38.0 °C or ≥ usual + 1.0 °C; low-grade fever 37.5 ≤ t < 38.0.
describe("classifyTemperature", () => {
  it("37.9 °C is a low-grade fever and 38.0 °C a fever (manual p.33)", () => {
    expect(classifyTemperature(37.9)).toBe("low_grade_fever");
    expect(classifyTemperature(38.0)).toBe("fever");
  });

  it("37.4 °C is normal and 37.5 °C a low-grade fever", () => {
    expect(classifyTemperature(37.4)).toBe("normal");
    expect(classifyTemperature(37.5)).toBe("low_grade_fever");
  });

  it("usual + 0.9 °C is not a fever, usual + 1.0 °C is (平熱より1℃以上の上昇, manual p.34)", () => {
    expect(classifyTemperature(37.1, 36.2)).toBe("normal");
    expect(classifyTemperature(37.2, 36.2)).toBe("fever");
    expect(classifyTemperature(37.5, 36.6)).toBe("low_grade_fever");
    expect(classifyTemperature(37.6, 36.6)).toBe("fever");
  });

  it("a high usual temperature never lowers the 38.0 °C cut-off", () => {
    expect(classifyTemperature(38.0, 37.5)).toBe("fever");
    expect(classifyTemperature(37.9, 37.5)).toBe("low_grade_fever");
  });

  it("is monotone: a higher reading is never a milder class", () => {
    const rank = { normal: 0, low_grade_fever: 1, fever: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 450 }),
        fc.integer({ min: 0, max: 20 }),
        fc.option(fc.integer({ min: 350, max: 375 }), { nil: undefined }),
        (t, step, base) => {
          const usual = base === undefined ? undefined : base / 10;
          const lower = classifyTemperature(t / 10, usual);
          const higher = classifyTemperature((t + step) / 10, usual);
          return rank[higher] >= rank[lower];
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { formatCaps, formatMl, formatPercent } from "./dilution-text.ts";

describe("dilution text", () => {
  it("writes caps in halves, as the manual (「ペットボトルのキャップ半杯」「漂白剤のキャップ 5 杯」)", () => {
    expect(formatCaps(0.5, 0.5, "ja")).toBe("半杯");
    expect(formatCaps(2, 2, "ja")).toBe("2杯");
    expect(formatCaps(1.5, 1.5, "ja")).toBe("1杯半");
    expect(formatCaps(4, 5, "ja")).toBe("4〜5杯");
    expect(formatCaps(0.5, 0.5, "en")).toBe("½");
    expect(formatCaps(4, 5, "en")).toBe("4–5");
  });

  it("writes ml and percent without float residue", () => {
    expect(formatMl(5980, "ja")).toBe("5,980");
    expect(formatMl(0.02, "ja")).toBe("0.02");
    expect(formatPercent(0.1)).toBe("0.1");
    expect(formatPercent(0.02)).toBe("0.02");
  });
});

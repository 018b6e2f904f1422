import { describe, expect, it } from "vitest";
import { diluteHypochlorite } from "./dilution.ts";
import { SPECTRUM_TABLE } from "./tables.ts";
import { findHypochloriteUse, HYPOCHLORITE_USES } from "./uses.ts";

const ok = (targetPercent: number, stockPercent: number, totalMl: number) => {
  const result = diluteHypochlorite({ targetPercent, stockPercent, totalMl });
  if (!result.ok) throw new Error(`refused: ${result.field} ${result.code}`);
  return result;
};

describe("diluteHypochlorite — the manual's worked numbers (付録5⑤ 例1・例2, p.86–90)", () => {
  // 例1) 6%溶液を用い、0.1%濃度に調整したい場合: 原液 0.1 / 1 / 10 / 100 ml、水 5.9 / 59 / 590 / 5,900 ml、Total 6 / 60 / 600 / 6,000 ml
  it.each([
    [6, 0.1, 5.9],
    [60, 1, 59],
    [600, 10, 590],
    [6000, 100, 5900],
  ])("0.1%% from 6%%, %d ml in all: %d ml of stock and %d ml of water", (total, stock, water) => {
    const result = ok(0.1, 6, total);
    expect(result.stockMl).toBe(stock);
    expect(result.waterMl).toBe(water);
    expect(result.dilutionFactor).toBe(60);
  });

  // 例2) 6%溶液を用い、0.02%濃度に調整したい場合: 原液 0.02 / 2 / 20 ml、水 5.98 / 598 / 5,980 ml、Total 6 / 600 / 6,000 ml
  it.each([
    [6, 0.02, 5.98],
    [600, 2, 598],
    [6000, 20, 5980],
  ])("0.02%% from 6%%, %d ml in all: %d ml of stock and %d ml of water", (total, stock, water) => {
    const result = ok(0.02, 6, total);
    expect(result.stockMl).toBe(stock);
    expect(result.waterMl).toBe(water);
    expect(result.dilutionFactor).toBe(300);
  });
});

describe("household bleach about 5% (付録5⑥ 市販の漂白剤を用いた時の調製法)", () => {
  it("1000 ppm (0.1%) is 50 times: 10 ml in a 500 ml bottle = 2 PET-bottle caps", () => {
    // 「①500ml のペットボトル 1 本の水に 10ml (ペットボトルのキャップ 2 杯)」「50 倍」
    const result = ok(0.1, 5, 500);
    expect(result).toMatchObject({
      stockMl: 10,
      waterMl: 490,
      dilutionFactor: 50,
      targetPpm: 1000,
      petBottleCaps: 2,
    });
  });

  it("1000 ppm in 5 L is 100 ml = 5 bleach caps of 20 ml (4 of 25 ml)", () => {
    // 「②5L の水に 100ml (漂白剤のキャップ 5 杯)」; 「漂白剤のキャップ 1 杯約 20~25ml」
    const result = ok(0.1, 5, 5000);
    expect(result.stockMl).toBe(100);
    expect(result.bleachCaps).toEqual({ min: 4, max: 5 });
  });

  it("200 ppm (0.02%) is 250 times: 2 ml in 500 ml = half a PET-bottle cap; 20 ml in 5 L = 1 bleach cap", () => {
    // 「①500ml のペットボトル 1 本の水に 2ml (ペットボトルのキャップ半杯)」「②5L の水に 20ml (漂白剤のキャップ 1 杯)」「250 倍」
    const small = ok(0.02, 5, 500);
    expect(small).toMatchObject({ stockMl: 2, dilutionFactor: 250, targetPpm: 200, petBottleCaps: 0.5 });
    expect(ok(0.02, 5, 5000)).toMatchObject({ stockMl: 20, bleachCaps: { min: 1, max: 1 } });
  });

  it("0.5% for vomit (付録5④) from 5% is 10 times: 50 ml in 500 ml", () => {
    expect(ok(0.5, 5, 500)).toMatchObject({ stockMl: 50, waterMl: 450, dilutionFactor: 10 });
  });
});

describe("impossible requests are refused, naming the field", () => {
  const refused = (targetPercent: number, stockPercent: number, totalMl: number) =>
    diluteHypochlorite({ targetPercent, stockPercent, totalMl });

  it("a target as strong as the stock or stronger", () => {
    expect(refused(5, 5, 500)).toEqual({ ok: false, field: "targetPercent", code: "target_not_below_stock" });
    expect(refused(1.5, 1, 500)).toEqual({
      ok: false,
      field: "targetPercent",
      code: "target_not_below_stock",
    });
    expect(refused(0.99, 1, 500).ok).toBe(true);
  });

  it("zero, negative or missing numbers", () => {
    expect(refused(0, 5, 500)).toEqual({ ok: false, field: "targetPercent", code: "not_positive" });
    expect(refused(0.1, -5, 500)).toEqual({ ok: false, field: "stockPercent", code: "not_positive" });
    expect(refused(0.1, 5, 0)).toEqual({ ok: false, field: "totalMl", code: "not_positive" });
    expect(refused(0.1, 5, Number.NaN)).toEqual({ ok: false, field: "totalMl", code: "not_a_number" });
  });

  it("a stock above 12% or a batch above 20 L, and an amount too small to measure", () => {
    expect(refused(0.1, 12, 500).ok).toBe(true);
    expect(refused(0.1, 12.5, 500)).toEqual({ ok: false, field: "stockPercent", code: "stock_too_strong" });
    expect(refused(0.1, 5, 20_000).ok).toBe(true);
    expect(refused(0.1, 5, 20_001)).toEqual({ ok: false, field: "totalMl", code: "total_too_large" });
    expect(refused(0.02, 6, 1)).toEqual({ ok: false, field: "totalMl", code: "too_small_to_measure" });
  });
});

describe("uses and tables", () => {
  it("offers 0.1% for vomit and stool with the 0.5% of table ④ and p.27 beside it, and 0.02% for seats and knobs", () => {
    const vomit = findHypochloriteUse("vomit")!;
    expect(vomit.percent).toBe(0.1);
    expect(vomit.alternatives.map((a) => [a.percent, a.source])).toEqual([
      [0.5, "objects"],
      [0.5, "vomitText"],
    ]);
    expect(findHypochloriteUse("surfaces")!.percent).toBe(0.02);
    expect(findHypochloriteUse("nothing")).toBeUndefined();
    for (const use of HYPOCHLORITE_USES) expect(ok(use.percent, 5, 500).stockMl).toBeGreaterThan(0);
  });

  it("keeps table ③ as printed: hypochlorite works on viruses and spores but not on hands; ethanol is weak on norovirus", () => {
    const hypochlorite = SPECTRUM_TABLE.rows.find((r) => r.agent.ja === "次亜塩素酸ナトリウム")!;
    expect(hypochlorite.marks).toMatchObject({ viruses: "◎", spores: "◎", hands: "×", environment: "◎" });
    const ethanol = SPECTRUM_TABLE.rows[0]!;
    expect(ethanol.noteJa).toContain("ノロウイルス");
    expect(SPECTRUM_TABLE.rows).toHaveLength(10);
  });
});

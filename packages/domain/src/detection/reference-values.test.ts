import { describe, expect, it } from "vitest";
import { ReferenceValues, selectReferenceValues } from "./reference-values.ts";

describe("selectReferenceValues", () => {
  it("lays out Noufaily's 10 periods as R's blocks()", () => {
    // R: surveillance:::blocks(c(313,261,209,157,105,53), 1:313, "none", 313, 5, 3, 10, FALSE)[40:120]
    // → NA ×10 (40–49), 10 ×7 (50–56), then 1…9 ×5 each (57–101), 10 ×7 (102–108), 1 ×5 (109–113), 2 …
    const refs = new ReferenceValues();
    selectReferenceValues(
      313,
      313,
      { frequency: 52, b: 5, w: 3, noPeriods: 10, pastWeeksNotIncluded: 26 },
      refs,
    );
    const levelAt = new Map<number, number>();
    for (let i = 0; i < refs.count; i++) levelAt.set(refs.index[i]!, refs.level[i]! + 1);
    expect(levelAt.has(49)).toBe(false);
    expect([50, 53, 56].map((t) => levelAt.get(t))).toEqual([10, 10, 10]);
    expect([57, 61, 62, 101].map((t) => levelAt.get(t))).toEqual([1, 1, 2, 9]);
    expect([102, 108, 109].map((t) => levelAt.get(t))).toEqual([10, 10, 1]);
    // The 27 most recent weeks (287–313) are left out; 286 is the last reference value.
    expect(refs.index[refs.count - 1]).toBe(286);
    expect(refs.levelCount).toBe(10);
    expect(refs.currentLevel).toBe(9);
  });

  it("takes the b windows of 2w + 1 weeks in the original method", () => {
    const refs = new ReferenceValues();
    selectReferenceValues(
      313,
      364,
      { frequency: 52, b: 5, w: 3, noPeriods: 1, pastWeeksNotIncluded: 3 },
      refs,
    );
    expect(refs.count).toBe(35);
    expect(Array.from(refs.index.subarray(0, 7))).toEqual([50, 51, 52, 53, 54, 55, 56]);
    expect(refs.index[34]).toBe(264);
    expect(refs.levelCount).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_ABOVE_USUAL_SETTINGS } from "./profile-schema.ts";
import { usualLevel } from "./usual-level.ts";

// facility-surveillance.md §4.4 (the facility's ABOVE_USUAL; criterion ウ, manual p.48 「通常の発生動向を上回る」):
// EARS C2, alpha 0.001, minSigma 0.5, ≥ 28 days of history, ≥ 2 onsets on the day.
// On a flat zero baseline sd = 0 < minSigma, so the C2 upper bound is 0 + qnorm(0.999) × 0.5 = 1.545116153083907
// (R 4.2: `qnorm(0.999) * 0.5`); on a flat baseline of 1 it is 1 + 1.545116153083907.
const settings = DEFAULT_ABOVE_USUAL_SETTINGS;
const Z_HALF = 1.545116153083907;

function series(baseline: number, length: number, today: number) {
  return [...Array.from({ length: length - 1 }, () => baseline), today];
}

describe("usualLevel — the facility's above-usual test on any daily series", () => {
  it("tests a day with 28 days of history, not with 27", () => {
    const counts = series(0, 40, 2);
    const last = 39;
    const at28 = usualLevel(counts, { fromDay: 0, firstDay: last - 28, testFromDay: last, settings });
    expect(at28.upperbound[last]).toBeCloseTo(Z_HALF, 12);
    expect(at28.above[last]).toBe(true);
    const at27 = usualLevel(counts, { fromDay: 0, firstDay: last - 27, testFromDay: last, settings });
    expect(at27.upperbound[last]).toBeNull();
    expect(at27.above[last]).toBe(false);
  });

  it("needs at least 2 onsets on the day: 1 is never above, 2 is above a zero baseline", () => {
    const one = usualLevel(series(0, 40, 1), { fromDay: 0, firstDay: 0, testFromDay: 39, settings });
    expect(one.above[39]).toBe(false);
    const loose = usualLevel(series(0, 40, 1), {
      fromDay: 0,
      firstDay: 0,
      testFromDay: 39,
      settings: { ...settings, minOnsets: 1 },
    });
    expect(loose.upperbound[39]).toBeCloseTo(Z_HALF, 12);
    // 1 < 1.545…: no alarm even when one onset would be enough.
    expect(loose.above[39]).toBe(false);
  });

  it("is above when the count passes the bound: 3 > 2.545 on a baseline of 1, 2 is not", () => {
    const three = usualLevel(series(1, 40, 3), { fromDay: 0, firstDay: 0, testFromDay: 39, settings });
    expect(three.upperbound[39]).toBeCloseTo(1 + Z_HALF, 12);
    expect(three.above[39]).toBe(true);
    const two = usualLevel(series(1, 40, 2), { fromDay: 0, firstDay: 0, testFromDay: 39, settings });
    expect(two.above[39]).toBe(false);
  });

  it("leaves days before testFromDay, days without a full baseline and unobserved series untested", () => {
    const counts = series(0, 20, 4);
    const level = usualLevel(counts, { fromDay: 100, firstDay: 50, testFromDay: 105, settings });
    // C2 needs 9 days before the tested day: indices 0–8 have none; 105 + … are tested.
    expect(level.upperbound.slice(0, 9).every((b) => b === null)).toBe(true);
    expect(level.upperbound[9]).not.toBeNull();
    expect(level.above[19]).toBe(true);
    const never = usualLevel(counts, { fromDay: 100, firstDay: undefined, testFromDay: 100, settings });
    expect(never.above.some(Boolean)).toBe(false);
  });
});

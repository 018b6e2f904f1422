import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DetectionInputError } from "./errors.ts";
import { FARRINGTON_NOUFAILY, FARRINGTON_NOUFAILY_MUAN, FARRINGTON_ORIGINAL } from "./farrington-control.ts";
import { farringtonFlexible } from "./farrington-flexible.ts";

// Reference values: R 4.2.2, surveillance 1.20.3, `options(digits = 17)`, commands quoted beside each case.
const zeroBaseline = Array.from({ length: 364 }, (_, t) => [0, 0, 0, 0, 0, 2, 3, 1, 2][t - 355] ?? 0);

describe("farringtonFlexible", () => {
  it("all-zero reference values, original method: R gives a tiny threshold and alarms", () => {
    // x <- rep(0, 364); x[360:364] <- c(0,2,3,1,2); s <- sts(observed = x, frequency = 52, start = c(2018, 1))
    // farringtonFlexible(s, list(b=5, w=3, weightsThreshold=1, noPeriods=1, thresholdMethod="delta", range=362:364))
    // → upperbound 0.0016135915750188645 ×3, alarms TRUE ×3, expected 3.7751345442794561e-12 ×3
    const result = farringtonFlexible(zeroBaseline, {
      frequency: 52,
      control: { ...FARRINGTON_ORIGINAL, range: [362, 363, 364] },
    });
    for (const u of result.upperbound) expect(u! / 0.0016135915750188645 - 1).toBeLessThan(1e-6);
    for (const e of result.expected) expect(e! / 3.7751345442794561e-12 - 1).toBeLessThan(1e-6);
    expect(result.alarm).toEqual([true, true, true]);
    expect(result.trend).toEqual([false, false, false]);
  });

  it("all-zero reference values, Noufaily: glm.fit does not converge, R gives NA (null, no alarm)", () => {
    // Same series; control b=5, w=3, weightsThreshold=2.58, noPeriods=10, pastWeeksNotIncluded=26, nbPlugin
    // → upperbound NA NA NA, alarms NA NA NA, trend NA NA NA (expected is left at 0 by R; we give null).
    const result = farringtonFlexible(zeroBaseline, {
      frequency: 52,
      control: { ...FARRINGTON_NOUFAILY, range: [362, 363, 364] },
    });
    expect(result).toEqual({
      range: [362, 363, 364],
      upperbound: [null, null, null],
      alarm: [false, false, false],
      expected: [null, null, null],
      trend: [null, null, null],
    });
  });

  // set.seed(3); x <- rnbinom(300, mu = 20, size = 5); pop <- round(1000 * (1 + (1:300) / 300))
  const x = [
    9, 17, 18, 22, 9, 32, 22, 9, 14, 11, 20, 26, 30, 28, 17, 37, 13, 19, 28, 9, 24, 9, 12, 24, 21, 21, 26, 7,
    16, 29, 23, 31, 4, 17, 11, 15, 26, 11, 9, 28, 14, 21, 19, 24, 29, 16, 15, 27, 4, 20, 19, 12, 43, 22, 3,
    30, 11, 18, 21, 24, 26, 26, 29, 14, 28, 15, 44, 30, 5, 31, 13, 10, 17, 29, 22, 9, 34, 13, 18, 38, 43, 15,
    16, 17, 36, 19, 17, 14, 14, 17, 27, 12, 10, 15, 31, 8, 22, 12, 24, 35, 31, 19, 30, 12, 14, 5, 28, 21, 19,
    16, 29, 12, 8, 18, 17, 10, 29, 12, 31, 18, 24, 32, 18, 33, 26, 6, 28, 6, 17, 33, 14, 14, 30, 24, 35, 24,
    24, 17, 28, 18, 19, 36, 27, 25, 26, 35, 27, 21, 17, 19, 9, 9, 12, 15, 16, 3, 22, 9, 8, 1, 31, 28, 17, 35,
    30, 32, 4, 14, 20, 10, 45, 14, 11, 28, 9, 20, 12, 30, 19, 8, 19, 43, 5, 18, 26, 12, 25, 10, 21, 22, 28,
    13, 32, 1, 56, 7, 12, 14, 23, 35, 24, 28, 13, 19, 20, 13, 23, 21, 13, 32, 35, 28, 27, 30, 20, 10, 7, 20,
    29, 18, 22, 16, 16, 20, 13, 20, 6, 18, 11, 9, 13, 13, 13, 12, 9, 17, 17, 21, 6, 13, 22, 22, 20, 13, 6, 31,
    26, 32, 17, 3, 16, 28, 45, 9, 32, 23, 13, 21, 13, 14, 11, 23, 8, 12, 19, 9, 12, 14, 10, 27, 25, 12, 16, 9,
    24, 14, 23, 16, 13, 33, 14, 27, 37, 9, 32, 10, 18, 13, 7, 18, 18, 14, 28, 17, 4, 35, 30, 23, 13, 12,
  ];
  const population = x.map((_, i) => Math.round(1000 * (1 + (i + 1) / 300)));

  it("population offset with the muan threshold", () => {
    // s <- sts(observed = x, frequency = 52, start = c(2018, 1), population = matrix(pop, ncol = 1))
    // farringtonFlexible(s, list(b=5, w=3, populationOffset=TRUE, noPeriods=10, pastWeeksNotIncluded=26,
    //   thresholdMethod="muan", alpha=0.01, weightsThreshold=2.58, range=298:300))
    // → upperbound 43 42 44, alarms FALSE ×3, expected 16.376115499107449 15.626362425115339 16.678466902922352
    const result = farringtonFlexible(x, {
      frequency: 52,
      population,
      control: { ...FARRINGTON_NOUFAILY_MUAN, populationOffset: true, range: [298, 299, 300] },
    });
    expect(result.upperbound).toEqual([43, 42, 44]);
    expect(result.alarm).toEqual([false, false, false]);
    [16.376115499107449, 15.626362425115339, 16.678466902922352].forEach((e, i) => {
      expect(Math.abs(result.expected[i]! / e - 1)).toBeLessThan(1e-9);
    });
    expect(result.trend).toEqual([true, true, true]);
  });

  it("population offset, square-root transform, no reweighting, no trend, b = 4, w = 2", () => {
    // farringtonFlexible(s, list(b=4, w=2, populationOffset=TRUE, powertrans="1/2", reweight=FALSE, trend=FALSE,
    //   range=298:300)) → upperbound 56.158400268176116 56.81044697390999 58.409462557807224,
    //   expected 27.21211538461543 27.655387469216755 27.383270034787596
    const result = farringtonFlexible(x, {
      frequency: 52,
      population,
      control: {
        b: 4,
        w: 2,
        populationOffset: true,
        powertrans: "1/2",
        reweight: false,
        trend: false,
        range: [298, 299, 300],
      },
    });
    [56.158400268176116, 56.81044697390999, 58.409462557807224].forEach((u, i) => {
      expect(Math.abs(result.upperbound[i]! / u - 1)).toBeLessThan(1e-9);
    });
    [27.21211538461543, 27.655387469216755, 27.383270034787596].forEach((e, i) => {
      expect(Math.abs(result.expected[i]! / e - 1)).toBeLessThan(1e-9);
    });
    expect(result.alarm).toEqual([false, false, false]);
  });

  it("uses R's default range (frequency·b + w + 1 to the end) when none is given", () => {
    const result = farringtonFlexible(x, { frequency: 52, control: { ...FARRINGTON_ORIGINAL } });
    expect(result.range[0]).toBe(52 * 5 + 3 + 1);
    expect(result.range.at(-1)).toBe(300);
  });

  it.each([
    [{ range: [300], thresholdMethod: "poisson" }, "control.thresholdMethod"],
    [{ range: [300], lambda: 2 }, "control.lambda"],
    [{ range: [262] }, "control.range[0]"],
    [{ range: [301] }, "control.range[0]"],
    [{ range: [300], powertrans: "3/4" }, "control.powertrans"],
    [{ range: [300], alpha: 0 }, "control.alpha"],
    [{ range: [300], limit54: [5] }, "control.limit54"],
    [{ range: [300], b: 1, w: 0, noPeriods: 10, pastWeeksNotIncluded: 0 }, "control"],
  ])("refuses %j with a typed error naming %s", (control, field) => {
    const call = () => farringtonFlexible(x, { frequency: 52, control: control as never });
    expect(call).toThrow(DetectionInputError);
    try {
      call();
    } catch (error) {
      expect((error as DetectionInputError).field).toBe(field);
    }
  });

  it("refuses negative or fractional counts and a missing frequency", () => {
    expect(() => farringtonFlexible([...x.slice(0, 299), -1], { frequency: 52 })).toThrow(/observed\[299\]/);
    expect(() => farringtonFlexible([...x.slice(0, 299), 0.5], { frequency: 52 })).toThrow(/observed\[299\]/);
    expect(() => farringtonFlexible(x, { frequency: 0 })).toThrow(/frequency/);
  });

  it("never returns NaN; alarms only with an upper bound that the count exceeds", () => {
    const weekly = fc.record({
      level: fc.double({ min: 0, max: 60, noNaN: true }),
      noise: fc.array(fc.nat({ max: 30 }), { minLength: 270, maxLength: 270 }),
      zeros: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        weekly,
        fc.constantFrom(FARRINGTON_ORIGINAL, FARRINGTON_NOUFAILY, FARRINGTON_NOUFAILY_MUAN),
        ({ level, noise, zeros }, preset) => {
          const observed = noise.map((e, t) =>
            ((t * 7919) % 100) / 100 < zeros ? 0 : Math.round(level) + e,
          );
          const result = farringtonFlexible(observed, {
            frequency: 52,
            control: { ...preset, range: [268, 269, 270] },
          });
          result.upperbound.forEach((u, i) => {
            if (u === null) expect(result.alarm[i]).toBe(false);
            else {
              expect(Number.isFinite(u)).toBe(true);
              if (result.alarm[i]) expect(observed[result.range[i]! - 1]!).toBeGreaterThan(u);
            }
            const e = result.expected[i];
            if (e !== null && e !== undefined) expect(Number.isFinite(e)).toBe(true);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

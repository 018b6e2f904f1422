import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earsC, earsDefaultRange } from "./ears.ts";
import { DetectionInputError } from "./errors.ts";

// Reference values from R 4.2.2 with surveillance 1.20.3 (`options(digits = 17)`); the full-series agreement is in
// fixtures.test.ts, these pin the documented examples and the edge cases.
describe("earsC", () => {
  it("C1 example: R earsC(sts(observed = c(2,3,2,4,3,2,3,9), frequency = 365), list(method = 'C1', range = 8))", () => {
    const result = earsC([2, 3, 2, 4, 3, 2, 3, 9], { method: "C1", range: [8] });
    expect(result.range).toEqual([8]);
    expect(result.upperbound[0]).toBeCloseTo(5.050281764439327, 13);
    expect(result.alarm).toEqual([true]);
  });

  it("C3 clamps the upper bound at 0 and alarms on two lagged exceedances (R: upperbound 0 0, alarms TRUE TRUE)", () => {
    // R: earsC(sts(observed = c(1,0,2,1,3,0,1,2,5,4,8,6,7), frequency = 365), list(method = "C3", range = 12:13))
    const result = earsC([1, 0, 2, 1, 3, 0, 1, 2, 5, 4, 8, 6, 7], { method: "C3", range: [12, 13] });
    expect(result.upperbound).toEqual([0, 0]);
    expect(result.alarm).toEqual([true, true]);
  });

  it("C3 on a flat baseline with minSigma 0: R gives NaN and NA, we give null and no alarm", () => {
    // R: earsC(sts(observed = c(rep(2, 13), 3, 5, 2, 2)), list(method = "C3", minSigma = 0, alpha = 0.025, range = 12:17))
    // → upperbound NaN ×6, alarm NA ×6 (0·∞ in R's formula).
    const result = earsC([...Array(13).fill(2), 3, 5, 2, 2], {
      method: "C3",
      alpha: 0.025,
      range: [12, 13, 14],
    });
    expect(result.upperbound).toEqual([null, null, null]);
    expect(result.alarm).toEqual([false, false, false]);
  });

  it("C2 on a flat baseline with minSigma 0 has the mean as upper bound (R: 2, alarm when above)", () => {
    const result = earsC([...Array(13).fill(2), 3, 5, 2, 2], { method: "C2", range: [12, 14, 15] });
    expect(result.upperbound).toEqual([2, 2, 2]);
    expect(result.alarm).toEqual([false, true, true]);
  });

  it("sorts the range as R does", () => {
    const observed = [1, 2, 0, 3, 1, 2, 4, 1, 0, 2, 5, 1];
    const sorted = earsC(observed, { method: "C1", range: [12, 9, 10] });
    expect(sorted.range).toEqual([9, 10, 12]);
    expect(sorted.upperbound[2]).toBe(earsC(observed, { method: "C1", range: [12] }).upperbound[0]);
  });

  it("defaults alpha to 0.025 for C3 and 0.001 for C1/C2, as R does", () => {
    const observed = [3, 1, 4, 1, 5, 2, 6, 5, 3, 5, 8, 9, 7, 9];
    expect(earsC(observed, { method: "C3", range: [14] })).toEqual(
      earsC(observed, { method: "C3", alpha: 0.025, range: [14] }),
    );
    expect(earsC(observed, { method: "C2", range: [14] })).toEqual(
      earsC(observed, { method: "C2", alpha: 0.001, range: [14] }),
    );
  });

  it("computes R's default range", () => {
    expect(earsDefaultRange("C1", 7, 10)).toEqual([8, 9, 10]);
    expect(earsDefaultRange("C2", 7, 10)).toEqual([10]);
    expect(earsDefaultRange("C3", 3, 9)).toEqual([8, 9]);
  });

  it.each([
    [[1, 2, -1, 3, 4, 5, 6, 7, 8], { method: "C1", range: [9] }, "observed[2]"],
    [[1, 2, 1.5, 3, 4, 5, 6, 7, 8], { method: "C1", range: [9] }, "observed[2]"],
    [[1, 2, 3, 4, 5, 6, 7, 8], { method: "C1", range: [7] }, "control.range"],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { method: "C2", range: [9] }, "control.range"],
    [[1, 2, 3, 4, 5, 6, 7, 8], { method: "C1", range: [9] }, "control.range[0]"],
    [[1, 2, 3, 4, 5, 6, 7, 8], { method: "C4", range: [8] }, "control.method"],
    [[1, 2, 3, 4, 5, 6, 7, 8], { method: "C1", range: [8], lag: 2 }, "control.lag"],
    [[1, 2, 3, 4, 5, 6, 7, 8], { method: "C1", range: [8], baseline: 2 }, "control.baseline"],
    [[1, 2, 3, 4, 5, 6, 7, 8], { method: "C1", range: [8], minSigma: -1 }, "control.minSigma"],
    [[1, 2, 3, 4, 5, 6, 7, 8], { method: "C1", range: [8], alpha: 1 }, "control.alpha"],
  ])("refuses bad input with a typed error naming the field (%j, %j → %s)", (observed, control, field) => {
    const call = () => earsC(observed, control as never);
    expect(call).toThrow(DetectionInputError);
    try {
      call();
    } catch (error) {
      expect((error as DetectionInputError).field).toBe(field);
      expect((error as Error).message.startsWith(field)).toBe(true);
    }
  });

  const series = fc.array(fc.nat({ max: 50 }), { minLength: 20, maxLength: 60 });
  const method = fc.constantFrom("C1" as const, "C2" as const, "C3" as const);

  it("never returns NaN, and alarms exactly when the count exceeds the upper bound", () => {
    fc.assert(
      fc.property(series, method, fc.constantFrom(0, 0.5), (observed, m, minSigma) => {
        const range = earsDefaultRange(m, 7, observed.length);
        const result = earsC(observed, { method: m, minSigma, range });
        result.upperbound.forEach((u, i) => {
          const y = observed[result.range[i]! - 1]!;
          if (u === null) expect(result.alarm[i]).toBe(false);
          else {
            expect(Number.isNaN(u)).toBe(false);
            expect(result.alarm[i]).toBe(y > u);
          }
        });
      }),
    );
  });

  it("C1/C2: adding a constant to every count adds it to the upper bound (mean shifts, sd does not)", () => {
    fc.assert(
      fc.property(
        series,
        fc.constantFrom("C1" as const, "C2" as const),
        fc.nat({ max: 20 }),
        (observed, m, c) => {
          const range = earsDefaultRange(m, 7, observed.length);
          const a = earsC(observed, { method: m, range });
          const b = earsC(
            observed.map((x) => x + c),
            { method: m, range },
          );
          a.upperbound.forEach((u, i) => {
            expect(b.upperbound[i]!).toBeCloseTo(u! + c, 9);
          });
          expect(b.alarm).toEqual(a.alarm);
        },
      ),
    );
  });
});

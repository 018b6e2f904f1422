import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { qnorm } from "./qnorm.ts";

// Reference values: R 4.2.2, `options(digits = 17); qnorm(p)`; AS 241 is accurate to about 1e-16, so we ask for
// agreement to 4e-16 relative (two ulps), in each of the algorithm's three regions.
const R_QNORM: [p: number, value: number][] = [
  [0.5, 0], // qnorm(0.5)
  [0.3, -0.52440051270804067], // qnorm(0.3)                 central region |p − 0.5| ≤ 0.425
  [0.9, 1.2815515655446008], // qnorm(0.9)
  [0.975, 1.9599639845400536], // qnorm(0.975)             tail region, r ≤ 5
  [0.999, 3.0902323061678132], // qnorm(0.999)
  [0.05, -1.6448536269514726], // qnorm(0.05)
  [1e-5, -4.2648907939228256], // qnorm(1e-5)
  [1 - 1e-7, 5.1993375822906618], // qnorm(1 - 1e-7)
  [1e-10, -6.3613409024040557], // qnorm(1e-10)
  [1e-20, -9.2623400897984052], // qnorm(1e-20)            far tail, r > 5
  [1e-300, -37.047096299361201], // qnorm(1e-300)
];

describe("qnorm (AS 241)", () => {
  for (const [p, value] of R_QNORM) {
    it(`qnorm(${p}) = ${value} as in R`, () => {
      expect(Math.abs(qnorm(p) - value)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(value)));
    });
  }

  it("scales by mean and sd: R qnorm(0.99, 2, 0.5) = 3.1631739370204204", () => {
    expect(qnorm(0.99, 2, 0.5)).toBeCloseTo(3.1631739370204204, 15);
  });

  it("returns the boundary values and NaN outside [0, 1] as R does", () => {
    expect(qnorm(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(qnorm(1)).toBe(Number.POSITIVE_INFINITY);
    expect(qnorm(-0.1)).toBeNaN();
    expect(qnorm(1.1)).toBeNaN();
    expect(qnorm(0.3, 5, 0)).toBe(5);
  });

  it("is antisymmetric and increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-9, max: 0.4, noNaN: true }),
        (p, d) => {
          expect(qnorm(p)).toBeCloseTo(-qnorm(1 - p), 6);
          expect(qnorm(p + d)).toBeGreaterThan(qnorm(p));
        },
      ),
    );
  });
});

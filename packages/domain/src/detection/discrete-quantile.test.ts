import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { qnbinom, qpois } from "./discrete-quantile.ts";
import { pnbinom, ppois } from "./distributions.ts";

// Reference values: R 4.2.2, the commands quoted beside each case. Quantiles of discrete distributions are integers,
// so they must agree exactly.
describe("qnbinom", () => {
  it.each([
    [0.95, 5, 0.25, 29], // qnbinom(0.95, 5, 0.25)
    [0.95, 30.5, 1 / 1.8, 36], // qnbinom(0.95, 30.5, 1/1.8): Noufaily's threshold with μ = 24.4, φ = 1.8
    [0.99, 1234.5, 0.3, 3113], // qnbinom(0.99, 1234.5, 0.3): Cornish–Fisher start beyond 2000
    [0.95, 1e6, 0.5, 1002327], // qnbinom(0.95, 1e6, 0.5): the large-step search (y ≥ 4096)
    [0.95, 0.02, 0.5, 0], // qnbinom(0.95, 0.02, 0.5)
    [0.5, 3, 1, 0], // qnbinom(0.5, 3, 1)
  ])("qnbinom(%d, %d, %d) = %d as in R", (p, size, prob, expected) => {
    expect(qnbinom(p, size, prob)).toBe(expected);
  });

  it("is the smallest count whose cumulative probability reaches p", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.995, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (p, size, prob) => {
          const y = qnbinom(p, size, prob);
          expect(Number.isInteger(y)).toBe(true);
          expect(pnbinom(y, size, prob)).toBeGreaterThanOrEqual(p * (1 - 1e-12));
          if (y > 0) expect(pnbinom(y - 1, size, prob)).toBeLessThan(p);
        },
      ),
    );
  });
});

describe("qpois", () => {
  it.each([
    [0.95, 4, 8], // qpois(0.95, 4)
    [0.99, 12345.6, 12605], // qpois(0.99, 12345.6)
    [0.95, 1e-3, 0], // qpois(0.95, 1e-3)
    [0.95, 0, 0], // qpois(0.95, 0)
  ])("qpois(%d, %d) = %d as in R", (p, lambda, expected) => {
    expect(qpois(p, lambda)).toBe(expected);
  });

  it("is the smallest count whose cumulative probability reaches p", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.995, noNaN: true }),
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        (p, mu) => {
          const y = qpois(p, mu);
          expect(ppois(y, mu)).toBeGreaterThanOrEqual(p * (1 - 1e-12));
          if (y > 0) expect(ppois(y - 1, mu)).toBeLessThan(p);
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { pnbinom, ppois, pt } from "./distributions.ts";

// Reference values from R 4.2.2 with `options(digits = 17)`; the @stdlib incomplete beta and gamma functions agree
// with R's TOMS 708 / pgamma to about 1e-15 relative, so 1e-13 leaves room without hiding a wrong formula.
const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe("pt", () => {
  it.each([
    [-2, 10, 0.036694017385370196], // pt(-2, 10)
    [-2.5, 230, 0.0065586229904865357], // pt(-2.5, 230): a trend t-test with 230 residual df
    [1.3, 3.5, 0.86370229209781502], // pt(1.3, 3.5)
    [-40, 3, 1.719034039457927e-5], // pt(-40, 3)
  ])("pt(%d, %d) = %d as in R", (t, df, expected) => {
    expect(rel(pt(t, df), expected)).toBeLessThan(1e-13);
  });
});

describe("pnbinom", () => {
  it.each([
    [3, 2.5, 0.4, 0.55580192155119446], // pnbinom(3, 2.5, 0.4)
    [17, 3.2, 0.2, 0.76338039912085875], // pnbinom(17, 3.2, 0.2)
    [0, 0.01, 0.5, 0.99309249543703593], // pnbinom(0, 0.01, 0.5)
    [250, 1000, 0.8, 0.51691705847897951], // pnbinom(250, 1000, 0.8)
  ])("pnbinom(%d, %d, %d) = %d as in R", (x, size, prob, expected) => {
    expect(rel(pnbinom(x, size, prob), expected)).toBeLessThan(1e-13);
  });

  it("follows R at the edges: size 0 is a point mass at 0, negative x has probability 0", () => {
    expect(pnbinom(0, 0, 0.5)).toBe(1);
    expect(pnbinom(-1, 3, 0.5)).toBe(0);
    expect(pnbinom(2, 3, 0)).toBeNaN();
  });
});

describe("ppois", () => {
  it.each([
    [3, 2.5, 0.75757613313306593], // ppois(3, 2.5)
    [120, 100, 0.97733067092164727], // ppois(120, 100)
    [0, 1e-3, 0.99900049983337502], // ppois(0, 1e-3)
    [10, 30, 2.2348775738450595e-5], // ppois(10, 30)
  ])("ppois(%d, %d) = %d as in R", (x, lambda, expected) => {
    expect(rel(ppois(x, lambda), expected)).toBeLessThan(1e-13);
  });

  it("is 1 for a zero mean and 0 below zero, as R", () => {
    expect(ppois(0, 0)).toBe(1);
    expect(ppois(-1, 2)).toBe(0);
  });
});

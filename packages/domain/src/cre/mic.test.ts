import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMic, micAbove, micAtLeast, micAtMost, micProblem, onDilutionScale, parseMic } from "./mic.ts";

// Expected values follow cre-stewardship.md §2 ("≤2" may be 1; ">8" is ≥16) and the two-fold dilution scale of
// CLSI M07 (…, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, …; laboratories print 0.125 as "0.12").
describe("parseMic", () => {
  it("reads plain numbers as a single value", () => {
    expect(parseMic("4")).toMatchObject({
      qualifier: "=",
      low: 4,
      high: 4,
      lowInclusive: true,
      highInclusive: true,
    });
  });

  it.each([
    ["≤2", "<="],
    ["<=2", "<="],
    ["≦2", "<="],
  ])("reads %s as at most 2", (raw, qualifier) => {
    expect(parseMic(raw)).toMatchObject({ qualifier, low: 0, high: 2, highInclusive: true });
  });

  it('reads ">8" as ≥16 on the doubling scale (cre-stewardship.md §2)', () => {
    expect(parseMic(">8")).toMatchObject({ low: 16, lowInclusive: true, high: Number.POSITIVE_INFINITY });
  });

  it('reads "<0.25" as ≤0.125 and "≥16" / ">=16" as at least 16', () => {
    expect(parseMic("<0.25")).toMatchObject({ high: 0.125, highInclusive: true });
    expect(parseMic("≥16")).toMatchObject({ low: 16, lowInclusive: true });
    expect(parseMic(">=16")).toMatchObject({ low: 16, lowInclusive: true });
  });

  it('keeps a strict bound for values off the dilution scale (gradient strip "3")', () => {
    expect(parseMic(">3")).toMatchObject({ low: 3, lowInclusive: false });
    expect(parseMic("<3")).toMatchObject({ high: 3, highInclusive: false });
  });

  it("reads the printed labels 0.12 and 0.06 as 0.125 and 0.0625 (CLSI M100 tables)", () => {
    expect(parseMic("0.12").valueMgL).toBe(0.125);
    expect(onDilutionScale(0.06)).toBe(0.0625);
    expect(onDilutionScale(0.19)).toBe(0.19);
  });

  it("accepts full-width digits and spaces from Japanese laboratory systems", () => {
    expect(parseMic("≦ ０.５")).toMatchObject({ high: 0.5 });
  });

  it.each(["abc", "", "2/38", "-1", "0", "2048", ">", "1e3", "4 mg/L"])("refuses %j", (raw) => {
    expect(micProblem(raw)).not.toBeNull();
    expect(() => parseMic(raw)).toThrow();
  });

  it("formats with Unicode qualifiers", () => {
    expect(formatMic(parseMic("<=0.25"))).toBe("≤0.25");
    expect(formatMic(parseMic(">8"))).toBe(">8");
  });
});

describe("interval comparisons", () => {
  it("decides ≥ 2 for exact values on both sides (notification criterion MEPM ≥ 2)", () => {
    expect(micAtLeast(parseMic("1"), 2)).toBe(false);
    expect(micAtLeast(parseMic("2"), 2)).toBe(true);
  });

  it("answers indeterminate when the interval straddles the cut-off", () => {
    expect(micAtLeast(parseMic("≤2"), 2)).toBe("indeterminate");
    expect(micAtMost(parseMic("≤2"), 1)).toBe("indeterminate");
    expect(micAtLeast(parseMic(">1"), 4)).toBe("indeterminate");
  });

  it("decides when the whole interval is on one side", () => {
    expect(micAtLeast(parseMic(">1"), 2)).toBe(true);
    expect(micAtLeast(parseMic("<2"), 2)).toBe(false);
    expect(micAtMost(parseMic("≤0.5"), 1)).toBe(true);
    expect(micAbove(parseMic("≤8"), 8)).toBe(false);
    expect(micAbove(parseMic(">8"), 8)).toBe(true);
  });

  const steps = fc.integer({ min: -8, max: 9 }).map((k) => 2 ** k);

  it("property: an exact MIC is at least t exactly when its value is ≥ t", () => {
    fc.assert(
      fc.property(steps, steps, (v, t) => {
        expect(micAtLeast(parseMic(String(v)), t)).toBe(v >= t);
        expect(micAtMost(parseMic(String(v)), t)).toBe(v <= t);
      }),
    );
  });

  it("property: '>x' is ≥ 2x and '<x' is ≤ x/2 on the doubling scale", () => {
    fc.assert(
      fc.property(steps, (x) => {
        expect(micAtLeast(parseMic(`>${x}`), 2 * x)).toBe(true);
        expect(micAtMost(parseMic(`<${x}`), x / 2)).toBe(true);
        expect(micAtMost(parseMic(`≤${x}`), x)).toBe(true);
      }),
    );
  });

  it("property: at-least and above never contradict (above t implies at least t)", () => {
    fc.assert(
      fc.property(steps, steps, fc.constantFrom("", "≤", "<", "≥", ">"), (v, t, q) => {
        const mic = parseMic(`${q}${v}`);
        if (micAbove(mic, t) === true) expect(micAtLeast(mic, t)).toBe(true);
        if (micAtLeast(mic, t) === false) expect(micAbove(mic, t)).toBe(false);
      }),
    );
  });
});

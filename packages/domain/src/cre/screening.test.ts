import { describe, expect, it } from "vitest";
import { parseMic } from "./mic.ts";
import { screenCpe } from "./screening.ts";

// Guide 微生物学的診断 (guide pp.15–20): 「CPE のスクリーニング基準としてはメロペネムの MIC ≥0.25 μg/mL」; EUCAST: MIC > 0.125
// or 10 µg zone < 28 mm (cre-reference.md §2.4, S8).
describe("CPE screening", () => {
  it("meropenem 0.125 is negative, 0.25 positive (guide, CLSI laboratory)", () => {
    expect(screenCpe(parseMic("0.125"), undefined, "CLSI").positive).toBe(false);
    expect(screenCpe(parseMic("0.12"), undefined, "CLSI").positive).toBe(false);
    expect(screenCpe(parseMic("0.25"), undefined, "CLSI").positive).toBe(true);
  });

  it("EUCAST > 0.125: 0.125 negative, 0.25 positive", () => {
    expect(screenCpe(parseMic("0.125"), undefined, "EUCAST").positive).toBe(false);
    expect(screenCpe(parseMic("0.25"), undefined, "EUCAST").positive).toBe(true);
  });

  it("screens 'S' isolates too: meropenem 0.5 is S by CLSI but screen-positive", () => {
    const screen = screenCpe(parseMic("0.5"), undefined, "CLSI");
    expect(screen.positive).toBe(true);
    expect(screen.checks[0]).toMatchObject({ comparison: "≥", threshold: 0.25, result: true });
  });

  it("zone 27 mm positive, 28 mm negative", () => {
    expect(screenCpe(undefined, 27, "EUCAST").positive).toBe(true);
    expect(screenCpe(undefined, 28, "EUCAST").positive).toBe(false);
    expect(screenCpe(undefined, 27, "CLSI").positive).toBe(true);
  });

  it("'≤0.25' straddles the cut-off: indeterminate, unless the zone decides", () => {
    expect(screenCpe(parseMic("≤0.25"), undefined, "CLSI").positive).toBe("indeterminate");
    expect(screenCpe(parseMic("≤0.25"), 30, "CLSI").positive).toBe("indeterminate");
    expect(screenCpe(parseMic("≤0.25"), 26, "CLSI").positive).toBe(true);
    expect(screenCpe(parseMic("<0.25"), undefined, "CLSI").positive).toBe(false);
  });

  it("no meropenem value at all: indeterminate", () => {
    expect(screenCpe(undefined, undefined, "CLSI").positive).toBe("indeterminate");
  });
});

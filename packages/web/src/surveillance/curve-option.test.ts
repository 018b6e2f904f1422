import { describe, expect, it } from "vitest";
import type { EpidemicCurveResult } from "../api/surveillance-types.ts";
import { type CurveLabels, curveOption, defaultCurveGroup } from "./curve-option.ts";

const days = Array.from({ length: 28 }, (_, i) => `2026-01-${String(i + 1).padStart(2, "0")}`);
const zeros = () => days.map(() => 0);

function curve(): EpidemicCurveResult {
  const f1 = zeros();
  const f2 = zeros();
  f2[25] = 3;
  f2[26] = 2;
  f1[26] = 1;
  return {
    asOf: "2026-01-28T18:00:00+09:00",
    profile: "mhlw-2005",
    days,
    units: [
      { id: "u1", name: "1階", floor: "1F" },
      { id: "u2", name: "2階", floor: "2F" },
    ],
    groups: [
      {
        group: "GI",
        total: f1.map((n, i) => n + f2[i]!),
        byUnit: [
          { unitId: "u1", counts: f1 },
          { unitId: "u2", counts: f2 },
        ],
        upperBound: days.map((_, i) => (i < 27 ? null : 1.545116153083907)),
      },
      { group: "ILI", total: zeros(), byUnit: [], upperBound: null },
    ],
    alertDays: [
      { day: "2026-01-26", code: "NORO_CLUSTER_24H", subject: { group: "GI" } },
      { day: "2026-01-27", code: "ABOVE_USUAL", subject: { group: "GI" } },
      { day: "2026-01-27", code: "REPORT_CRITERION_A", subject: { disease: "tuberculosis" } },
    ],
    detection: { method: "C2", alpha: 0.001, minSigma: 0.5, minHistoryDays: 28 },
  };
}

const labels: CurveLabels = {
  unitName: (id) => (id === "u1" ? "1階" : id === "u2" ? "2階" : "職員"),
  upperBound: "いつもの上限",
  alerts: "お知らせが出た日",
  alertTitle: (code) => code,
  axisDay: (day) => day.slice(5),
  longDay: (day) => day,
  people: (n) => `${n}人`,
  total: (n) => `計 ${n}人`,
};

describe("curveOption", () => {
  it("stacks the floors, draws the usual upper bound where known and marks the group's alert days", () => {
    const option = curveOption(curve(), "GI", labels);
    const series = option.series as { type: string; name: string; data: (number | null)[]; stack?: string }[];
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ["bar", "1階"],
      ["bar", "2階"],
      ["line", "いつもの上限"],
      ["scatter", "お知らせが出た日"],
    ]);
    expect(series[1]!.stack).toBe("onsets");
    expect(series[1]!.data[25]).toBe(3);
    expect(series[2]!.data[26]).toBeNull();
    expect(series[2]!.data[27]).toBe(1.5);
    // Marks on the 26th and 27th (the tuberculosis alert is not about GI), above the bar.
    const marks = series[3]!.data;
    expect(marks.flatMap((v, i) => (v === null ? [] : [days[i]]))).toEqual(["2026-01-26", "2026-01-27"]);
    expect(marks[26]!).toBeGreaterThan(3);
  });

  it("draws no bound and no marks for a group without them", () => {
    const option = curveOption(curve(), "ILI", labels);
    expect((option.series as unknown[]).length).toBe(0);
  });

  it("shows first the group of the latest alert, else the first group with onsets", () => {
    const c = curve();
    expect(defaultCurveGroup(c)).toBe("GI");
    c.alertDays = [{ day: "2026-01-28", code: "ABOVE_USUAL", subject: { group: "ILI" } }];
    expect(defaultCurveGroup(c)).toBe("ILI");
    c.alertDays = [];
    c.groups = [c.groups[1]!, { ...c.groups[0]!, group: "SKIN" }];
    expect(defaultCurveGroup(c)).toBe("SKIN");
  });
});

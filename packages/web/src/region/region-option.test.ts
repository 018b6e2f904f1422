import { describe, expect, it } from "vitest";
import type { RegionSeries } from "../api/region.ts";
import { ABOVE_COLOUR, type RegionLabels, regionOption, sharedMaxY } from "./region-option.ts";

const labels: RegionLabels = {
  onsets: "新たな発症",
  upperBound: "いつもの上限",
  axisDay: (d) => d.slice(5),
  longDay: (d) => d,
  people: (n) => `${n}人`,
};
const days = ["2026-11-30", "2026-12-01", "2026-12-02"];
const series: RegionSeries = {
  counts: [0, 1, 3],
  upperbound: [null, 1.55, 1.55],
  above: [false, false, true],
  today: 3,
  lastWeek: 4,
  aboveToday: true,
};

describe("regionOption — one small multiple of the region view", () => {
  it("draws the days above the usual level in red and the bound as a dashed line", () => {
    const option = regionOption(days, series, labels, { compact: true, maxY: 5 });
    const [bars, bound] = option.series as { data: unknown[]; lineStyle?: { type: string } }[];
    const colours = (bars!.data as { itemStyle: { color: string } }[]).map((d) => d.itemStyle.color);
    expect(colours[2]).toBe(ABOVE_COLOUR);
    expect(colours[1]).not.toBe(ABOVE_COLOUR);
    expect(bound!.data).toEqual([null, 1.6, 1.6]);
    expect(bound!.lineStyle!.type).toBe("dashed");
    expect((option.yAxis as { max: number }).max).toBe(5);
  });

  it("leaves the bound out when no day could be compared", () => {
    const option = regionOption(days, { ...series, upperbound: [null, null, null] }, labels, {
      compact: false,
    });
    expect(option.series).toHaveLength(1);
  });

  it("shares one y-range across the small multiples: the highest count or bound, at least 2", () => {
    expect(sharedMaxY([series, { ...series, counts: [0, 0, 6] }])).toBe(6);
    expect(sharedMaxY([{ ...series, counts: [0, 0, 0], upperbound: [null, null, null] }])).toBe(2);
    expect(sharedMaxY([{ ...series, counts: [0], upperbound: [2.4] }])).toBe(3);
  });
});

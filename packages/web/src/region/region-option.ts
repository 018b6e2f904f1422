import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { RegionSeries } from "../api/region.ts";

// One small multiple of the region view as an ECharts option: bars of new onsets per day (days above the usual level
// in red), the usual upper bound as a dashed line. Pure, so it is tested without a canvas.

export type RegionOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption
>;

export interface RegionLabels {
  onsets: string;
  upperBound: string;
  axisDay: (day: string) => string;
  longDay: (day: string) => string;
  people: (count: number) => string;
}

export const ABOVE_COLOUR = "#b3261e";
const BAR_COLOUR = "#1f5f7a";

/**
 * The chart of one series (the region's or a facility's) over the shown days; `compact` for the small multiples
 * (no axis labels but the first and last day, a shared y-range given by `maxY`).
 *
 * @example regionOption(days, series, labels, { compact: true, maxY: 5 }).series.length // 2 (bars and bound)
 */
export function regionOption(
  days: readonly string[],
  series: RegionSeries,
  labels: RegionLabels,
  options: { compact: boolean; maxY?: number },
): RegionOption {
  const bound = series.upperbound;
  const out: RegionOption["series"] = [
    {
      type: "bar",
      name: labels.onsets,
      data: series.counts.map((n, i) => ({
        value: n,
        itemStyle: { color: series.above[i] ? ABOVE_COLOUR : BAR_COLOUR },
      })),
      barMaxWidth: options.compact ? 8 : 18,
    },
  ];
  if (bound.some((b) => b !== null))
    out.push({
      type: "line",
      name: labels.upperBound,
      data: bound.map((b) => (b === null ? null : Math.round(b * 10) / 10)),
      symbol: "none",
      step: "middle",
      lineStyle: { type: "dashed", width: options.compact ? 1 : 2, color: "#1b1f23" },
      itemStyle: { color: "#1b1f23" },
      connectNulls: false,
      z: 5,
    });
  const last = days.length - 1;
  return {
    animation: false,
    grid: options.compact
      ? { left: 22, right: 6, top: 8, bottom: 20 }
      : { left: 32, right: 12, top: 16, bottom: 28 },
    tooltip: {
      trigger: "axis",
      confine: true,
      formatter: (params: unknown) => {
        const items = Array.isArray(params) ? (params as { dataIndex: number }[]) : [];
        const i = items[0]?.dataIndex ?? 0;
        const lines = [`<strong>${labels.longDay(days[i] ?? "")}</strong>`];
        lines.push(`${labels.onsets}：${labels.people(series.counts[i] ?? 0)}`);
        const b = bound[i];
        if (b != null) lines.push(`${labels.upperBound}：${(Math.round(b * 10) / 10).toFixed(1)}`);
        return lines.join("<br>");
      },
    },
    xAxis: {
      type: "category",
      data: days.map(labels.axisDay),
      axisLabel: options.compact
        ? { fontSize: 10, interval: (i: number) => i === 0 || i === last }
        : { fontSize: 12, interval: 6 },
      axisTick: { show: !options.compact },
    },
    yAxis: {
      type: "value",
      minInterval: 1,
      ...(options.maxY !== undefined ? { max: options.maxY } : {}),
      axisLabel: { fontSize: options.compact ? 10 : 12 },
      splitLine: { show: !options.compact },
    },
    series: out,
  };
}

/** A shared y-range for small multiples: the highest count or bound of any facility, at least 2. */
export function sharedMaxY(series: readonly RegionSeries[]): number {
  let top = 2;
  for (const s of series) {
    for (const n of s.counts) top = Math.max(top, n);
    for (const b of s.upperbound) if (b !== null) top = Math.max(top, Math.ceil(b));
  }
  return top;
}

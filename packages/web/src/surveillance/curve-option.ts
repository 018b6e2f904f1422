import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { EpidemicCurveResult } from "../api/surveillance-types.ts";

// The epidemic curve as an ECharts option: bars of new onsets per day stacked by floor, the usual upper bound as a
// dotted line, and a mark above each day an alert fired. Pure, so it is tested without a canvas.

export type CurveOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export interface CurveLabels {
  unitName: (unitId: string | null) => string;
  upperBound: string;
  alerts: string;
  /** The text of an alert in the tooltip. */
  alertTitle: (code: string) => string;
  /** A day on the axis ("12/3") and in the tooltip ("12月3日(木)"). */
  axisDay: (day: string) => string;
  longDay: (day: string) => string;
  people: (count: number) => string;
  total: (count: number) => string;
}

/** Calm colours for floors, told apart in grey print too (light to dark). */
export const FLOOR_COLOURS = ["#7fb3c8", "#1f5f7a", "#c98b3c", "#6b8e4e", "#8a6fb0", "#b35c5c"];
const NO_UNIT_COLOUR = "#9aa1a9";

/**
 * The chart of one group: the days of the curve, one stacked bar series per floor, the upper bound (where the
 * history allows it) and the alert days of that group.
 *
 * @example curveOption(curve, "GI", labels).series.length // floors + bound + alerts
 */
export function curveOption(curve: EpidemicCurveResult, groupCode: string, labels: CurveLabels): CurveOption {
  const group = curve.groups.find((g) => g.group === groupCode);
  const total = group?.total ?? curve.days.map(() => 0);
  const bound = group?.upperBound ?? null;
  const alertsByDay = new Map<string, string[]>();
  for (const alert of curve.alertDays) {
    if (!("group" in alert.subject) || alert.subject.group !== groupCode) continue;
    const list = alertsByDay.get(alert.day) ?? [];
    const title = labels.alertTitle(alert.code);
    if (!list.includes(title)) list.push(title);
    alertsByDay.set(alert.day, list);
  }
  const top = Math.max(1, ...total, ...(bound ?? []).map((b) => b ?? 0));
  const bars: BarSeriesOption[] = (group?.byUnit ?? []).map((unit, i) => ({
    type: "bar",
    name: labels.unitName(unit.unitId),
    stack: "onsets",
    data: unit.counts,
    itemStyle: { color: unit.unitId === null ? NO_UNIT_COLOUR : FLOOR_COLOURS[i % FLOOR_COLOURS.length] },
    barMaxWidth: 22,
    emphasis: { focus: "series" },
  }));
  const series: CurveOption["series"] = [...bars];
  if (bound?.some((b) => b !== null)) {
    series.push({
      type: "line",
      name: labels.upperBound,
      data: bound.map((b) => (b === null ? null : Math.round(b * 10) / 10)),
      symbol: "none",
      step: "middle",
      lineStyle: { type: "dashed", width: 2, color: "#1b1f23" },
      itemStyle: { color: "#1b1f23" },
      connectNulls: false,
      z: 5,
    });
  }
  if (alertsByDay.size > 0) {
    series.push({
      type: "scatter",
      name: labels.alerts,
      data: curve.days.map((day, i) =>
        alertsByDay.has(day) ? Math.max(total[i] ?? 0, bound?.[i] ?? 0) + top * 0.12 + 0.2 : null,
      ),
      symbol: "triangle",
      symbolRotate: 180,
      symbolSize: 14,
      itemStyle: { color: "#b3261e" },
      z: 6,
    });
  }
  return {
    animation: false,
    grid: { left: 36, right: 12, top: 44, bottom: 28, containLabel: false },
    legend: { top: 0, left: 0, itemGap: 12, textStyle: { fontSize: 13 } },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      confine: true,
      formatter: (params: unknown) => {
        const items = Array.isArray(params) ? (params as { dataIndex: number }[]) : [];
        const index = items[0]?.dataIndex ?? 0;
        const day = curve.days[index] ?? "";
        const lines = [`<strong>${labels.longDay(day)}</strong>`];
        for (const unit of group?.byUnit ?? []) {
          const count = unit.counts[index] ?? 0;
          if (count > 0) lines.push(`${labels.unitName(unit.unitId)}：${labels.people(count)}`);
        }
        lines.push(labels.total(total[index] ?? 0));
        const b = bound?.[index];
        if (b != null) lines.push(`${labels.upperBound}：${(Math.round(b * 10) / 10).toFixed(1)}`);
        for (const title of alertsByDay.get(day) ?? []) lines.push(`▼ ${title}`);
        return lines.join("<br>");
      },
    },
    xAxis: {
      type: "category",
      data: curve.days.map(labels.axisDay),
      axisLabel: { interval: 6, fontSize: 12 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 12 } },
    series,
  };
}

/** The group to show first: that of the latest facility alert of the curve, else the first with onsets, else GI. */
export function defaultCurveGroup(curve: EpidemicCurveResult): string {
  const latest = [...curve.alertDays].reverse().find((alert) => "group" in alert.subject);
  if (latest && "group" in latest.subject) return latest.subject.group;
  const withOnsets = curve.groups.find((g) => g.total.some((n) => n > 0));
  return withOnsets?.group ?? "GI";
}

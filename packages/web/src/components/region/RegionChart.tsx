import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { RegionOption } from "../../region/region-option.ts";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

interface Props {
  option: RegionOption;
  /** What the chart says, for those who do not see it. */
  label: string;
  className: string;
  testId?: string;
}

/** One chart of the region view (the region's or a facility's small multiple), drawn as SVG. */
export function RegionChart({ option, label, className, testId }: Props) {
  const element = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.getInstanceByDom(node) ?? echarts.init(node, undefined, { renderer: "svg" });
    chart.setOption(option, true);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => observer.disconnect();
  }, [option]);

  useEffect(
    () => () => {
      if (element.current) echarts.getInstanceByDom(element.current)?.dispose();
    },
    [],
  );

  return <div ref={element} className={className} role="img" aria-label={label} data-testid={testId} />;
}

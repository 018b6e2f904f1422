import { ALERT_TEXT, type AlertCode, GROUP_TEXT, type SyndromeGroup } from "@mamori/domain/surveillance";
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortDay } from "../../alerts/alert-labels.ts";
import type { EpidemicCurveResult } from "../../api/surveillance-types.ts";
import { asLang } from "../../lib/labels.ts";
import { curveOption, defaultCurveGroup } from "../../surveillance/curve-option.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

interface Props {
  curve: EpidemicCurveResult | null;
  error: unknown;
  reload: () => Promise<void>;
}

/** Groups worth a tab: the facility groups, and any other group with onsets or alerts in the 4 weeks. */
function groupsShown(curve: EpidemicCurveResult): SyndromeGroup[] {
  return curve.groups
    .filter(
      (g) =>
        ["GI", "ILI", "SKIN"].includes(g.group) ||
        g.total.some((n) => n > 0) ||
        curve.alertDays.some((a) => "group" in a.subject && a.subject.group === g.group),
    )
    .map((g) => g.group);
}

/**
 * The epidemic curve of the last 4 weeks: new onsets per day of one kind of symptoms, stacked by floor, with ▼ on the
 * days an alert fired and the facility's usual upper bound as a dotted line; a sentence says the same for those who
 * do not see the chart.
 */
export function EpidemicCurveChart({ curve, error, reload }: Props) {
  const { t, i18n } = useTranslation("surveillance");
  const lang = asLang(i18n.language);
  const element = useRef<HTMLDivElement | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const group = chosen ?? (curve ? defaultCurveGroup(curve) : "GI");

  const option = useMemo(() => {
    if (!curve) return null;
    const unitNames = new Map(curve.units.map((u) => [u.id, u.name]));
    return curveOption(curve, group, {
      unitName: (id) => (id === null ? t("curve.noUnit") : (unitNames.get(id) ?? "")),
      upperBound: t("curve.upperBound"),
      alerts: t("curve.alerts"),
      alertTitle: (code) => ALERT_TEXT[code as AlertCode]?.title[lang] ?? "",
      axisDay: (day) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`,
      longDay: (day) => shortDay(day, lang),
      people: (count) => t("curve.people", { count }),
      total: (count) => t("curve.total", { count }),
    });
  }, [curve, group, t, lang]);

  useEffect(() => {
    const node = element.current;
    if (!node || !option) return;
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

  const summary = useMemo(() => {
    if (!curve) return "";
    const data = curve.groups.find((g) => g.group === group);
    const name = GROUP_TEXT[group as SyndromeGroup]?.name[lang] ?? group;
    const total = data?.total.reduce((a, b) => a + b, 0) ?? 0;
    if (!data || total === 0) return t("curve.summaryNone", { group: name });
    const peak = Math.max(...data.total);
    const peakDay = curve.days[data.total.lastIndexOf(peak)] ?? "";
    return t("curve.summary", { group: name, total, peak, peakDay: shortDay(peakDay, lang) });
  }, [curve, group, lang, t]);

  const data = curve?.groups.find((g) => g.group === group);
  const noBound = data?.upperBound !== null && (data?.upperBound ?? []).every((b) => b === null);

  return (
    <section className="curve" aria-labelledby="curve-title" data-testid="epidemic-curve">
      <h2 id="curve-title">{t("curve.title")}</h2>
      <p className="muted small">{t("curve.lead")}</p>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {!curve && !error && <p className="muted">{t("curve.loading")}</p>}
      {curve && (
        <>
          <fieldset className="curve-groups no-print">
            <legend className="sr-only">{t("curve.chooseGroup")}</legend>
            {groupsShown(curve).map((g) => (
              <button
                key={g}
                type="button"
                className={g === group ? "seg seg--small is-on" : "seg seg--small"}
                aria-pressed={g === group}
                data-testid={`curve-group-${g}`}
                onClick={() => setChosen(g)}
              >
                {GROUP_TEXT[g].name[lang]}
              </button>
            ))}
          </fieldset>
          <div
            ref={element}
            className="curve-chart"
            role="img"
            aria-label={summary}
            data-testid="curve-chart"
            data-group={group}
          />
          <p className="small" data-testid="curve-summary">
            {summary}
          </p>
          {noBound && (
            <p className="muted small">{t("curve.noBound", { days: curve.detection.minHistoryDays })}</p>
          )}
          {!noBound && data?.upperBound && (
            <p className="muted small">
              {t("curve.boundSource", { method: `EARS ${curve.detection.method}` })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

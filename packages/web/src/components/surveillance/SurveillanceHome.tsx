import { useCallback, useEffect, useState } from "react";
import type { EpidemicCurveResult, LineListResult } from "../../api/surveillance-types.ts";
import type { Facility, Round } from "../../api/types.ts";
import type { OutboxItem } from "../../outbox/outbox.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { AlertsPanel } from "../alerts/AlertsPanel.tsx";
import { OpenEpisodesPanel } from "../episodes/OpenEpisodesPanel.tsx";
import { EpidemicCurveChart } from "./EpidemicCurveChart.tsx";
import { LineListPanel } from "./LineListPanel.tsx";
import { UncheckedToday } from "./UncheckedToday.tsx";
import "./surveillance.css";

interface Props {
  facility: Facility;
  today: string;
  rounds: Record<string, Round>;
  outbox: readonly OutboxItem[];
}

/** Days of the epidemic curve: the last four weeks. */
const CURVE_DAYS = 28;

/**
 * The home of the people who manage an outbreak — nurse, infection-control lead, director (manual §4, 図4: the nurse
 * grasps the whole facility and tells the lead and the director): open outbreak episodes on top, the alerts, who is ill
 * now, who is not yet checked today, and the epidemic curve.
 */
export function SurveillanceHome({ facility, today, rounds, outbox }: Props) {
  const api = useApi();
  const [lineList, setLineList] = useState<LineListResult | null>(null);
  const [lineListError, setLineListError] = useState<unknown>(null);
  const [curve, setCurve] = useState<EpidemicCurveResult | null>(null);
  const [curveError, setCurveError] = useState<unknown>(null);

  const reloadLineList = useCallback(async () => {
    try {
      setLineList(await api.lineList(facility.id));
      setLineListError(null);
    } catch (e) {
      setLineListError(e);
    }
  }, [api, facility.id]);
  const reloadCurve = useCallback(async () => {
    try {
      setCurve(await api.epidemicCurve(facility.id, { days: CURVE_DAYS }));
      setCurveError(null);
    } catch (e) {
      setCurveError(e);
    }
  }, [api, facility.id]);

  useEffect(() => {
    void reloadLineList();
    void reloadCurve();
  }, [reloadLineList, reloadCurve]);

  // A recorded disease or case changes the curve's counts too.
  const afterSave = useCallback(async () => {
    await Promise.all([reloadLineList(), reloadCurve()]);
  }, [reloadLineList, reloadCurve]);

  return (
    <div className="surveillance-home" data-testid="surveillance-home">
      {/* Open outbreak episodes stay on top until each is closed. */}
      <OpenEpisodesPanel facilityId={facility.id} />
      <AlertsPanel facility={facility} />
      <div className="surveillance-grid">
        <LineListPanel
          facility={facility}
          today={today}
          result={lineList}
          error={lineListError}
          reload={afterSave}
        />
        <div className="surveillance-side">
          <EpidemicCurveChart curve={curve} error={curveError} reload={reloadCurve} />
          <UncheckedToday facility={facility} today={today} rounds={rounds} outbox={outbox} />
        </div>
      </div>
    </div>
  );
}

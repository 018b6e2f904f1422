import { epidemicCurve, evaluateFacility } from "@mamori/domain/surveillance";
import type { Executor } from "../../db/database.ts";
import { HISTORY_DAYS } from "../alerts/facility-alerts.ts";
import { presentCurve } from "./presenters.ts";
import { loadSurveillanceRecords, shiftDay } from "./records.ts";

/**
 * The facility's epidemic curve of the `days` ending with the as-of day, with the days its facility alerts fired, from
 * the stored records through the domain functions `evaluateFacility` and `epidemicCurve`.
 *
 * By default the onsets come from the kept onsets and only the rounds of the window's first days (which the full window
 * reads without the days before them) and of the last gap days are read; `kept: false` recomputes everything from the
 * rounds of the whole window (the test compares both).
 */
export async function facilityEpidemicCurve(
  db: Executor,
  facilityId: string,
  asOf: Date,
  days: number,
  options: { kept?: boolean } = {},
) {
  const records = await loadSurveillanceRecords(
    db,
    facilityId,
    asOf,
    HISTORY_DAYS + days,
    // The curve and the facility alerts read new onsets only, and the kept ones are exact up to the as-of instant
    // (kept as each round is written, an onset seen after `until` left out): every day up to the as-of day is kept.
    options.kept === false ? {} : { keptBefore: (asOfDay) => shiftDay(asOfDay, 1) },
  );
  // The facility alerts of the days shown, from the same engine and the same window of records as the alerts panel
  // (facility alerts read observations and cases only; antibiotics and bath use feed person hints, which the curve
  // does not show).
  const evaluation = evaluateFacility({
    facility: records.facility,
    people: records.people,
    observations: records.observations,
    cases: records.recordedCases,
    profile: records.profile,
    asOf,
    lookbackDays: days,
    history: records.history,
    personHints: false,
  });
  const curve = epidemicCurve({
    facility: records.facility,
    people: records.people,
    observations: records.observations,
    cases: records.recordedCases,
    profile: records.profile,
    asOf,
    days,
    alerts: evaluation.alerts,
    history: records.history,
  });
  return presentCurve(curve, records);
}

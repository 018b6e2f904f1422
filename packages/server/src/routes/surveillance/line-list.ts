import { buildLineList } from "@mamori/domain/surveillance";
import type { Executor } from "../../db/database.ts";
import { HISTORY_DAYS } from "../alerts/facility-alerts.ts";
import { presentLineList } from "./presenters.ts";
import { loadSurveillanceRecords, shiftDay } from "./records.ts";

/**
 * Who is ill now: the facility's line list of the `days` ending with the as-of day, from the stored records through the
 * domain function `buildLineList`.
 *
 * By default the onsets before the days shown come from the kept onsets and only the rounds of the days shown (and the
 * gap days before them) are read, with all the rounds of people whose stored case closed within the days shown;
 * `kept: false` recomputes everything from the rounds of the whole window (the test compares both).
 */
export async function facilityLineList(
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
    options.kept === false
      ? {}
      : { keptBefore: (asOfDay) => shiftDay(asOfDay, -(days - 1)), keptFor: "line-list" },
  );
  const list = buildLineList({
    facility: records.facility,
    people: records.people,
    observations: records.observations,
    cases: records.lineListCases,
    profile: records.profile,
    asOf,
    days,
    history: records.history,
  });
  return presentLineList(list, records);
}

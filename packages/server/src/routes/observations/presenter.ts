import { classifyTemperature } from "@mamori/domain/surveillance";
import type { observations } from "../../db/schema/index.ts";
import { dayInZone } from "../../time/facility-day.ts";

type ObservationRow = typeof observations.$inferSelect;

/** An observation as the API shows it, with the temperature classified against the person's usual temperature. */
export function presentObservation(
  row: ObservationRow,
  context: { timeZone: string; baselineTempC: number | null; recordedByName: string },
) {
  return {
    id: row.id,
    personId: row.personId,
    at: row.at.toISOString(),
    day: dayInZone(row.at, context.timeZone),
    tempC: row.tempC,
    symptoms: row.symptoms,
    note: row.note,
    temperatureClass: row.tempC === null ? null : classifyTemperature(row.tempC, context.baselineTempC),
    version: row.version,
    recordedBy: context.recordedByName,
  };
}

import {
  type FormCaseInput,
  type FormPersonInput,
  type FormsInput,
  physicianReport,
  WEEKLY_TREND_DAYS,
  weeklyTrend,
} from "@mamori/domain/forms";
import { addIsoDays, DEFAULT_ONSET_GAP_DAYS, GROUP_TEXT } from "@mamori/domain/surveillance";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { type cases, rooms, units } from "../../db/schema/index.ts";
import { loadFacilityRecords } from "../alerts/facility-alerts.ts";

type CaseRow = typeof cases.$inferSelect;

/**
 * A stored case as the physician report reads it — the one place that maps case columns to 受診・診断日 and 備考: the
 * diagnosis (or consultation) day, and the disease with its status and the nurse's remarks. A case kept on the line list
 * before a disease is named is written with the name of its group of symptoms (「嘔吐・下痢（疑い）」).
 */
export function toFormCase(row: CaseRow): FormCaseInput {
  return {
    personId: row.personId,
    disease: row.disease ?? (row.syndromeGroup ? GROUP_TEXT[row.syndromeGroup].name.ja : "症状"),
    status: row.status,
    onsetDate: row.onsetDate,
    resolvedDate: row.resolvedDate,
    consultationDate: row.diagnosedDate,
    remarks: row.remarks,
  };
}

/**
 * Reads what the forms need for the days [firstDay, lastDay]: the people with their unit and room names, the facility's
 * units in their order, the observations from three days before (the new-onset gap) up to the end of the last day or
 * `asOf`, whichever is earlier, and the cases — through the loader the alerts use.
 */
async function loadFormsInput(
  db: Executor,
  facilityId: string,
  firstDay: string,
  lastDay: string,
  asOf: Date,
) {
  const records = await loadFacilityRecords(db, facilityId, {
    firstDay: addIsoDays(firstDay, -DEFAULT_ONSET_GAP_DAYS),
    lastDay,
    until: asOf,
  });
  const unitRows = await db
    .select()
    .from(units)
    .where(eq(units.facilityId, facilityId))
    .orderBy(asc(units.sortOrder), asc(units.name), asc(units.id));
  const roomRows =
    unitRows.length === 0
      ? []
      : await db
          .select({ id: rooms.id, name: rooms.name })
          .from(rooms)
          .where(eq(rooms.facilityId, facilityId));
  const roomName = new Map(roomRows.map((r) => [r.id, r.name]));
  const people: FormPersonInput[] = records.people.map((p) => ({
    id: p.id,
    kind: p.kind,
    job: p.job,
    unit: p.unitId,
    // Rooms by their names, so that the line list is in room order (101, 102, …) and shows the room.
    room: p.roomId ? (roomName.get(p.roomId) ?? null) : null,
    baselineTempC: p.baselineTempC,
    active: p.active,
  }));
  const input: FormsInput = {
    facility: {
      id: records.facility.id,
      timeZone: records.facility.timeZone,
      units: unitRows.map((u) => ({ id: u.id, name: u.name })),
    },
    people,
    observations: records.observations,
    cases: records.cases.map(toFormCase),
    asOf: records.until,
  };
  return {
    input,
    facility: { name: records.facility.name, timeZone: records.facility.timeZone },
    names: new Map(records.people.map((p) => [p.id, p.name])),
    unitNames: new Map(unitRows.map((u) => [u.id, u.name])),
  };
}

/** 付録4② for a facility's week from its stored rounds, with the facility's name for the sheet. */
export async function facilityWeeklyTrend(db: Executor, facilityId: string, weekStart: string, asOf: Date) {
  const lastDay = addIsoDays(weekStart, WEEKLY_TREND_DAYS - 1);
  const { input, facility } = await loadFormsInput(db, facilityId, weekStart, lastDay, asOf);
  return { facility, asOf: asOf.toISOString(), ...weeklyTrend({ ...input, weekStart }) };
}

/** 付録4③ for a facility's days from its stored rounds and cases, with names for facility staff. */
export async function facilityPhysicianReport(
  db: Executor,
  facilityId: string,
  from: string,
  days: number,
  asOf: Date,
) {
  const lastDay = addIsoDays(from, days - 1);
  const { input, facility, names, unitNames } = await loadFormsInput(db, facilityId, from, lastDay, asOf);
  const report = physicianReport({ ...input, from, days });
  return {
    facility,
    asOf: asOf.toISOString(),
    days: report.days,
    lines: report.lines.map((line) => ({
      personId: line.personId,
      name: names.get(line.personId) ?? "",
      section: line.section,
      unitId: line.unit,
      unitName: line.unit ? (unitNames.get(line.unit) ?? null) : null,
      room: line.room,
      marks: line.marks,
      consultationDate: line.consultationDate,
      remarks: line.remarks,
    })),
    tally: report.tally.map((row) => {
      const unitId = row.row.startsWith("unit:") ? row.row.slice(5) : null;
      return {
        row: row.row,
        kind: unitId ? ("unit" as const) : (row.row as "co_located" | "staff"),
        unitName: unitId ? (unitNames.get(unitId) ?? null) : null,
        counts: row.counts,
        total: row.total,
      };
    }),
  };
}

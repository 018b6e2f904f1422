import { caseNotification } from "@mamori/domain/notifiable";
import type { EpidemicCurve, LineList } from "@mamori/domain/surveillance";
import type { SurveillanceRecords } from "./records.ts";

/** The line list with the names people read: person, floor (unit) and room; nothing else about the person. */
export function presentLineList(list: LineList, records: SurveillanceRecords) {
  const { names } = records;
  return {
    asOf: list.asOf,
    profile: list.profile,
    days: list.days,
    entries: list.entries.map((entry) => {
      const person = names.people.get(entry.personId);
      const unit = entry.unitId ? names.units.get(entry.unitId) : undefined;
      const room = entry.roomId ? names.rooms.get(entry.roomId) : undefined;
      return {
        key: entry.key,
        caseId: entry.caseId,
        version: entry.version,
        source: entry.source,
        person: {
          id: entry.personId,
          name: person?.name ?? "",
          kind: person?.kind ?? entry.personKind ?? "resident",
          job: person?.job ?? null,
        },
        unit: entry.unitId && unit ? { id: entry.unitId, name: unit.name, floor: unit.floor } : null,
        room: entry.roomId && room !== undefined ? { id: entry.roomId, name: room } : null,
        subject: entry.subject,
        disease: entry.disease,
        status: entry.status,
        onsetDate: entry.onsetDate,
        onsetAt: entry.onsetAt,
        lastSymptomDate: entry.lastSymptomDate,
        resolvedDate: entry.resolvedDate,
        diagnosedDate: entry.diagnosedDate,
        notifiedDate: entry.notifiedDate,
        notification:
          entry.source === "recorded"
            ? caseNotification(entry, list.days[list.days.length - 1] ?? entry.onsetDate)
            : null,
        remarks: entry.remarks,
        outcomes: entry.outcomes,
        days: entry.days,
        symptomFreeDays: entry.symptomFreeDays,
        closeOffer: entry.closeOffer,
      };
    }),
  };
}

/** The curve with each unit's name and floor (null for people without a unit: staff, day-service users). */
export function presentCurve(curve: EpidemicCurve, records: SurveillanceRecords) {
  return {
    ...curve,
    units: curve.units.map((id) => {
      const unit = id ? records.names.units.get(id) : undefined;
      return { id, name: unit?.name ?? null, floor: unit?.floor ?? null };
    }),
  };
}

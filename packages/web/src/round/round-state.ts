import {
  classifyTemperature,
  type PersonKind,
  type SymptomCode,
  type TemperatureClass,
} from "@mamori/domain/surveillance";
import type { FieldError, Observation, Round, RoundPerson } from "../api/types.ts";
import type { OutboxItem } from "../outbox/outbox.ts";

/** How an entry stands with the server: stored, waiting in the outbox, or refused and waiting for the user. */
export type EntrySync = "saved" | "pending" | "rejected";

export interface RoundEntry {
  id: string;
  personId: string;
  at: string;
  tempC: number | null;
  symptoms: SymptomCode[];
  note: string | null;
  temperatureClass: TemperatureClass | null;
  version: number | null;
  sync: EntrySync;
  error?: { id: string; message: string; fields: FieldError[] };
}

/** A row of the round: `unchecked` nobody has looked yet today, `clear` checked and nothing new, `finding` fever or symptoms. */
export type RowStatus = "unchecked" | "clear" | "finding";

export interface RoundRow {
  person: RoundPerson;
  /** The day's entries, oldest first. */
  entries: RoundEntry[];
  status: RowStatus;
  /** The highest temperature of the day and its class (fever, low-grade fever). */
  maxTempC: number | null;
  temperatureClass: TemperatureClass | null;
  /** Every symptom recorded on the day, in vocabulary order of first appearance. */
  symptoms: SymptomCode[];
  notes: string[];
  pending: boolean;
  rejected: boolean;
}

const CLASS_RANK: Record<TemperatureClass, number> = { normal: 0, low_grade_fever: 1, fever: 2 };

function fromServer(observation: Observation, baselineTempC: number | null): RoundEntry {
  return {
    id: observation.id,
    personId: observation.personId,
    at: observation.at,
    tempC: observation.tempC,
    symptoms: observation.symptoms,
    note: observation.note,
    temperatureClass:
      observation.temperatureClass ??
      (observation.tempC === null ? null : classifyTemperature(observation.tempC, baselineTempC)),
    version: observation.version,
    sync: "saved",
  };
}

function fromOutbox(item: OutboxItem, baselineTempC: number | null): RoundEntry {
  const o = item.observation;
  return {
    id: o.id,
    personId: o.personId,
    at: o.at,
    tempC: o.tempC ?? null,
    symptoms: o.symptoms,
    note: o.note ?? null,
    temperatureClass: o.tempC == null ? null : classifyTemperature(o.tempC, baselineTempC),
    version: null,
    sync: item.status === "pending" ? "pending" : item.status === "rejected" ? "rejected" : "saved",
    ...(item.error ? { error: item.error } : {}),
  };
}

/** Whether an entry carries something to act on: a fever, a low-grade fever or a symptom. */
export function hasFinding(entry: Pick<RoundEntry, "symptoms" | "temperatureClass">): boolean {
  return (
    entry.symptoms.length > 0 ||
    entry.temperatureClass === "fever" ||
    entry.temperatureClass === "low_grade_fever"
  );
}

/** Natural order of rooms ("2" before "10"), then name; people without a room last. */
export function compareRows(
  a: Pick<RoundPerson, "room" | "name">,
  b: Pick<RoundPerson, "room" | "name">,
): number {
  if (a.room !== b.room) {
    if (a.room === null) return 1;
    if (b.room === null) return -1;
    const byRoom = a.room.localeCompare(b.room, "ja", { numeric: true });
    if (byRoom !== 0) return byRoom;
  }
  return a.name.localeCompare(b.name, "ja");
}

/** Builds one row for a person from what the server holds and what this device has queued for the same day. */
export function buildRow(person: RoundPerson, queued: readonly OutboxItem[]): RoundRow {
  const entries = new Map<string, RoundEntry>();
  for (const o of person.observations) entries.set(o.id, fromServer(o, person.baselineTempC));
  for (const item of queued) {
    // The server's copy wins: it has the version and any correction made since.
    if (item.observation.personId === person.id && !entries.has(item.observation.id)) {
      entries.set(item.observation.id, fromOutbox(item, person.baselineTempC));
    }
  }
  const list = [...entries.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const counted = list.filter((e) => e.sync !== "rejected");

  let maxTempC: number | null = null;
  let temperatureClass: TemperatureClass | null = null;
  const symptoms: SymptomCode[] = [];
  const notes: string[] = [];
  for (const entry of counted) {
    if (entry.tempC !== null && (maxTempC === null || entry.tempC > maxTempC)) maxTempC = entry.tempC;
    if (
      entry.temperatureClass &&
      (temperatureClass === null || CLASS_RANK[entry.temperatureClass] > CLASS_RANK[temperatureClass])
    ) {
      temperatureClass = entry.temperatureClass;
    }
    for (const s of entry.symptoms) if (!symptoms.includes(s)) symptoms.push(s);
    if (entry.note) notes.push(entry.note);
  }

  const status: RowStatus =
    counted.length === 0 ? "unchecked" : counted.some((e) => hasFinding(e)) ? "finding" : "clear";
  return {
    person,
    entries: list,
    status,
    maxTempC,
    temperatureClass,
    symptoms,
    notes,
    pending: list.some((e) => e.sync === "pending"),
    rejected: list.some((e) => e.sync === "rejected"),
  };
}

/** The rows of a unit's round for its day, merging the outbox entries of that day. */
export function buildRows(round: Round, outbox: readonly OutboxItem[]): RoundRow[] {
  const queued = outbox.filter((item) => item.day === round.date);
  return [...round.people].sort(compareRows).map((person) => buildRow(person, queued));
}

/** How many people of the round nobody has checked yet (the 未確認 counter). */
export function uncheckedCount(rows: readonly RoundRow[]): number {
  return rows.filter((row) => row.status === "unchecked").length;
}

/**
 * Who 全員変わりなし is for: the people living on the unit — residents and short-stay guests. Day-service users and staff
 * are looked at separately (they come and go, and staff report their own health), so one tap never marks them.
 */
export const ALL_CLEAR_KINDS: readonly PersonKind[] = ["resident", "short_stay"];

/** The sections of a round, in order: the people living on the unit, then day-service users, then staff. */
export const ROUND_SECTIONS = [
  { id: "living", kinds: ALL_CLEAR_KINDS },
  { id: "day_service", kinds: ["day_service"] },
  { id: "staff", kinds: ["staff"] },
] as const satisfies readonly { id: string; kinds: readonly PersonKind[] }[];
export type RoundSectionId = (typeof ROUND_SECTIONS)[number]["id"];

/** The rows of each section that has anyone in it, keeping the room order within each. */
export function sectionsOf(rows: readonly RoundRow[]): { id: RoundSectionId; rows: RoundRow[] }[] {
  return ROUND_SECTIONS.map((section) => ({
    id: section.id,
    rows: rows.filter((row) => (section.kinds as readonly PersonKind[]).includes(row.person.kind)),
  })).filter((section) => section.rows.length > 0);
}

/**
 * The people "全員変わりなし" applies to: residents and short-stay guests of the unit not yet checked, so no one's finding
 * is ever overwritten and day-service users and staff are never marked by it.
 */
export function peopleToClear(rows: readonly RoundRow[]): RoundPerson[] {
  return rows
    .filter((row) => row.status === "unchecked" && ALL_CLEAR_KINDS.includes(row.person.kind))
    .map((row) => row.person);
}

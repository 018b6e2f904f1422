import type { FacilitySubject, SyndromeGroup } from "@mamori/domain/surveillance";
import type { LineListDay, LineListEntry } from "../api/surveillance-types.ts";

// What the home makes of the line list: the marks of 付録4③ for a day, and the rows grouped by kind of symptoms and
// floor. Pure, so it is tested without a page.

/** The marks of 付録4③ (p.85, 【記号の例】●：発熱 □：嘔吐 △：下痢 ◎：嘔吐・下痢), and ours for the other cases. */
export type DayMark = "●" | "□" | "△" | "◎" | "○" | "・" | "－";

/**
 * The marks of one day of a case, as the physician report writes them: ● fever, □ vomiting, △ diarrhoea (or watery
 * stool), ◎ both; ○ another symptom; ・ recorded without symptoms; － not recorded.
 *
 * @example dayMarks({ recorded: true, symptoms: ["fever", "vomiting", "diarrhea"], … }) // ["●", "◎"]
 */
export function dayMarks(day: Pick<LineListDay, "recorded" | "symptoms">): DayMark[] {
  if (!day.recorded) return ["－"];
  const has = new Set(day.symptoms);
  const marks: DayMark[] = [];
  if (has.has("fever")) marks.push("●");
  const vomiting = has.has("vomiting");
  const diarrhea = has.has("diarrhea") || has.has("watery_stool");
  if (vomiting && diarrhea) marks.push("◎");
  else if (vomiting) marks.push("□");
  else if (diarrhea) marks.push("△");
  if (marks.length === 0) marks.push(day.symptoms.length > 0 ? "○" : "・");
  return marks;
}

export const subjectKeyOf = (subject: FacilitySubject): string =>
  "group" in subject ? subject.group : subject.disease;

export interface LineListFloor {
  unitId: string | null;
  unitName: string | null;
  entries: LineListEntry[];
}

export interface LineListSection {
  subject: FacilitySubject;
  key: string;
  /** Cases not closed. */
  open: number;
  floors: LineListFloor[];
}

/** Rooms as people count them: 201号室 before 1001号室. */
const ROOM_ORDER = new Intl.Collator("ja", { numeric: true });

const GROUP_ORDER: readonly SyndromeGroup[] = ["GI", "ILI", "SKIN", "RESP", "FEVER"];

/**
 * The line list by kind of symptoms (GI, ILI, SKIN, then diseases in no group by name), then floor in the facility's
 * order (people without a floor last), then room (numbers as numbers), onset and name.
 */
export function groupLineList(
  entries: readonly LineListEntry[],
  unitOrder: readonly string[],
): LineListSection[] {
  const sections = new Map<string, LineListSection>();
  for (const entry of entries) {
    const key = subjectKeyOf(entry.subject);
    let section = sections.get(key);
    if (!section) {
      section = { subject: entry.subject, key, open: 0, floors: [] };
      sections.set(key, section);
    }
    if (entry.resolvedDate === null) section.open += 1;
    const unitId = entry.unit?.id ?? null;
    let floor = section.floors.find((f) => f.unitId === unitId);
    if (!floor) {
      floor = { unitId, unitName: entry.unit?.name ?? null, entries: [] };
      section.floors.push(floor);
    }
    floor.entries.push(entry);
  }
  const unitRank = (id: string | null) => {
    if (id === null) return Number.MAX_SAFE_INTEGER;
    const i = unitOrder.indexOf(id);
    return i === -1 ? unitOrder.length : i;
  };
  const sectionRank = (section: LineListSection) => {
    if ("group" in section.subject) return GROUP_ORDER.indexOf(section.subject.group);
    return GROUP_ORDER.length;
  };
  const byRoom = (a: LineListEntry, b: LineListEntry) =>
    ROOM_ORDER.compare(a.room?.name ?? "\uffff", b.room?.name ?? "\uffff") ||
    a.onsetDate.localeCompare(b.onsetDate) ||
    ROOM_ORDER.compare(a.person.name, b.person.name);
  return [...sections.values()]
    .map((section) => ({
      ...section,
      floors: section.floors
        .sort((a, b) => unitRank(a.unitId) - unitRank(b.unitId))
        .map((floor) => ({ ...floor, entries: [...floor.entries].sort(byRoom) })),
    }))
    .sort((a, b) => sectionRank(a) - sectionRank(b) || a.key.localeCompare(b.key));
}

export interface LineListPrintFloor {
  unitId: string | null;
  unitName: string | null;
  entries: LineListEntry[];
  /** Cases not closed on this floor. */
  open: number;
}

/**
 * The printed line list: one block per floor in the facility's order (people without a floor — staff — last), each
 * case once with its kind of symptoms, ordered by room (numbers as numbers), kind of symptoms, onset and name.
 */
export function lineListByFloor(
  entries: readonly LineListEntry[],
  unitOrder: readonly string[],
): LineListPrintFloor[] {
  const sectionOrder = new Map(
    groupLineList(entries, unitOrder).map((section, i) => [section.key, i] as const),
  );
  const floors = new Map<string | null, LineListPrintFloor>();
  for (const entry of entries) {
    const unitId = entry.unit?.id ?? null;
    let floor = floors.get(unitId);
    if (!floor) {
      floor = { unitId, unitName: entry.unit?.name ?? null, entries: [], open: 0 };
      floors.set(unitId, floor);
    }
    floor.entries.push(entry);
    if (entry.resolvedDate === null) floor.open += 1;
  }
  const unitRank = (id: string | null) => {
    if (id === null) return Number.MAX_SAFE_INTEGER;
    const i = unitOrder.indexOf(id);
    return i === -1 ? unitOrder.length : i;
  };
  const rank = (entry: LineListEntry) => sectionOrder.get(subjectKeyOf(entry.subject)) ?? 0;
  return [...floors.values()]
    .sort((a, b) => unitRank(a.unitId) - unitRank(b.unitId))
    .map((floor) => ({
      ...floor,
      entries: [...floor.entries].sort(
        (a, b) =>
          ROOM_ORDER.compare(a.room?.name ?? "\uffff", b.room?.name ?? "\uffff") ||
          rank(a) - rank(b) ||
          a.onsetDate.localeCompare(b.onsetDate) ||
          ROOM_ORDER.compare(a.person.name, b.person.name),
      ),
    }));
}

import { DISEASE_LABELS, type GroupedDisease } from "../surveillance/diseases.ts";

import { DEFAULT_ONSET_GAP_DAYS, personOnsets } from "../surveillance/onsets.ts";
import type { PersonKind, StaffJob } from "../surveillance/people.ts";
import { compareText, dayPosition, type PersonTimeline } from "../surveillance/person-days.ts";
import { maskOfSymptoms, SYMPTOM_BIT } from "../surveillance/symptom-mask.ts";
import {
  type FormCaseInput,
  type FormPersonInput,
  type FormsInput,
  formDays,
  indexForForms,
} from "./form-index.ts";

/** The form's six day columns (付録4③ 発症者状況一覧表 and 新規発症者 集計表). */
export const PHYSICIAN_REPORT_DEFAULT_DAYS = 6;
/** The longest period one report covers. */
export const PHYSICIAN_REPORT_MAX_DAYS = 31;

/** The form's marks: 【記号の例】●：発熱 □：嘔吐 △：下痢 ◎：嘔吐・下痢 (付録4③ p.85). */
export const REPORT_MARKS = { fever: "●", vomiting: "□", diarrhea: "△", both: "◎" } as const;

const FEVER_MASK = SYMPTOM_BIT.fever;
const VOMITING_MASK = maskOfSymptoms(["vomiting", "nausea"]);
const DIARRHEA_MASK = maskOfSymptoms(["diarrhea", "watery_stool", "bloody_stool"]);
/** The symptoms that give a mark; abdominal pain alone gives none. */
const MARKED_MASK = FEVER_MASK | VOMITING_MASK | DIARRHEA_MASK;

/**
 * The mark of one person's day from the symptoms present that day: `●` for fever, then `◎` when vomiting (or nausea)
 * and diarrhoea (or watery or bloody stool) are both present, else `□` or `△` for one of them (付録4③ p.85,
 * contracts/forms.md "Marks"). Empty when none.
 *
 * @param dayMask the day's symptom mask (`symptom-mask.ts`)
 * @example markOfDay(SYMPTOM_BIT.fever | SYMPTOM_BIT.vomiting) // "●□"
 * @example markOfDay(SYMPTOM_BIT.nausea | SYMPTOM_BIT.watery_stool) // "◎"
 */
export function markOfDay(dayMask: number): string {
  let mark = dayMask & FEVER_MASK ? REPORT_MARKS.fever : "";
  const vomiting = (dayMask & VOMITING_MASK) !== 0;
  const diarrhea = (dayMask & DIARRHEA_MASK) !== 0;
  if (vomiting && diarrhea) mark += REPORT_MARKS.both;
  else if (vomiting) mark += REPORT_MARKS.vomiting;
  else if (diarrhea) mark += REPORT_MARKS.diarrhea;
  return mark;
}

/** The form's sections, in its order: floors and rooms, ショートステイ, 介護職員, 調理従事者, other staff, day service. */
export const REPORT_SECTIONS = [
  "resident",
  "short_stay",
  "care_staff",
  "kitchen_staff",
  "other_staff",
  "day_service",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * The section of a person on the form: care and nursing staff are 介護職員 (the form's line for the staff who care for
 * residents), kitchen staff 調理従事者, other staff after them.
 *
 * @example reportSection({ kind: "staff", job: "nursing" }) // "care_staff"
 */
export function reportSection(person: { kind: PersonKind; job?: StaffJob | null }): ReportSection {
  switch (person.kind) {
    case "resident":
    case "short_stay":
    case "day_service":
      return person.kind;
    case "staff":
      if (person.job === "care" || person.job === "nursing") return "care_staff";
      if (person.job === "kitchen") return "kitchen_staff";
      return "other_staff";
  }
}

export type PhysicianReportLine = {
  personId: string;
  section: ReportSection;
  unit: string | null;
  room: string | null;
  /** One mark per day of `days`, `""` for none. */
  marks: string[];
  /** 受診・診断日 from a recorded case, or null. */
  consultationDate: string | null;
  /** 備考 (診断結果など): the recorded case's disease and status, and its remarks; `""` when none. */
  remarks: string;
};

/** A row of the 新規発症者 集計表: `unit:<id>`, `co_located` (併設サービス) or `staff`. */
export type PhysicianReportTallyRow = { row: string; counts: number[]; total: number };

/** 付録4③ 医師への報告用紙 (contracts/forms.md). */
export type PhysicianReport = {
  days: string[];
  lines: PhysicianReportLine[];
  tally: PhysicianReportTallyRow[];
};

const STATUS_LABELS = { suspected: "疑い", confirmed: "確定" } as const;

/**
 * What the form's last two columns say of a person: 受診・診断日 and 備考 (診断結果など), from the person's recorded cases
 * that overlap the report's days (onset on or before the last day, not resolved before the first). The remarks are the
 * disease as the manual names it and the status (`ノロウイルス感染症（確定）`), then the case's own remarks; several
 * cases are joined with 「、」, and the latest consultation date is kept. None: null and "".
 *
 * @example reportCaseNote([{ personId: "r1", disease: "norovirus", status: "confirmed", onsetDate: "2027-01-05", consultationDate: "2027-01-06" }], "2027-01-05", "2027-01-10")
 * // { consultationDate: "2027-01-06", remarks: "ノロウイルス感染症（確定）" }
 */
export function reportCaseNote(
  cases: readonly FormCaseInput[],
  firstDay: string,
  lastDay: string,
): { consultationDate: string | null; remarks: string } {
  const relevant = cases
    .filter((c) => c.onsetDate <= lastDay && (c.resolvedDate == null || c.resolvedDate >= firstDay))
    .sort((a, b) => compareText(a.onsetDate, b.onsetDate) || compareText(a.disease, b.disease));
  let consultationDate: string | null = null;
  const remarks: string[] = [];
  for (const c of relevant) {
    if (c.consultationDate && (consultationDate === null || c.consultationDate > consultationDate))
      consultationDate = c.consultationDate;
    const name = Object.hasOwn(DISEASE_LABELS, c.disease)
      ? DISEASE_LABELS[c.disease as GroupedDisease].ja
      : c.disease;
    const own = c.remarks?.trim();
    remarks.push(`${name}（${STATUS_LABELS[c.status]}）${own ? ` ${own}` : ""}`);
  }
  return { consultationDate, remarks: remarks.join("、") };
}

/** Units in the facility's order; when the facility lists none, those of its people in text order. */
function unitOrder(input: FormsInput): string[] {
  if (input.facility.units && input.facility.units.length > 0) return input.facility.units.map((u) => u.id);
  const seen = new Set<string>();
  for (const p of input.people) if (p.unit != null) seen.add(p.unit);
  return [...seen].sort(compareText);
}

const roomCollator = new Intl.Collator("ja", { numeric: true });

/**
 * The physician report of the manual (付録4③ 医師への報告用紙 書式の例, p.85), for `days` local days from `from`:
 *
 * - 発症者状況一覧表: every person with a mark (`markOfDay`) on one of the days, by section in the form's order
 *   (residents by floor and room, short stay, care staff, kitchen staff, other staff, day service) and by id within a
 *   section, with the marks per day, 受診・診断日 and 備考 from their recorded cases (`reportCaseNote`).
 * - 新規発症者 集計表: per floor (residents and short stay by their unit), 併設サービス (day-service users) and 職員, the
 *   number of persons with a mark on the day and none on each of the three days before (the rules engine's gap,
 *   facility-surveillance.md §3), and the row's total.
 *
 * Observations after `asOf` are ignored; people the list does not hold are left out.
 *
 * @throws RangeError naming `from`, `days` or an observation when the input is not valid
 * @example physicianReport({ facility, people, observations, cases, from: "2027-01-05" }).tally[0].row // "unit:1F"
 */
export function physicianReport(input: FormsInput & { from: string; days?: number }): PhysicianReport {
  const count = input.days ?? PHYSICIAN_REPORT_DEFAULT_DAYS;
  if (!Number.isInteger(count) || count < 1 || count > PHYSICIAN_REPORT_MAX_DAYS)
    throw new RangeError(`days: expected a whole number from 1 to ${PHYSICIAN_REPORT_MAX_DAYS}`);
  const { days, numbers } = formDays(input.from, count, "from");
  const first = numbers[0]!;
  const index = indexForForms(input);
  const units = unitOrder(input);
  const unitRank = new Map(units.map((id, i) => [id, i]));
  const casesByPerson = new Map<string, FormCaseInput[]>();
  for (const c of input.cases ?? []) {
    const list = casesByPerson.get(c.personId);
    if (list) list.push(c);
    else casesByPerson.set(c.personId, [c]);
  }

  const tallyRows: PhysicianReportTallyRow[] = [
    ...units.map((id) => ({ row: `unit:${id}`, counts: new Array<number>(count).fill(0), total: 0 })),
    { row: "co_located", counts: new Array<number>(count).fill(0), total: 0 },
    { row: "staff", counts: new Array<number>(count).fill(0), total: 0 },
  ];
  const tallyOf = (person: FormPersonInput): PhysicianReportTallyRow | undefined => {
    if (person.kind === "staff") return tallyRows[tallyRows.length - 1];
    if (person.kind === "day_service") return tallyRows[tallyRows.length - 2];
    const rank = person.unit == null ? undefined : unitRank.get(person.unit);
    return rank === undefined ? undefined : tallyRows[rank];
  };

  const lines: (PhysicianReportLine & { rank: number })[] = [];
  for (const timeline of index.timelines) {
    const person = timeline.person;
    if (!person) continue;
    const marks = marksOf(timeline, numbers);
    if (marks.some((m) => m !== "")) {
      const note = reportCaseNote(casesByPerson.get(person.id) ?? [], days[0]!, days[count - 1]!);
      lines.push({
        personId: person.id,
        section: reportSection(person),
        unit: person.unit ?? null,
        room: person.room ?? null,
        marks,
        ...note,
        rank: person.unit == null ? units.length : (unitRank.get(person.unit) ?? units.length),
      });
    }
    const row = tallyOf(person);
    if (!row) continue;
    for (const onset of personOnsets(timeline, [MARKED_MASK], DEFAULT_ONSET_GAP_DAYS)) {
      const offset = onset.day - first;
      if (offset >= 0 && offset < count) row.counts[offset]! += 1;
    }
  }
  for (const row of tallyRows) row.total = row.counts.reduce((sum, n) => sum + n, 0);

  const sectionRank = new Map(REPORT_SECTIONS.map((s, i) => [s, i]));
  lines.sort(
    (a, b) =>
      sectionRank.get(a.section)! - sectionRank.get(b.section)! ||
      (a.section === "resident" ? a.rank - b.rank || compareRooms(a.room, b.room) : 0) ||
      compareText(a.personId, b.personId),
  );
  return { days, lines: lines.map(({ rank: _rank, ...line }) => line), tally: tallyRows };
}

function compareRooms(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return roomCollator.compare(a, b) || compareText(a, b);
}

function marksOf(timeline: PersonTimeline, numbers: readonly number[]): string[] {
  return numbers.map((day) => {
    const position = dayPosition(timeline, day);
    return position < 0 ? "" : markOfDay(timeline.dayMask[position]!);
  });
}

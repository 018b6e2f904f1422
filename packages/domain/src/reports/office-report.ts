import { addIsoDays } from "../surveillance/local-day.ts";
import type { SymptomCode } from "../surveillance/symptoms.ts";
import type { SyndromeGroup } from "../surveillance/syndrome-groups.ts";

/** The reporting criteria of 付録1① item 4 (manual p.48 and p.69): ア, イ and ウ. */
export const REPORT_CRITERIA = ["A", "B", "C"] as const;
export type ReportCriterion = (typeof REPORT_CRITERIA)[number];

/** The groups a report may be about: the facility rule groups (facility-surveillance.md §4). */
export const REPORT_GROUPS = ["GI", "ILI", "SKIN"] as const satisfies readonly SyndromeGroup[];
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export type ReportPersonInput = {
  id: string;
  /** Users (入所者・利用者) and staff (職員) are counted apart (付録4③). */
  role: "user" | "staff";
  /** The floor or unit, or null (kitchen staff, day-service users without a unit). */
  unitId: string | null;
};

export type ReportCaseInput = {
  personId: string;
  onsetDate: string;
  resolvedDate: string | null;
  /** The disease when diagnosed (e.g. norovirus), else null. */
  disease: string | null;
  status: string | null;
  outcomes: readonly { kind: "hospitalised" | "severe" | "death"; date: string }[];
};

export type OfficeReportInput = {
  facility: { name: string; type: string; users: number; staff: number };
  group: ReportGroup;
  criterion: ReportCriterion;
  /** The report's day: counts run up to the end of it. */
  asOfDay: string;
  /** The first day counted: the first onset of the current outbreak (or the episode's start). */
  fromDay: string;
  units: readonly { id: string; name: string }[];
  people: readonly ReportPersonInput[];
  /** The cases of the group in the outbreak (onset on or after `fromDay`). */
  cases: readonly ReportCaseInput[];
  /** Symptoms the ill persons showed since `fromDay`, one entry per person and day. */
  symptoms: readonly { personId: string; symptoms: readonly SymptomCode[] }[];
  /** Measures taken: the episode's timeline where an episode exists. */
  measures: readonly { day: string; text: string }[];
};

export type Tally = { new: number; cumulative: number };

/** What the director edits; the numbers come from the records. */
export type OfficeReportEdits = {
  contact: { name: string; phone: string };
  /** 付録1① item 5: blood, stool and vomit specimens kept for the cause to be found. */
  specimens: { kept: boolean; kinds: ("blood" | "stool" | "vomit" | "other")[]; note: string };
  tests: string;
  measures: { day: string; text: string }[];
  remarks: string;
};

export type OfficeReportContent = {
  facility: OfficeReportInput["facility"];
  group: ReportGroup;
  criterion: ReportCriterion;
  asOfDay: string;
  fromDay: string;
  firstOnset: string | null;
  persons: { users: Tally; staff: Tally; total: Tally };
  byFloor: { unitId: string | null; name: string | null; users: Tally; staff: Tally }[];
  symptoms: { code: SymptomCode; persons: number }[];
  hospitalised: number;
  deaths: number;
  diagnoses: { disease: string; persons: number }[];
  /** 経過記録表: per day from the first counted day to the report's day. */
  progress: {
    day: string;
    newUsers: number;
    newStaff: number;
    cumulative: number;
    ill: number;
    hospitalised: number;
    deaths: number;
  }[];
} & OfficeReportEdits;

const tally = (): Tally => ({ new: 0, cumulative: 0 });

/**
 * The report of 付録1① item 4 to the municipality and the health centre, drawn from the records: the facility outline,
 * persons with symptoms (users and staff, by floor, new on the report's day and cumulative since the outbreak began),
 * their symptoms, the first onset, hospitalised and deaths, diagnoses, the measures taken, and the day-by-day progress
 * table (経過記録表, facility-surveillance.md §7). One person counts once, at their first onset in the outbreak.
 *
 * Source: manual p.48 (b. 報告する内容: 人数、症状、対応状況等) and p.69 付録1① items 4 and 5.
 *
 * @example officeReport({ facility, group: "GI", criterion: "B", asOfDay: "2026-11-30", fromDay: "2026-11-24", … })
 * // { persons: { users: { new: 2, cumulative: 11 }, … }, progress: [{ day: "2026-11-24", newUsers: 1, … }, …] }
 */
export function officeReport(input: OfficeReportInput): OfficeReportContent {
  const personById = new Map(input.people.map((p) => [p.id, p]));
  const counted = input.cases
    .filter((c) => c.onsetDate >= input.fromDay && c.onsetDate <= input.asOfDay && personById.has(c.personId))
    .sort((a, b) => (a.onsetDate < b.onsetDate ? -1 : a.onsetDate > b.onsetDate ? 1 : 0));
  // One person once, at their first onset in the outbreak; their later cases add diagnoses and outcomes.
  const firstCase = new Map<string, ReportCaseInput>();
  for (const c of counted) if (!firstCase.has(c.personId)) firstCase.set(c.personId, c);

  const persons = { users: tally(), staff: tally(), total: tally() };
  const floorOrder = new Map<string | null, number>(input.units.map((u, i) => [u.id, i]));
  const floors = new Map<string | null, { users: Tally; staff: Tally }>();
  for (const [personId, c] of firstCase) {
    const person = personById.get(personId)!;
    const unitKey = person.unitId !== null && floorOrder.has(person.unitId) ? person.unitId : null;
    const floor = floors.get(unitKey) ?? { users: tally(), staff: tally() };
    floors.set(unitKey, floor);
    const isNew = c.onsetDate === input.asOfDay;
    for (const t of [
      persons[person.role === "user" ? "users" : "staff"],
      persons.total,
      floor[person.role === "user" ? "users" : "staff"],
    ]) {
      t.cumulative += 1;
      if (isNew) t.new += 1;
    }
  }
  const unitName = new Map(input.units.map((u) => [u.id, u.name]));
  const byFloor = [...floors.entries()]
    .sort(
      ([a], [b]) =>
        (floorOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (floorOrder.get(b) ?? Number.MAX_SAFE_INTEGER),
    )
    .map(([unitId, t]) => ({ unitId, name: unitId === null ? null : (unitName.get(unitId) ?? null), ...t }));

  const symptomPersons = new Map<SymptomCode, Set<string>>();
  for (const s of input.symptoms) {
    if (!firstCase.has(s.personId)) continue;
    for (const code of s.symptoms) {
      const set = symptomPersons.get(code) ?? new Set<string>();
      set.add(s.personId);
      symptomPersons.set(code, set);
    }
  }
  const symptoms = [...symptomPersons.entries()]
    .map(([code, set]) => ({ code, persons: set.size }))
    .sort((a, b) => b.persons - a.persons || (a.code < b.code ? -1 : 1));

  const outcomeDay = (kind: "hospitalised" | "death") => {
    const first = new Map<string, string>();
    for (const c of counted)
      for (const o of c.outcomes)
        if (
          (kind === "death" ? o.kind === "death" : o.kind === "hospitalised") &&
          o.date <= input.asOfDay &&
          (!first.has(c.personId) || o.date < first.get(c.personId)!)
        )
          first.set(c.personId, o.date);
    return first;
  };
  const hospitalisedOn = outcomeDay("hospitalised");
  const diedOn = outcomeDay("death");

  const diagnosisPersons = new Map<string, Set<string>>();
  for (const c of counted) {
    if (c.disease === null) continue;
    const set = diagnosisPersons.get(c.disease) ?? new Set<string>();
    set.add(c.personId);
    diagnosisPersons.set(c.disease, set);
  }

  const progress: OfficeReportContent["progress"] = [];
  let cumulative = 0;
  for (let day = input.fromDay; day <= input.asOfDay; day = addIsoDays(day, 1)) {
    let newUsers = 0;
    let newStaff = 0;
    let ill = 0;
    for (const [personId, c] of firstCase) {
      if (c.onsetDate === day) {
        if (personById.get(personId)!.role === "user") newUsers += 1;
        else newStaff += 1;
      }
      const resolved = counted
        .filter((k) => k.personId === personId)
        .every((k) => k.resolvedDate !== null && k.resolvedDate <= day);
      const died = diedOn.get(personId);
      if (c.onsetDate <= day && !resolved && (died === undefined || died > day)) ill += 1;
    }
    cumulative += newUsers + newStaff;
    const upTo = (m: Map<string, string>) => [...m.values()].filter((d) => d <= day).length;
    progress.push({
      day,
      newUsers,
      newStaff,
      cumulative,
      ill,
      hospitalised: upTo(hospitalisedOn),
      deaths: upTo(diedOn),
    });
  }

  return {
    facility: input.facility,
    group: input.group,
    criterion: input.criterion,
    asOfDay: input.asOfDay,
    fromDay: input.fromDay,
    firstOnset: counted[0]?.onsetDate ?? null,
    persons,
    byFloor,
    symptoms,
    hospitalised: hospitalisedOn.size,
    deaths: diedOn.size,
    diagnoses: [...diagnosisPersons.entries()]
      .map(([disease, set]) => ({ disease, persons: set.size }))
      .sort((a, b) => b.persons - a.persons),
    progress,
    contact: { name: "", phone: "" },
    specimens: { kept: false, kinds: [], note: "" },
    tests: "",
    measures: input.measures.map((m) => ({ ...m })),
    remarks: "",
  };
}

/** The fields a director changed between two versions, for the offices to see what changed (e.g. `contact.phone`). */
export function changedFields(before: unknown, after: unknown, path = ""): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedFields(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

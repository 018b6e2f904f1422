import { addIsoDays, dayNumberOf, isoDayOf } from "../surveillance/local-day.ts";
import {
  type Bilingual,
  type DeadlineKind,
  NOTIFIABLE_TABLE,
  type NotifiableDisease,
  type NotifiablePeriod,
} from "./table.ts";

/** How a name is compared: full-width to half-width, case and spaces ignored. */
function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

const BY_NAME = new Map<string, NotifiableDisease>();
for (const disease of NOTIFIABLE_TABLE.diseases) {
  for (const name of [disease.id, disease.name.ja, disease.name.en, ...disease.aliases]) {
    const key = normalise(name);
    if (!BY_NAME.has(key)) BY_NAME.set(key, disease);
  }
  for (const period of disease.periods) {
    if (period.name) {
      for (const name of [period.name.ja, period.name.en]) {
        const key = normalise(name);
        if (!BY_NAME.has(key)) BY_NAME.set(key, disease);
      }
    }
  }
}

/**
 * The table's entry for a disease given by its id, its Japanese or English name, or a former name.
 *
 * @example findNotifiableDisease("カルバペネム耐性腸内細菌科細菌感染症")?.id // "cre"
 * @example findNotifiableDisease("norovirus")?.id // "infectious_gastroenteritis"
 * @example findNotifiableDisease("scabies") // undefined (疥癬 is not notifiable)
 */
export function findNotifiableDisease(name: string): NotifiableDisease | undefined {
  return BY_NAME.get(normalise(name));
}

export type NotifiableAssessment =
  | {
      notifiable: false;
      /** `NOT_LISTED`: not in the table; `NOT_IN_FORCE`: in the table, but no rule applied on the day of diagnosis. */
      reason: "NOT_LISTED" | "NOT_IN_FORCE";
      diseaseId: string | null;
      diagnosedOn: string;
    }
  | {
      notifiable: true;
      diseaseId: string;
      /** The legal name on the day of diagnosis. */
      name: Bilingual;
      law: NotifiablePeriod["law"];
      category: NotifiablePeriod["category"];
      surveillance: NotifiablePeriod["surveillance"];
      deadline: DeadlineKind;
      sentinel: NotifiablePeriod["sentinel"] | null;
      /** Whether every physician who diagnoses it notifies (全数, food poisoning); false for sentinel diseases. */
      everyPhysician: boolean;
      suspectedNotified: boolean;
      diagnosedOn: string;
      /** The last day for notifying: the day of diagnosis for 直ちに, +7 days for 7日以内, and so on. */
      dueDate: string;
      /** The health centre (保健所) for both laws. */
      notifyTo: "health_centre";
      period: { from: string | null; to: string | null };
      source: string;
    };

/**
 * The last day of a deadline counted from the day of diagnosis.
 *
 * - 直ちに: the day of diagnosis itself.
 * - 7日以内: the day of diagnosis + 7 (the day of diagnosis is not counted, 民法 第140条 初日不算入); day 7 is in time,
 *   day 8 is late.
 * - 次の月曜日: the Monday after the week (Monday–Sunday) of diagnosis.
 * - 翌月初日: the first day of the following month.
 *
 * @example dueDateOf("within_7_days", "2026-01-30") // "2026-02-06"
 * @example dueDateOf("next_monday", "2026-12-02") // "2026-12-07"
 */
export function dueDateOf(deadline: DeadlineKind, diagnosedOn: string): string {
  switch (deadline) {
    case "immediate":
      return diagnosedOn;
    case "within_7_days":
      return addIsoDays(diagnosedOn, 7);
    case "next_monday": {
      const day = dayNumberOf(diagnosedOn);
      // Day 0 of dayNumberOf is 1970-01-01, a Thursday: Monday is (n + 3) % 7 === 0.
      const weekday = (((day + 3) % 7) + 7) % 7;
      return isoDayOf(day + (7 - weekday));
    }
    case "first_of_next_month": {
      const [year = 0, month = 1] = diagnosedOn.split("-").map(Number);
      const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
      return next;
    }
  }
}

function periodOn(disease: NotifiableDisease, day: string): NotifiablePeriod | undefined {
  return disease.periods.find((p) => (p.from === null || p.from <= day) && (p.to === null || day <= p.to));
}

/**
 * Whether and how a diagnosis must be notified: the law and category, 全数 or 定点, who notifies, and the last day,
 * judged by the rule in force on the day of diagnosis (notifiable-diseases.md).
 *
 * Source: manual 4.3)(2) 医師の対応 (p.48) 「医師は、感染症法又は食品衛生法の届出基準に該当する患者又はその疑いのある者を
 * 診断した場合には…保健所等への届出を行う必要があります」 and 付録2 表A2 (p.78–80), with the dated changes of the table.
 *
 * @throws RangeError when `diagnosedOn` is not an ISO date
 * @example assessNotifiable("covid19", "2023-05-07").category // "new_influenza" (直ちに, 全数)
 * @example assessNotifiable("covid19", "2023-05-08").surveillance // "sentinel" (5類定点)
 */
export function assessNotifiable(disease: string, diagnosedOn: string): NotifiableAssessment {
  dayNumberOf(diagnosedOn);
  const entry = findNotifiableDisease(disease);
  if (!entry) return { notifiable: false, reason: "NOT_LISTED", diseaseId: null, diagnosedOn };
  const period = periodOn(entry, diagnosedOn);
  if (!period) return { notifiable: false, reason: "NOT_IN_FORCE", diseaseId: entry.id, diagnosedOn };
  return {
    notifiable: true,
    diseaseId: entry.id,
    name: period.name ?? entry.name,
    law: period.law,
    category: period.category,
    surveillance: period.surveillance,
    deadline: period.deadline,
    sentinel: period.sentinel ?? null,
    everyPhysician: period.surveillance === "all_cases",
    suspectedNotified: period.suspected,
    diagnosedOn,
    dueDate: dueDateOf(period.deadline, diagnosedOn),
    notifyTo: "health_centre",
    period: { from: period.from, to: period.to },
    source: period.source,
  };
}

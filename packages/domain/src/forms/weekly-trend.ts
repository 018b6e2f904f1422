import { DEFAULT_ONSET_GAP_DAYS, personOnsets } from "../surveillance/onsets.ts";
import { FORM_COLUMN_MASK, FORM_COLUMNS, type FormColumn } from "./columns.ts";
import { type FormsInput, formDays, indexForForms } from "./form-index.ts";

/** Days on the weekly trend sheet (付録4②: seven day columns and 合計). */
export const WEEKLY_TREND_DAYS = 7;

export type WeeklyTrendRow = { column: FormColumn; counts: number[]; total: number };

/** 付録4② 施設全体での傾向把握: new onsets per symptom column and day of one week (contracts/forms.md). */
export type WeeklyTrend = {
  weekStart: string;
  days: string[];
  /** 入所者数: residents and short-stay people still with the facility. */
  residents: number;
  rows: WeeklyTrendRow[];
};

const COUNTED_KINDS = new Set(["resident", "short_stay"]);

/**
 * The weekly trend sheet of the manual (付録4② 施設全体での傾向把握 書式の例, p.84): for each column of the daily survey
 * (発熱, 吐き気・嘔吐, 下痢 …) and each of seven days, the number of residents (入所者: residents and short stay) with a
 * **new onset** of that column that day — present that day and absent on each of the three days before, a day without a
 * record counting as absent (facility-surveillance.md §3, the rules engine's gap) — and the row's total, as the form adds
 * it (a person with two onsets in the week counts twice). Low-grade fever counts in no column. Days are local days of
 * the facility's zone; observations after `asOf` are ignored.
 *
 * @param input the facility's people and observations, and `weekStart` (any day; the sheet covers it and the six after)
 * @throws RangeError naming `weekStart` or an observation when the input is not valid
 * @example weeklyTrend({ facility, people, observations, weekStart: "2027-01-04" }).rows[0] // {column: "fever", counts: [...], total}
 */
export function weeklyTrend(input: FormsInput & { weekStart: string }): WeeklyTrend {
  const { days, numbers } = formDays(input.weekStart, WEEKLY_TREND_DAYS, "weekStart");
  const first = numbers[0]!;
  const index = indexForForms(input);
  const rows: WeeklyTrendRow[] = FORM_COLUMNS.map((column) => ({
    column,
    counts: new Array<number>(WEEKLY_TREND_DAYS).fill(0),
    total: 0,
  }));
  for (const timeline of index.timelines) {
    if (!timeline.person || !COUNTED_KINDS.has(timeline.person.kind)) continue;
    FORM_COLUMNS.forEach((column, c) => {
      // One onset per person and day at most, so the counts are of distinct persons.
      for (const onset of personOnsets(timeline, [FORM_COLUMN_MASK[column]], DEFAULT_ONSET_GAP_DAYS)) {
        const offset = onset.day - first;
        if (offset >= 0 && offset < WEEKLY_TREND_DAYS) rows[c]!.counts[offset]! += 1;
      }
    });
  }
  for (const row of rows) row.total = row.counts.reduce((sum, n) => sum + n, 0);
  const residents = input.people.filter((p) => COUNTED_KINDS.has(p.kind) && p.active !== false).length;
  return { weekStart: days[0]!, days, residents, rows };
}

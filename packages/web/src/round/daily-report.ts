import type { SymptomCode, TemperatureClass } from "@mamori/domain/surveillance";
import { SYMPTOM_LABELS } from "@mamori/domain/surveillance";
import type { RoundRow } from "./round-state.ts";

/**
 * The 健康調査日報 of the manual (高齢者介護施設における感染対策マニュアル 改訂版 2019, 付録4① 書式の例, p.83):
 * 部屋 | 氏名 | 発熱(体温) | 嘔吐(吐き気) | 下痢・腹痛 | 咳 | 咽頭痛 鼻水 | 発疹 | その他 | 備考(確認印).
 * Each symptom of the vocabulary falls in the column of the form that names it or its kind; the rest go to その他.
 */
export const REPORT_COLUMNS = ["vomiting", "diarrhea", "cough", "throat", "rash", "other"] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

const COLUMN_OF: Partial<Record<SymptomCode, ReportColumn>> = {
  vomiting: "vomiting",
  nausea: "vomiting",
  diarrhea: "diarrhea",
  watery_stool: "diarrhea",
  bloody_stool: "diarrhea",
  abdominal_pain: "diarrhea",
  cough: "cough",
  sputum: "cough", // manual p.33 lists 咳、喀痰の増加 together
  sore_throat: "throat",
  runny_nose: "throat",
  rash: "rash",
  skin_redness_swelling: "rash", // manual p.33: 皮膚の発疹、発赤、腫脹、熱感
  itch: "rash",
};

/** The column of the form a symptom is written in. */
export const columnOf = (code: SymptomCode): ReportColumn => COLUMN_OF[code] ?? "other";

export interface ReportLine {
  personId: string;
  room: string;
  name: string;
  kind: RoundRow["person"]["kind"];
  /** "38.4" — the highest reading of the day — or "" when none was taken. */
  temperature: string;
  temperatureClass: TemperatureClass | null;
  /** Japanese symptom names per column, e.g. { vomiting: ["嘔吐"], other: ["摂食不良"] }. */
  cells: Record<ReportColumn, string[]>;
  /** `unchecked`, `clear` (checked, nothing new) or `finding`. */
  status: RoundRow["status"];
  notes: string[];
}

/** One line of the 健康調査日報 for each person of the round. */
export function reportLines(rows: readonly RoundRow[]): ReportLine[] {
  return rows.map((row) => {
    const cells: Record<ReportColumn, string[]> = {
      vomiting: [],
      diarrhea: [],
      cough: [],
      throat: [],
      rash: [],
      other: [],
    };
    for (const code of row.symptoms) cells[columnOf(code)].push(SYMPTOM_LABELS[code].ja);
    return {
      personId: row.person.id,
      room: row.person.room ?? "",
      name: row.person.name,
      kind: row.person.kind,
      temperature: row.maxTempC === null ? "" : row.maxTempC.toFixed(1),
      temperatureClass: row.temperatureClass,
      cells,
      status: row.status,
      notes: row.notes,
    };
  });
}

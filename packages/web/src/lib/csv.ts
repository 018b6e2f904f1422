import type { Unit } from "../api/types.ts";

/** The header of the residents CSV (docs/api.md, POST /api/people/import). */
export const IMPORT_HEADER = "name,name_kana,kind,unit,room,baseline_temp_c,birth_date";

const UTF8_BOM = "\uFEFF";

/**
 * Reads a CSV file as text. Files saved from Excel in Japan are often Shift_JIS rather than UTF-8: the bytes are read
 * as UTF-8 when they are valid UTF-8, otherwise as Shift_JIS. A leading byte-order mark is dropped.
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("shift_jis").decode(bytes);
  }
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

/** How many data lines a CSV holds: non-empty lines after the header. */
export function countDataLines(csv: string): number {
  return csv
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== "").length;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A template to fill in: the header and three example lines using the facility's own first unit and room names, with a
 * byte-order mark so that Excel opens it as UTF-8.
 */
export function templateCsv(units: readonly Unit[]): string {
  const unit = units[0];
  const unitName = unit?.name ?? "1階";
  const room = unit?.rooms[0]?.name ?? "101";
  const rows = [
    ["山田 花子", "やまだ はなこ", "入所者", unitName, room, "36.4", "1938/4/12"],
    ["佐藤 一郎", "さとう いちろう", "ショートステイ", unitName, room, "", ""],
    ["鈴木 和子", "すずき かずこ", "通所サービス", unitName, "", "36.2", "1944-11-03"],
  ];
  return `${UTF8_BOM}${[IMPORT_HEADER, ...rows.map((r) => r.map(csvField).join(","))].join("\r\n")}\r\n`;
}

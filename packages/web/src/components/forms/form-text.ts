import type { PhysicianReportLine } from "../../api/forms.ts";

const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"] as const;
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

function parts(day: string): { y: number; m: number; d: number; weekday: number } {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/**
 * A day as a column heading of the forms, as the paper writes it: 「1/4(月)」 (English: "Mon 1/4").
 *
 * @example columnDay("2027-01-04", "ja") // "1/4(月)"
 */
export function columnDay(day: string, lang: string): string {
  const { date, weekday } = columnDayParts(day, lang);
  return lang === "en" ? `${weekday} ${date}` : `${date}${weekday}`;
}

/** The two parts of a column heading, 「1/4」 and 「(月)」, for headings that break between them. */
export function columnDayParts(day: string, lang: string): { date: string; weekday: string } {
  const { m, d, weekday } = parts(day);
  return { date: `${m}/${d}`, weekday: lang === "en" ? WEEKDAYS_EN[weekday]! : `(${WEEKDAYS_JA[weekday]})` };
}

/** A day as people here write it in a period, 「1月4日(月)」 (English "Mon 4 Jan"). */
export function shortDay(day: string, lang: string): string {
  const { m, d, weekday } = parts(day);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return lang === "en"
    ? `${WEEKDAYS_EN[weekday]} ${d} ${months[m - 1]}`
    : `${m}月${d}日(${WEEKDAYS_JA[weekday]})`;
}

/** The period of a form: 「2027年1月4日(月)〜1月10日(日)」, the year repeated only when it changes. */
export function periodText(first: string, last: string, lang: string): string {
  const a = parts(first);
  const b = parts(last);
  if (lang === "en") return `${shortDay(first, lang)} ${a.y} – ${shortDay(last, lang)} ${b.y}`;
  return `${a.y}年${shortDay(first, lang)}〜${b.y !== a.y ? `${b.y}年` : ""}${shortDay(last, lang)}`;
}

/**
 * The week of the weekly trend sheet's 「年 月 第 週」 heading: the year and month of its first day and which seventh of
 * the month that day falls in (1–7 → 第1週).
 *
 * @example weekOfMonth("2027-01-11") // { year: 2027, month: 1, n: 2 }
 */
export function weekOfMonth(weekStart: string): { year: number; month: number; n: number } {
  const { y, m, d } = parts(weekStart);
  return { year: y, month: m, n: Math.floor((d - 1) / 7) + 1 };
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  const { y, m, d, weekday } = parts(day);
  const back = (weekday + 6) % 7;
  return new Date(Date.UTC(y, m - 1, d - back)).toISOString().slice(0, 10);
}

/** A room as the form writes it: 「203号室」, without doubling 号室 when the room's name already has it. */
export function roomText(room: string): string {
  return /号室$/.test(room) || !/\d$/.test(room) ? room : `${room}号室`;
}

/** Where a person of the line list belongs, in the words of the form's 所属 column, before translation. */
export function belongsParts(line: Pick<PhysicianReportLine, "section" | "unitName" | "room">): {
  key: "roomOf" | "roomOnly" | "noRoom" | "section";
  unit: string;
  room: string;
} {
  if (line.section === "resident" || line.section === "short_stay") {
    const unit = line.unitName ?? "";
    if (line.section === "resident" && line.room && unit)
      return { key: "roomOf", unit, room: roomText(line.room) };
    if (line.section === "resident" && line.room) return { key: "roomOnly", unit, room: roomText(line.room) };
    if (line.section === "resident" && unit) return { key: "noRoom", unit, room: "" };
  }
  return { key: "section", unit: line.unitName ?? "", room: line.room ?? "" };
}

import { TZDate } from "@date-fns/tz";
import { addDays as addCalendarDays, format, parseISO } from "date-fns";

// Days are `YYYY-MM-DD` in the facility's time zone; instants are ISO 8601 with offset (docs/api.md).

const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"] as const;
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS_EN = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a calendar day `YYYY-MM-DD` that exists. */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today's day in a time zone, e.g. todayIn("Asia/Tokyo", new Date("2026-11-22T23:30:00Z")) → "2026-11-23". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return format(new TZDate(now, timeZone), "yyyy-MM-dd");
}

/** The day `n` days after `day` (negative for before). */
export function addDays(day: string, n: number): string {
  return format(addCalendarDays(parseISO(day), n), "yyyy-MM-dd");
}

/** A day as written in Japan, "2026年11月23日(月)", or in English, "Mon 23 Nov 2026". */
export function formatDay(day: string, lang: string): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) return day;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (lang === "en") return `${WEEKDAYS_EN[weekday]} ${d} ${MONTHS_EN[m - 1]} ${y}`;
  return `${y}年${m}月${d}日(${WEEKDAYS_JA[weekday]})`;
}

/** The clock time of an instant in the facility's time zone, "7:05". */
export function formatTime(instant: string, timeZone: string): string {
  return format(new TZDate(new Date(instant), timeZone), "H:mm");
}

/** Date and time of an instant in the facility's time zone, "2026年11月23日(月) 7:05". */
export function formatInstant(instant: string, timeZone: string, lang: string): string {
  const local = new TZDate(new Date(instant), timeZone);
  return `${formatDay(format(local, "yyyy-MM-dd"), lang)} ${format(local, "H:mm")}`;
}

/**
 * The instant to record for an observation of `day`: now when `day` is today in the facility's time zone, otherwise
 * the same clock time on that earlier day, so a record caught up later still falls on the day it belongs to.
 */
export function instantForDay(day: string, timeZone: string, now: Date = new Date()): string {
  const local = new TZDate(now, timeZone);
  if (format(local, "yyyy-MM-dd") === day) return local.toISOString();
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(
    y,
    m - 1,
    d,
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    timeZone,
  ).toISOString();
}

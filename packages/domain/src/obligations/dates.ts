import { addIsoDays, dayNumberOf } from "../surveillance/local-day.ts";

export { addIsoDays };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Adds calendar months to an ISO date: the same day of the month, or the month's last day when it has no such day
 * (contracts/obligations.md, COMMITTEE).
 *
 * @example addIsoMonths("2026-10-09", 3) // "2027-01-09"
 * @example addIsoMonths("2026-11-30", 3) // "2027-02-28"
 */
export function addIsoMonths(isoDay: string, months: number): string {
  dayNumberOf(isoDay);
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/**
 * The fiscal year containing a day, named by the calendar year in which it starts.
 *
 * @example fiscalYearOf("2027-03-31", 4) // 2026
 * @example fiscalYearOf("2027-04-01", 4) // 2027
 */
export function fiscalYearOf(isoDay: string, startMonth: number): number {
  const [y, m] = isoDay.split("-").map(Number) as [number, number];
  return m >= startMonth ? y : y - 1;
}

/** First and last day of a fiscal year. */
export function fiscalYearBounds(fiscalYear: number, startMonth: number): { from: string; to: string } {
  const from = `${pad(fiscalYear, 4)}-${pad(startMonth)}-01`;
  return { from, to: addIsoDays(addIsoMonths(from, 12), -1) };
}

/** `YYYY-MM` of a day. */
export function monthOf(isoDay: string): string {
  return isoDay.slice(0, 7);
}

/** First and last day of the calendar month `delta` months from the month of `isoDay`. */
export function monthBounds(isoDay: string, delta = 0): { from: string; to: string } {
  const from = addIsoMonths(`${isoDay.slice(0, 7)}-01`, delta);
  return { from, to: addIsoDays(addIsoMonths(from, 1), -1) };
}

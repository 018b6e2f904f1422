import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/** The calendar day (YYYY-MM-DD) of an instant in a facility's time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/** The instants [start, end) of a calendar day in a facility's time zone. */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const start = new TZDate(y, m - 1, d, timeZone);
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

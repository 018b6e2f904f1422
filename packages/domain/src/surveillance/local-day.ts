import { tzOffset } from "@date-fns/tz";

/**
 * Calendar days of the facility's time zone.
 *
 * Every rule of facility-surveillance.md counts in calendar days of the facility's own zone ("All day arithmetic is in
 * calendar days of the facility's time zone (default `Asia/Tokyo`)"). Inside the engine a day is an integer, the
 * *day number*: days since 1970-01-01 of the local calendar, so that "d − 6" is plain subtraction. At the edges a day is
 * an ISO date `YYYY-MM-DD`.
 */

/** The time zone of a facility when none is given (facility-surveillance.md, introduction). */
export const DEFAULT_TIME_ZONE = "Asia/Tokyo";

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * Day number of an ISO calendar date.
 *
 * @param isoDay a date `YYYY-MM-DD` (proleptic Gregorian)
 * @returns days since 1970-01-01
 * @throws RangeError when the text is not a real calendar date
 * @example dayNumberOf("1970-01-02") // 1
 * @example dayNumberOf("2026-01-10") // 20463
 */
export function dayNumberOf(isoDay: string): number {
  const day =
    isoDay.length === 10 && isoDay[4] === "-" && isoDay[7] === "-" ? civilDayOf(isoDay, 0) : Number.NaN;
  if (Number.isNaN(day)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDay)}`);
  return day;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Day number of the `YYYY-MM-DD` digits starting at `index`, or NaN when they are not a real date. Integer arithmetic
 * only (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil), so that reading 40,000 timestamps
 * allocates nothing.
 */
function civilDayOf(text: string, index: number): number {
  const year = twoDigits(text, index) * 100 + twoDigits(text, index + 2);
  const month = twoDigits(text, index + 5);
  const day = twoDigits(text, index + 8);
  if (year < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > monthDays) return Number.NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * ISO calendar date of a day number.
 *
 * @param dayNumber days since 1970-01-01
 * @example isoDayOf(20463) // "2026-01-10"
 */
export function isoDayOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Adds whole calendar days to an ISO date.
 *
 * @example addIsoDays("2026-01-10", -6) // "2026-01-04"
 */
export function addIsoDays(isoDay: string, days: number): string {
  return isoDayOf(dayNumberOf(isoDay) + days);
}

/**
 * Calendar month (1–12) of a day number.
 *
 * @example monthOfDay(dayNumberOf("2026-01-10")) // 1
 */
export function monthOfDay(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCMonth() + 1;
}

/**
 * Parses an ISO 8601 instant once into epoch milliseconds.
 *
 * The common form written by Mamori and by the scenario files (`2026-01-10T08:30:00+09:00`, optionally with fractional
 * seconds, or `Z`) is read character by character; anything else goes through `Date.parse`. An instant without an offset
 * is refused: its meaning would depend on the machine's zone.
 *
 * @returns epoch milliseconds, or `NaN` when the text is not an instant with an offset
 * @example parseInstant("2026-01-10T08:30:00+09:00") // 1768001400000
 * @example parseInstant("2026-01-10T08:30:00") // NaN (no offset)
 */
export function parseInstant(text: string): number {
  const fast = parseInstantFast(text);
  if (fast !== undefined) return fast;
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return Number.NaN;
  return Date.parse(text);
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1000;
}

function twoDigits(text: string, index: number): number {
  return digit(text, index) * 10 + digit(text, index + 1);
}

// Rounds are read in time order, so consecutive timestamps mostly share their date: remember the last one.
let lastDatePrefix: string | undefined;
let lastDateDay = 0;

// `YYYY-MM-DDTHH:mm:ss[.fff…](Z|±HH:mm)`; returns undefined when the text has another shape, NaN for an impossible date.
function parseInstantFast(text: string): number | undefined {
  if (text.length < 20 || text[4] !== "-" || text[7] !== "-" || text[10] !== "T" || text[13] !== ":")
    return undefined;
  if (text[16] !== ":") return undefined;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  let index = 19;
  let ms = 0;
  if (text[index] === ".") {
    index += 1;
    let scale = 100;
    const start = index;
    while (index < text.length && digit(text, index) >= 0) {
      ms += digit(text, index) * scale;
      scale /= 10;
      index += 1;
    }
    if (index === start) return undefined;
    ms = Math.floor(ms);
  }
  let offsetMinutes: number;
  const sign = text[index];
  if ((sign === "Z" || sign === "z") && index + 1 === text.length) {
    offsetMinutes = 0;
  } else if ((sign === "+" || sign === "-") && index + 6 === text.length && text[index + 3] === ":") {
    const oh = twoDigits(text, index + 1);
    const om = twoDigits(text, index + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (sign === "-" ? -1 : 1) * (oh * 60 + om);
  } else {
    return undefined;
  }
  let day: number;
  if (lastDatePrefix !== undefined && text.startsWith(lastDatePrefix)) {
    day = lastDateDay;
  } else {
    day = civilDayOf(text, 0);
    if (Number.isNaN(day)) return twoDigits(text, 0) < 0 ? undefined : Number.NaN;
    lastDatePrefix = text.slice(0, 11);
    lastDateDay = day;
  }
  return day * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
}

const knownTimeZones = new Set<string>();

/** Whether a string names a time zone this runtime knows (IANA name or a fixed `±HH:mm` offset). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  if (knownTimeZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    knownTimeZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Maps instants to local calendar days of one time zone, quickly.
 *
 * The zone's UTC offset is looked up once per UTC day touched (via `tzOffset` of @date-fns/tz, which reads the runtime's
 * tz database). When the offsets at the start of a UTC day and of the next one agree, that offset holds the whole day;
 * when they differ (a daylight-saving or other transition), the transition instant is found by bisection to the
 * millisecond and remembered. This relies on no zone changing its offset twice within 24 hours, which holds for every
 * zone of the tz database.
 */
export type LocalDayResolver = {
  readonly timeZone: string;
  /** UTC offset of the zone at this instant, in minutes (Tokyo: 540). */
  offsetMinutesAt(epochMs: number): number;
  /** Day number of the local calendar day holding this instant. */
  dayOf(epochMs: number): number;
  /** Day number of the local day holding this instant, given as ISO text; `NaN` when the text is not an instant. */
  dayOfInstant(text: string): number;
  /** The instant as ISO text, to the second, with the zone's offset at that instant (`2026-01-10T08:30:00+09:00`). */
  format(epochMs: number): string;
};

type DayOffsets = { start: number; transitionMs: number; after: number };

/**
 * Creates a resolver from instants to local calendar days of a time zone.
 *
 * @param timeZone IANA name such as `Asia/Tokyo` or `America/New_York`
 * @example createLocalDayResolver("Asia/Tokyo").dayOf(Date.parse("2026-01-09T15:00:00Z")) // dayNumberOf("2026-01-10")
 */
export function createLocalDayResolver(timeZone: string = DEFAULT_TIME_ZONE): LocalDayResolver {
  if (!isKnownTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
  const boundaryCache = new Map<number, number>();
  const dayCache = new Map<number, DayOffsets>();

  const offsetAtBoundary = (utcDay: number): number => {
    let offset = boundaryCache.get(utcDay);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(utcDay * MS_PER_DAY));
      boundaryCache.set(utcDay, offset);
    }
    return offset;
  };

  const offsetsOfUtcDay = (utcDay: number): DayOffsets => {
    let entry = dayCache.get(utcDay);
    if (entry) return entry;
    const start = offsetAtBoundary(utcDay);
    const after = offsetAtBoundary(utcDay + 1);
    if (start === after) {
      entry = { start, transitionMs: Number.POSITIVE_INFINITY, after };
    } else {
      // Smallest instant in this UTC day whose offset is no longer `start`.
      let low = utcDay * MS_PER_DAY;
      let high = (utcDay + 1) * MS_PER_DAY;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (tzOffset(timeZone, new Date(middle)) === start) low = middle;
        else high = middle;
      }
      entry = { start, transitionMs: high, after };
    }
    dayCache.set(utcDay, entry);
    return entry;
  };

  // Instants arrive mostly in time order: the UTC day of the previous one usually serves the next.
  let lastUtcDay = Number.NaN;
  let lastEntry: DayOffsets | undefined;
  const offsetMinutesAt = (epochMs: number): number => {
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    let entry = lastEntry;
    if (utcDay !== lastUtcDay || entry === undefined) {
      entry = offsetsOfUtcDay(utcDay);
      lastUtcDay = utcDay;
      lastEntry = entry;
    }
    return epochMs < entry.transitionMs ? entry.start : entry.after;
  };

  const dayOf = (epochMs: number): number =>
    Math.floor((epochMs + offsetMinutesAt(epochMs) * MS_PER_MINUTE) / MS_PER_DAY);

  return {
    timeZone,
    offsetMinutesAt,
    dayOf,
    dayOfInstant: (text) => {
      const ms = parseInstant(text);
      return Number.isNaN(ms) ? Number.NaN : dayOf(ms);
    },
    format: (epochMs) => formatWithOffset(epochMs, offsetMinutesAt(epochMs)),
  };
}

/** `2026-01-10T08:30:00+09:00`: the wall-clock time at that offset, to the second, and the offset. */
function formatWithOffset(epochMs: number, offsetMinutes: number): string {
  const wall = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * MS_PER_MINUTE)
    .toISOString()
    .slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * The local calendar day (ISO date) of an instant in a time zone.
 *
 * @param instant ISO text with offset, or epoch milliseconds
 * @example localDayOf("2026-01-09T15:30:00Z", "Asia/Tokyo") // "2026-01-10"
 * @example localDayOf("2026-03-08T06:30:00Z", "America/New_York") // "2026-03-08"
 */
export function localDayOf(instant: string | number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const ms = typeof instant === "number" ? instant : parseInstant(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant with offset: ${String(instant)}`);
  return isoDayOf(createLocalDayResolver(timeZone).dayOf(ms));
}

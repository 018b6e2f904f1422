import { z } from "zod";

/**
 * The range of calendar days Mamori accepts anywhere: from 1900-01-01 (the oldest resident's birth) to 2100-12-31.
 * PostgreSQL refuses year 0000 and misreads far years; a day outside this range is a typing slip, not a record.
 */
export const SANE_DAYS = { min: "1900-01-01", max: "2100-12-31" } as const;

/**
 * Whether `text` is a real calendar day `YYYY-MM-DD` (no 2026-13-45, no 2027-02-29) within SANE_DAYS.
 * @example isSaneDay("2028-02-29") // true (leap year); isSaneDay("2027-02-29") // false; isSaneDay("0000-01-01") // false
 */
export function isSaneDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth;
  return real && text >= SANE_DAYS.min && text <= SANE_DAYS.max;
}

/**
 * Whether `text` is an ISO 8601 instant with an offset (`2026-12-02T07:30:00+09:00`, `…Z`) whose local day is a sane
 * day and whose clock reading is real (hours 00–23, minutes and seconds 00–59).
 */
export function isSaneInstant(text: string): boolean {
  const match =
    /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(
      text,
    );
  return match !== null && isSaneDay(match[1]!) && !Number.isNaN(Date.parse(text));
}

const DAY_MESSAGE = `expected a real day as YYYY-MM-DD between ${SANE_DAYS.min} and ${SANE_DAYS.max}`;
const INSTANT_MESSAGE = `expected an ISO 8601 time with offset between ${SANE_DAYS.min} and ${SANE_DAYS.max}`;

/** A calendar day at the edge of every API and file: real, and within SANE_DAYS. */
export const saneDay = z.string({ error: DAY_MESSAGE }).max(10, DAY_MESSAGE).refine(isSaneDay, DAY_MESSAGE);

/** An instant with offset at the edge of every API and file: real, and within SANE_DAYS. */
export const saneInstant = z
  .string({ error: INSTANT_MESSAGE })
  .max(40, INSTANT_MESSAGE)
  .refine(isSaneInstant, INSTANT_MESSAGE);

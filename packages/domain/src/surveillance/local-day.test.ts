import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addIsoDays,
  createLocalDayResolver,
  dayNumberOf,
  isKnownTimeZone,
  isoDayOf,
  localDayOf,
  monthOfDay,
  parseInstant,
} from "./local-day.ts";

// Reference values come from date-fns 4 + @date-fns/tz (TZDate formats a wall-clock date in a zone from the runtime's
// tz database); the cached resolver must agree with it at every instant, including across daylight-saving changes.

describe("day numbers", () => {
  it("agree with date-fns calendar-day differences", () => {
    expect(dayNumberOf("1970-01-01")).toBe(0);
    expect(dayNumberOf("2026-01-10")).toBe(
      differenceInCalendarDays(new Date(2026, 0, 10), new Date(1970, 0, 1)),
    );
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => dayNumberOf(isoDayOf(n)) === n),
    );
  });

  it("refuses text that is not a calendar date", () => {
    expect(() => dayNumberOf("2026-02-29")).toThrow(RangeError);
    expect(dayNumberOf("2028-02-29")).toBe(dayNumberOf("2028-03-01") - 1);
    expect(() => dayNumberOf("2026-13-01")).toThrow(RangeError);
    expect(() => dayNumberOf("2026-1-01")).toThrow(RangeError);
    expect(() => dayNumberOf("20260110")).toThrow(RangeError);
  });

  it("adds days across month and year ends, and knows the month", () => {
    expect(addIsoDays("2026-01-10", -6)).toBe("2026-01-04");
    expect(addIsoDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addIsoDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(monthOfDay(dayNumberOf("2026-03-31"))).toBe(3);
    expect(monthOfDay(dayNumberOf("2026-04-01"))).toBe(4);
  });
});

describe("parseInstant", () => {
  it("reads instants with an offset exactly as Date.parse does", () => {
    expect(parseInstant("2026-01-10T08:30:00+09:00")).toBe(Date.parse("2026-01-09T23:30:00Z"));
    expect(parseInstant("2026-01-10T08:30:00.250Z")).toBe(Date.parse("2026-01-10T08:30:00.250Z"));
    expect(parseInstant("2026-01-10T08:30+09:00")).toBe(Date.parse("2026-01-09T23:30:00Z"));
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2199-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? "-" : "+";
          const abs = Math.abs(offset);
          const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          return parseInstant(text) === date.getTime() && parseInstant(text) === Date.parse(text);
        },
      ),
    );
  });

  it("refuses instants without an offset and impossible dates", () => {
    expect(parseInstant("2026-01-10T08:30:00")).toBeNaN();
    expect(parseInstant("2026-02-30T08:30:00+09:00")).toBeNaN();
    expect(parseInstant("yesterday")).toBeNaN();
  });
});

describe("createLocalDayResolver", () => {
  const zones = [
    "Asia/Tokyo",
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe", // half-hour daylight saving
    "Asia/Kathmandu", // +05:45
    "Pacific/Chatham", // +12:45 / +13:45
    "America/Sao_Paulo", // daylight saving until 2019
    "America/St_Johns", // −03:30 / −02:30
  ];

  it.each(zones)("agrees with TZDate in %s at every instant (fast-check)", (zone) => {
    const resolver = createLocalDayResolver(zone);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2015-01-01T00:00:00Z"), max: Date.parse("2030-12-31T00:00:00Z") }),
        (ms) => {
          return isoDayOf(resolver.dayOf(ms)) === format(new TZDate(ms, zone), "yyyy-MM-dd");
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("agrees with TZDate minute by minute around the 2026 New York and London clock changes", () => {
    for (const [zone, around] of [
      ["America/New_York", "2026-03-08T07:00:00Z"],
      ["America/New_York", "2026-11-01T06:00:00Z"],
      ["Europe/London", "2026-03-29T01:00:00Z"],
      ["Europe/London", "2026-10-25T01:00:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
    ] as const) {
      const resolver = createLocalDayResolver(zone);
      const centre = Date.parse(around);
      for (let minute = -180; minute <= 180; minute++) {
        const ms = centre + minute * 60_000 + 17_000;
        expect(isoDayOf(resolver.dayOf(ms)), `${zone} ${new Date(ms).toISOString()}`).toBe(
          format(new TZDate(ms, zone), "yyyy-MM-dd"),
        );
        expect(resolver.format(ms)).toBe(new TZDate(ms, zone).toISOString().replace(/\.\d{3}/, ""));
      }
    }
  });

  it("puts 23:59 and 00:00 Tokyo time on different days", () => {
    expect(localDayOf("2026-01-10T23:59:59+09:00")).toBe("2026-01-10");
    expect(localDayOf("2026-01-11T00:00:00+09:00")).toBe("2026-01-11");
    expect(localDayOf("2026-01-10T15:00:00Z")).toBe("2026-01-11");
    expect(localDayOf("2026-03-08T04:30:00Z", "America/New_York")).toBe("2026-03-07");
  });

  it("formats instants with the zone's offset", () => {
    const resolver = createLocalDayResolver("Asia/Tokyo");
    expect(resolver.format(Date.parse("2026-01-09T23:30:00Z"))).toBe("2026-01-10T08:30:00+09:00");
    expect(resolver.dayOfInstant("2026-01-09T23:30:00Z")).toBe(dayNumberOf("2026-01-10"));
  });

  it("refuses unknown time zones", () => {
    expect(isKnownTimeZone("Asia/Tokyo")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
    expect(() => createLocalDayResolver("Mars/Olympus")).toThrow(/unknown time zone/);
  });
});

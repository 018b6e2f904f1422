import { describe, expect, it } from "vitest";
import { addDays, formatDay, instantForDay, isDay, todayIn } from "./dates.ts";

describe("facility days", () => {
  it("takes today in the facility's time zone, not the device's (JST is UTC+9)", () => {
    expect(todayIn("Asia/Tokyo", new Date("2026-11-22T15:00:00Z"))).toBe("2026-11-23");
    expect(todayIn("Asia/Tokyo", new Date("2026-11-22T14:59:59Z"))).toBe("2026-11-22");
  });

  it("writes days the Japanese way with the weekday (2026-11-23 is a Monday, 勤労感謝の日)", () => {
    expect(formatDay("2026-11-23", "ja")).toBe("2026年11月23日(月)");
    expect(formatDay("2026-01-04", "ja")).toBe("2026年1月4日(日)");
    expect(formatDay("2026-11-23", "en")).toBe("Mon 23 Nov 2026");
  });

  it("steps over month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("checks calendar days", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-2-3")).toBe(false);
  });

  it("records now for today and the same clock time on an earlier day, with the facility's offset", () => {
    const now = new Date("2026-11-22T22:05:00Z"); // 07:05 in Tokyo on the 23rd
    expect(instantForDay("2026-11-23", "Asia/Tokyo", now)).toBe("2026-11-23T07:05:00.000+09:00");
    expect(instantForDay("2026-11-21", "Asia/Tokyo", now)).toBe("2026-11-21T07:05:00.000+09:00");
  });
});

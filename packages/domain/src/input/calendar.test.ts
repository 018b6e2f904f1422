import { describe, expect, it } from "vitest";
import { isSaneDay, isSaneInstant, saneDay, saneInstant } from "./calendar.ts";

describe("isSaneDay", () => {
  it("accepts real days within 1900–2100, on both sides of each edge", () => {
    expect(isSaneDay("1900-01-01")).toBe(true);
    expect(isSaneDay("1899-12-31")).toBe(false);
    expect(isSaneDay("2100-12-31")).toBe(true);
    expect(isSaneDay("2101-01-01")).toBe(false);
  });

  it("refuses days that do not exist, year 0000 and 9999", () => {
    expect(isSaneDay("2026-13-45")).toBe(false);
    expect(isSaneDay("2026-02-29")).toBe(false);
    expect(isSaneDay("2028-02-29")).toBe(true);
    expect(isSaneDay("2026-04-31")).toBe(false);
    expect(isSaneDay("2026-04-30")).toBe(true);
    expect(isSaneDay("0000-01-01")).toBe(false);
    expect(isSaneDay("9999-12-31")).toBe(false);
    expect(isSaneDay("2026-1-1")).toBe(false);
  });
});

describe("isSaneInstant", () => {
  it("needs an offset, a real clock reading and a sane day", () => {
    expect(isSaneInstant("2026-12-02T07:30:00+09:00")).toBe(true);
    expect(isSaneInstant("2026-12-02T07:30:00.123Z")).toBe(true);
    expect(isSaneInstant("2026-12-02T07:30")).toBe(false);
    expect(isSaneInstant("2026-12-02T24:00:00Z")).toBe(false);
    expect(isSaneInstant("2026-12-02T23:60:00Z")).toBe(false);
    expect(isSaneInstant("9999-12-31T23:59:59Z")).toBe(false);
    expect(isSaneInstant("0000-01-01T00:00:00Z")).toBe(false);
    expect(isSaneInstant("2026-13-02T07:30:00Z")).toBe(false);
  });
});

describe("the zod schemas", () => {
  it("say what is expected", () => {
    const day = saneDay.safeParse("2026-13-45");
    expect(day.success).toBe(false);
    expect(day.error?.issues[0]?.message).toMatch(/real day as YYYY-MM-DD between 1900-01-01 and 2100-12-31/);
    expect(saneInstant.safeParse("9999-12-31T23:59:59Z").success).toBe(false);
    expect(saneDay.safeParse("x".repeat(1_000_000)).success).toBe(false);
  });
});

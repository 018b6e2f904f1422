import { describe, expect, it } from "vitest";
import { belongsParts, columnDay, mondayOf, periodText, weekOfMonth } from "./form-text.ts";

describe("form text", () => {
  it("writes days as the paper does", () => {
    expect(columnDay("2027-01-04", "ja")).toBe("1/4(月)");
    expect(columnDay("2027-01-04", "en")).toBe("Mon 1/4");
    expect(periodText("2027-01-04", "2027-01-10", "ja")).toBe("2027年1月4日(月)〜1月10日(日)");
    expect(periodText("2026-12-28", "2027-01-03", "ja")).toBe("2026年12月28日(月)〜2027年1月3日(日)");
  });

  it("finds the week of the month and the Monday of a week", () => {
    expect(weekOfMonth("2027-01-04")).toEqual({ year: 2027, month: 1, n: 1 });
    expect(weekOfMonth("2027-01-08")).toEqual({ year: 2027, month: 1, n: 2 });
    expect(mondayOf("2027-01-10")).toBe("2027-01-04"); // a Sunday
    expect(mondayOf("2027-01-04")).toBe("2027-01-04");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("says where a person belongs: floor and room for residents, the section for the others", () => {
    expect(belongsParts({ section: "resident", unitName: "2階", room: "203" })).toEqual({
      key: "roomOf",
      unit: "2階",
      room: "203号室",
    });
    expect(belongsParts({ section: "resident", unitName: "2階", room: null }).key).toBe("noRoom");
    // Rooms named 「201号室」 keep one 号室.
    expect(belongsParts({ section: "resident", unitName: "2階", room: "201号室" }).room).toBe("201号室");
    expect(belongsParts({ section: "short_stay", unitName: "2階", room: "210" }).key).toBe("section");
    expect(belongsParts({ section: "kitchen_staff", unitName: null, room: null }).key).toBe("section");
  });
});

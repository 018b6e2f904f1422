import { describe, expect, it } from "vitest";
import { shortDay } from "./short-day.ts";

describe("shortDay", () => {
  it("writes 12月2日(水) within the year and the year otherwise", () => {
    expect(shortDay("2026-12-02", "ja", "2026-12-02")).toBe("12月2日(水)");
    expect(shortDay("2025-12-02", "ja", "2026-12-02")).toBe("2025年12月2日(火)");
    expect(shortDay("2026-12-02", "en", "2026-01-01")).toBe("Wed 2 Dec");
  });
});

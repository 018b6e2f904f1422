import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig: the fixed clock for browser journeys", () => {
  it("uses the wall clock unless MAMORI_FIXED_NOW is set", () => {
    expect(loadConfig({}).fixedNow).toBeNull();
    expect(loadConfig({ MAMORI_FIXED_NOW: "2026-12-02T09:00:00+09:00" }).fixedNow?.toISOString()).toBe(
      "2026-12-02T00:00:00.000Z",
    );
  });
  it("refuses a time without an offset and any fixed clock in production", () => {
    expect(() => loadConfig({ MAMORI_FIXED_NOW: "2026-12-02 09:00" })).toThrow(/MAMORI_FIXED_NOW/);
    expect(() =>
      loadConfig({ MAMORI_FIXED_NOW: "2026-12-02T09:00:00+09:00", NODE_ENV: "production" }),
    ).toThrow(/never in production/);
  });
});

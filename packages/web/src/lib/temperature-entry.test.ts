import { describe, expect, it } from "vitest";
import {
  type KeypadKey,
  pressKey,
  readBaseline,
  readTemperature,
  sanitizeTemperatureText,
} from "./temperature-entry.ts";

const press = (...keys: KeypadKey[]) => keys.reduce(pressKey, "");

describe("temperature keypad", () => {
  it("puts the point in after two digits: 3, 6, 5 is 36.5 (three taps)", () => {
    expect(press("3", "6", "5")).toBe("36.5");
    expect(press("3", "6", ".", "5")).toBe("36.5");
  });

  it("keeps one decimal and one point", () => {
    expect(press("3", "6", "5", "7")).toBe("36.5");
    expect(press("3", "6", ".", ".")).toBe("36.");
    expect(press(".")).toBe("");
  });

  it("deletes and clears", () => {
    expect(press("3", "8", "4", "back")).toBe("38.");
    expect(press("3", "8", "4", "back", "back")).toBe("38");
    expect(press("3", "8", "4", "clear")).toBe("");
  });

  it("accepts 30.0–45.0 °C only (TEMPERATURE_RANGE_C, the server's bounds)", () => {
    expect(readTemperature("30.0")).toEqual({ kind: "valid", tempC: 30 });
    expect(readTemperature("45")).toEqual({ kind: "valid", tempC: 45 });
    expect(readTemperature("29.9")).toEqual({ kind: "invalid", reason: "range" });
    expect(readTemperature("45.1")).toEqual({ kind: "invalid", reason: "range" });
    expect(readTemperature("36.")).toEqual({ kind: "invalid", reason: "format" });
    expect(readTemperature("")).toEqual({ kind: "empty" });
  });

  it("accepts usual temperatures of 34.0–38.0 °C only (the server's people schema)", () => {
    expect(readBaseline("36.2")).toEqual({ kind: "valid", tempC: 36.2 });
    expect(readBaseline("38.1")).toEqual({ kind: "invalid", reason: "range" });
    expect(readBaseline("33.9")).toEqual({ kind: "invalid", reason: "range" });
  });

  it("cleans pasted text the way the keys would", () => {
    expect(sanitizeTemperatureText("36,8℃")).toBe("36.8");
    expect(sanitizeTemperatureText("abc375")).toBe("37.5");
  });
});

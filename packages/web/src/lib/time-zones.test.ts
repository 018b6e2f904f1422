import { describe, expect, it } from "vitest";
import { isOfferedTimeZone, isTimeZone, OFFERED_TIME_ZONES } from "./time-zones.ts";

describe("time zones of the facility settings", () => {
  it("offers Japan first, and every offered zone is one Intl knows", () => {
    expect(OFFERED_TIME_ZONES[0]).toBe("Asia/Tokyo");
    for (const tz of OFFERED_TIME_ZONES) expect(isTimeZone(tz)).toBe(true);
  });

  it("accepts any IANA zone, not only the offered ones", () => {
    expect(isOfferedTimeZone("Europe/Berlin")).toBe(false);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
  });

  it("refuses names Intl does not know, blanks and padded names", () => {
    expect(isTimeZone("Tokyo")).toBe(false);
    expect(isTimeZone("Asia/Tokio")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(" Asia/Tokyo")).toBe(false);
  });
});

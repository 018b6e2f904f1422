import { describe, expect, it } from "vitest";
import { checkProfileOnScenario } from "./check-profile.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import cityStrict from "./profiles/city-strict.json" with { type: "json" };
import { residents, scenario } from "./test-scenario.ts";

describe("checkProfileOnScenario", () => {
  const facility = scenario({
    people: residents(10),
    cases: [
      {
        personId: "r01",
        disease: "covid19",
        status: "confirmed",
        onsetDate: "2026-01-08",
        outcomes: [{ kind: "death", date: "2026-01-10" }],
      },
    ],
    asOf: "2026-01-10T18:00:00+09:00",
    lookbackDays: 1,
  });

  it("shows what a stricter profile adds: one COVID-19 death is reported under city-strict (§4.1), not nationally (p.48)", () => {
    const check = checkProfileOnScenario(cityStrict, facility);
    if (!check.ok) throw new Error(check.message);
    expect(check.baseline).toBe("mhlw-2005");
    expect(check.added.map((alert) => `${alert.day} ${alert.code} ${JSON.stringify(alert.subject)}`)).toEqual(
      ['2026-01-10 REPORT_CRITERION_A {"group":"ILI"}'],
    );
    expect(check.removed).toEqual([]);
    expect(check.alerts).toEqual(evaluateFacility({ ...facility, profile: check.profile }).alerts);
  });

  it("refuses an invalid profile with the field named", () => {
    expect(checkProfileOnScenario({ ...cityStrict, schemaVersion: 2 }, facility)).toEqual({
      ok: false,
      message: "schemaVersion: expected 1",
    });
  });
});

import { describe, expect, it } from "vitest";
import { checkProfileOnScenario } from "./check-profile.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import cityStrict from "./profiles/city-strict.json" with { type: "json" };
import rolling7d from "./profiles/rolling-7d.json" with { type: "json" };
import { residents, scenario, seen, tokyo } from "./test-scenario.ts";

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

  // seeds/002_091590dabd09ea3f.txt, 付録1① イ (p.69) 「10 名以上…発生した場合」 has no window: nationally everyone ill in the outbreak counts.
  it("shows what rolling-7d removes: criterion イ over a 10-day outbreak of 10 people (7 in the last week)", () => {
    const people = residents(40);
    const chained = scenario({
      people,
      observations: people
        .slice(0, 10)
        .map((person, i) =>
          seen(person.id, tokyo(`2026-01-${String(i + 1).padStart(2, "0")}`), ["vomiting"]),
        ),
      asOf: "2026-01-10T18:00:00+09:00",
      lookbackDays: 1,
    });
    const check = checkProfileOnScenario(rolling7d, chained);
    if (!check.ok) throw new Error(check.message);
    expect(check.removed.map((alert) => `${alert.day} ${alert.code}`)).toEqual([
      "2026-01-10 REPORT_CRITERION_B",
    ]);
    expect(check.added).toEqual([]);
  });

  it("refuses an invalid profile with the field named", () => {
    expect(checkProfileOnScenario({ ...cityStrict, schemaVersion: 2 }, facility)).toEqual({
      ok: false,
      message: "schemaVersion: expected 1",
    });
  });
});

import { describe, expect, it } from "vitest";
import { CLUSTER_DAY, FIXTURE_PEOPLE, fixtureAlerts } from "../test/alerts-fixture.ts";
import {
  countLines,
  currentFacilityAlerts,
  groupFacilityAlerts,
  hintsByPerson,
  isFacilityAlert,
  personIdsOf,
  roundAsOf,
  summariseHints,
} from "./alert-view.ts";

const unitOf = (id: string) => FIXTURE_PEOPLE.find((p) => p.id === id)?.unitId ?? null;
const UNITS = ["unit-1", "unit-2"];

describe("facility alerts as the home page shows them", () => {
  it("puts the reporting criterion before the 24-hour cluster, each with its count against the threshold", () => {
    const result = fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7);
    const groups = groupFacilityAlerts(result.alerts, [CLUSTER_DAY]);
    expect(groups.map((g) => g.latest.code)).toEqual(["REPORT_CRITERION_B", "NORO_CLUSTER_24H"]);
    const [criterion, cluster] = groups.map((g) => g.latest);
    // Criterion B (manual p.48), both ways of the national profile mhlw-2005: 11 ill against 10, and 11 of the 12
    // users against half of them (6).
    expect(countLines(criterion!)).toEqual([
      { key: "countB", values: { count: 11, threshold: 10 } },
      { key: "countUsers", values: { count: 11, total: 12, threshold: 6 } },
    ]);
    // The cluster (manual p.54): 11 onsets of vomiting within 24 hours against 2.
    expect(countLines(cluster!)).toEqual([
      { key: "countNoro", values: { count: 11, threshold: 2, hours: 24 } },
    ]);
    expect(personIdsOf(cluster!)).toHaveLength(11);
  });

  it("shows a rule that held on several days once, at its latest day, listing the days", () => {
    // Criterion B counts everyone ill in the outbreak, from the 10th until it ends: a week without a new onset
    // (manual p.56) makes the 17th its first day over.
    const result = fixtureAlerts("2026-01-17T12:00:00+09:00", 8);
    const groups = groupFacilityAlerts(result.alerts, result.days);
    const criterion = groups.find((g) => g.latest.code === "REPORT_CRITERION_B");
    expect(criterion?.latest.day).toBe("2026-01-16");
    expect(criterion?.days).toEqual(["16", "15", "14", "13", "12", "11", "10"].map((d) => `2026-01-${d}`));
    expect(groupFacilityAlerts(result.alerts, ["2026-01-17"]).map((g) => g.latest.code)).toEqual([
      "OUTBREAK_END_ELIGIBLE",
    ]);
  });

  it("counts a quiet week as the end of the outbreak, naming nobody", () => {
    // Manual p.56: no new onset for 7 days after the 10th → the 17th.
    const result = fixtureAlerts("2026-01-17T12:00:00+09:00", 1);
    const [end] = groupFacilityAlerts(result.alerts, ["2026-01-17"]);
    expect(end?.latest.code).toBe("OUTBREAK_END_ELIGIBLE");
    expect(personIdsOf(end!.latest)).toEqual([]);
    expect(countLines(end!.latest)).toEqual([{ key: "countEnd", values: { days: 7, required: 7 } }]);
  });
});

describe("person hints", () => {
  it("counts distinct persons per hint, unit and day, most urgent hint first", () => {
    const result = fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7);
    const lines = summariseHints(result.alerts, [CLUSTER_DAY], unitOf, UNITS);
    // p01–p06 are on unit-1, p07–p12 on unit-2; p12 has the fever, p01–p11 vomit in January (norovirus months).
    expect(lines).toEqual([
      {
        day: CLUSTER_DAY,
        unitId: "unit-1",
        counts: [
          { code: "NOROVIRUS_CONSIDER", count: 6 },
          { code: "REPORT_TO_NURSE", count: 6 },
        ],
      },
      {
        day: CLUSTER_DAY,
        unitId: "unit-2",
        counts: [
          { code: "FEVER", count: 1 },
          { code: "NOROVIRUS_CONSIDER", count: 5 },
          { code: "REPORT_TO_NURSE", count: 6 },
        ],
      },
    ]);
  });

  it("gives each person of the round their hints of that day only", () => {
    const result = fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7);
    const byPerson = hintsByPerson(result.alerts, CLUSTER_DAY);
    expect(byPerson.get("p12")?.map((a) => a.code)).toEqual(["FEVER", "REPORT_TO_NURSE"]);
    expect(byPerson.get("p01")?.map((a) => a.code)).toEqual(["NOROVIRUS_CONSIDER", "REPORT_TO_NURSE"]);
    expect(byPerson.has("s01")).toBe(false);
    expect(hintsByPerson(result.alerts, "2026-01-09").size).toBe(0);
    expect(result.alerts.filter(isFacilityAlert).every((a) => !byPerson.has(a.day))).toBe(true);
  });
});

describe("roundAsOf", () => {
  it("asks for today at the server's now, and for an earlier day at its last second in the facility's zone", () => {
    expect(roundAsOf("2026-11-24", "2026-11-24", "Asia/Tokyo")).toBeUndefined();
    expect(roundAsOf("2026-11-20", "2026-11-24", "Asia/Tokyo")).toBe("2026-11-20T23:59:59.000+09:00");
    // The last second of a Tokyo day is 14:59:59 UTC the same day.
    expect(new Date(roundAsOf("2026-11-20", "2026-11-24", "Asia/Tokyo")!).toISOString()).toBe(
      "2026-11-20T14:59:59.000Z",
    );
  });
});

describe("currentFacilityAlerts (a cluster under way stays in view)", () => {
  // The fixture: the cluster and criterion B on the 10th (B held to the 12th); a week without a new onset is reached
  // on the 17th (manual p.56: ノロウイルス… 1週間新たな患者が出なければ).
  it("keeps the signals of the 10th onwards on the 16th (criterion イ holds while the outbreak lasts), not once the end is eligible on the 17th", () => {
    const on16 = fixtureAlerts("2026-01-16T12:00:00+09:00", 7);
    expect(currentFacilityAlerts(on16.alerts, on16.days).map((g) => [g.latest.code, g.latest.day])).toEqual([
      ["REPORT_CRITERION_B", "2026-01-16"],
      ["NORO_CLUSTER_24H", "2026-01-10"],
    ]);
    const on17 = fixtureAlerts("2026-01-17T12:00:00+09:00", 7);
    expect(currentFacilityAlerts(on17.alerts, on17.days).map((g) => g.latest.code)).toEqual([
      "OUTBREAK_END_ELIGIBLE",
    ]);
  });

  it("drops an end of outbreak of an earlier day", () => {
    const on17 = fixtureAlerts("2026-01-17T12:00:00+09:00", 7);
    const days = [...on17.days.slice(1), "2026-01-18"];
    expect(currentFacilityAlerts(on17.alerts, days)).toEqual([]);
  });
});

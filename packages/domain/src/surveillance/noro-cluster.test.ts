import { describe, expect, it } from "vitest";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { ObservationInput } from "./inputs.ts";
import { findTimeClusters } from "./noro-cluster.ts";
import { validateProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import { alertLines, residents, scenario, seen, staff, tokyo } from "./test-scenario.ts";

// Manual p.54 (ノロウイルス, エ): "24 時間のうちに、水様便や嘔吐症状の発症者が 2 人以上になった場合" → emergency footing.
// facility-surveillance.md §4.2 and contracts/evaluate.md: two distinct persons, new onsets within 24 hours by onset
// time, the alert on the day of the later one.
const run = (observations: ObservationInput[], asOf = "2026-01-12T23:00:00+09:00") =>
  evaluateFacility(scenario({ people: [...residents(5), ...staff(2)], observations, asOf, lookbackDays: 7 }));
const clusters = (observations: ObservationInput[]) =>
  alertLines(run(observations)).filter((line) => line.includes("NORO_CLUSTER_24H"));

describe("NORO_CLUSTER_24H (manual p.54)", () => {
  it("fires when the second onset comes 23 h 59 min after the first", () => {
    const result = run([
      seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
      seen("r02", tokyo("2026-01-11", "07:59"), ["watery_stool"]),
    ]);
    const alert = result.alerts.find((a) => a.code === "NORO_CLUSTER_24H");
    expect(alert).toMatchObject({
      subject: { group: "GI" },
      day: "2026-01-11",
      profile: "mhlw-2005",
      evidence: {
        personIds: ["r01", "r02"],
        onsets: [
          { personId: "r01", at: "2026-01-10T08:00:00+09:00" },
          { personId: "r02", at: "2026-01-11T07:59:00+09:00" },
        ],
        count: 2,
        threshold: 2,
        windowHours: 24,
        source: { pages: [54] },
      },
    });
  });

  it("does not fire when the second onset comes 24 h 1 min after the first", () => {
    expect(
      clusters([
        seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
        seen("r02", tokyo("2026-01-11", "08:01"), ["watery_stool"]),
      ]),
    ).toEqual([]);
  });

  it("counts exactly 24 hours as within 24 hours (decision)", () => {
    expect(
      clusters([
        seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
        seen("r02", tokyo("2026-01-11", "08:00"), ["vomiting"]),
      ]),
    ).toEqual(["2026-01-11 NORO_CLUSTER_24H GI"]);
  });

  it("belongs to the day of the later onset, across midnight", () => {
    expect(
      clusters([
        seen("r01", tokyo("2026-01-10", "23:00"), ["vomiting"]),
        seen("r02", tokyo("2026-01-11", "06:00"), ["watery_stool"]),
      ]),
    ).toEqual(["2026-01-11 NORO_CLUSTER_24H GI"]);
  });

  it("needs two distinct persons: one person vomiting twice is not a cluster", () => {
    expect(
      clusters([
        seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
        seen("r01", tokyo("2026-01-10", "20:00"), ["watery_stool"]),
      ]),
    ).toEqual([]);
  });

  it("ignores diarrhoea that is not watery stool, and counts staff as persons", () => {
    expect(
      clusters([
        seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
        seen("r02", tokyo("2026-01-10", "09:00"), ["diarrhea"]),
      ]),
    ).toEqual([]);
    expect(
      clusters([
        seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
        seen("s01", tokyo("2026-01-10", "09:00"), ["vomiting"]),
      ]),
    ).toEqual(["2026-01-10 NORO_CLUSTER_24H GI"]);
  });

  it("an onset needs 3 symptom-free days before it: a person still vomiting is not a new onset", () => {
    expect(
      clusters([
        seen("r01", tokyo("2026-01-08", "08:00"), ["vomiting"]),
        seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
        seen("r02", tokyo("2026-01-10", "09:00"), ["vomiting"]),
      ]),
    ).toEqual([]);
  });

  it("takes the window and the number of persons from the profile", () => {
    const three = validateProfile({
      ...DEFAULT_PROFILE,
      id: "three",
      noroCluster: { ...DEFAULT_PROFILE.noroCluster, minPersons: 3 },
    });
    if (!three.ok) throw new Error(three.message);
    const observations = [
      seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
      seen("r02", tokyo("2026-01-10", "09:00"), ["vomiting"]),
    ];
    const asOf = "2026-01-12T23:00:00+09:00";
    expect(
      evaluateFacility(
        scenario({ people: residents(5), observations, asOf, profile: three.profile }),
      ).alerts.filter((a) => a.code === "NORO_CLUSTER_24H"),
    ).toEqual([]);
  });
});

describe("findTimeClusters", () => {
  it("collects every person of every qualifying span ending on the day", () => {
    const h = 3_600_000;
    const onsets = [
      { personId: "a", day: 1, atMs: 0 },
      { personId: "b", day: 1, atMs: 10 * h },
      { personId: "c", day: 2, atMs: 30 * h },
      { personId: "d", day: 5, atMs: 100 * h },
    ];
    expect(findTimeClusters(onsets, 24 * h, 2).map((c) => [c.day, c.personIds])).toEqual([
      [1, ["a", "b"]],
      [2, ["b", "c"]],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { AboveUsualEvidence } from "./alerts.ts";
import { epidemicCurve } from "./epidemic-curve.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { ObservationInput, PersonInput } from "./inputs.ts";
import { addIsoDays } from "./local-day.ts";
import { quietRounds, residents, scenario, seen, tokyo } from "./test-scenario.ts";

// facility-surveillance.md §3–§4.4 and 付録4③ (seed 002, p.85, 新規発症者 集計表 by floor): new onsets per day, per group,
// per floor; the usual upper bound is the one ABOVE_USUAL tests (EARS C2, alpha 0.001, minSigma 0.5, ≥ 28 days of
// history). On a flat zero baseline sd = 0 < minSigma, so the bound is qnorm(0.999) × 0.5 = 1.545116153083907
// (R 4.2: `qnorm(0.999) * 0.5`).
const DAY = "2026-02-20";
const facility = {
  id: "f1",
  timeZone: "Asia/Tokyo",
  units: [
    { id: "u1", name: "1F" },
    { id: "u2", name: "2F" },
  ],
};
const people: PersonInput[] = [
  ...residents(20).map((person, i) => ({ ...person, unit: i < 10 ? "u1" : "u2" })),
  { id: "s01", kind: "staff" as const, job: "kitchen" as const },
];
const ids = people.map((person) => person.id);

function curve(historyDays: number, extra: ObservationInput[], days = 28) {
  const observations = [
    ...quietRounds(ids, addIsoDays(DAY, -historyDays), historyDays + 1, "07:00"),
    ...extra,
  ];
  const input = { facility, people, observations, asOf: tokyo(DAY, "20:00") };
  const evaluation = evaluateFacility(scenario({ ...input, lookbackDays: days }));
  return { curve: epidemicCurve({ ...input, days, alerts: evaluation.alerts }), evaluation };
}

describe("the epidemic curve", () => {
  it("counts new onsets per day and floor, distinct persons, for the last 28 days", () => {
    const { curve: result } = curve(60, [
      seen("r02", tokyo(DAY, "10:00"), ["diarrhea"]),
      seen("r02", tokyo(DAY, "15:00"), ["vomiting"]),
      seen("r15", tokyo(DAY, "11:00"), ["watery_stool"]),
      seen("s01", tokyo(addIsoDays(DAY, -1), "11:00"), ["vomiting"]),
      // On the first day shown (27 days back) and on the day before it.
      seen("r03", tokyo(addIsoDays(DAY, -27), "11:00"), ["diarrhea"]),
      seen("r04", tokyo(addIsoDays(DAY, -28), "11:00"), ["diarrhea"]),
    ]);
    expect(result.days).toHaveLength(28);
    expect(result.days[0]).toBe(addIsoDays(DAY, -27));
    const gi = result.groups.find((group) => group.group === "GI")!;
    expect(gi.total.at(-1)).toBe(2);
    expect(gi.total.at(-2)).toBe(1);
    expect(gi.total[0]).toBe(1);
    expect(gi.total.reduce((a, b) => a + b, 0)).toBe(4);
    expect(gi.byUnit.map((unit) => [unit.unitId, unit.counts.at(-1), unit.counts.at(-2)])).toEqual([
      ["u1", 1, 0],
      ["u2", 1, 0],
      [null, 0, 1],
    ]);
    expect(result.units).toEqual(["u1", "u2", null]);
  });

  it("gives the usual upper bound only on days with 28 days of history, equal to ABOVE_USUAL's", () => {
    const onsets = ids.slice(0, 3).map((id) => seen(id, tokyo(DAY, "10:00"), ["diarrhea"]));
    const { curve: result, evaluation } = curve(28, onsets);
    const gi = result.groups.find((group) => group.group === "GI")!;
    // The first observed day is DAY − 28: only DAY itself has 28 days of history.
    expect(gi.upperBound!.at(-1)).toBeCloseTo(1.545116153083907, 12);
    expect(gi.upperBound!.at(-2)).toBeNull();
    const above = evaluation.alerts.find((alert) => alert.code === "ABOVE_USUAL")!;
    expect((above.evidence as AboveUsualEvidence).upperbound).toBe(gi.upperBound!.at(-1));
    expect(result.alertDays).toContainEqual({ day: DAY, code: "ABOVE_USUAL", subject: { group: "GI" } });
    expect(result.alertDays.every((alert) => !("personId" in alert.subject))).toBe(true);
  });

  it("marks the 24-hour cluster on the day it fired", () => {
    const day = addIsoDays(DAY, -4);
    const { curve: result } = curve(60, [
      seen("r11", tokyo(day, "07:00"), ["vomiting"]),
      seen("r12", tokyo(day, "21:00"), ["watery_stool"]),
    ]);
    expect(result.alertDays).toContainEqual({ day, code: "NORO_CLUSTER_24H", subject: { group: "GI" } });
  });

  it("has no upper bound for a group the profile does not watch for the usual trend", () => {
    const { curve: result } = curve(10, []);
    expect(result.groups.map((group) => group.group)).toEqual(["GI", "ILI", "SKIN", "RESP", "FEVER"]);
    expect(result.groups[0]!.upperBound!.every((bound) => bound === null)).toBe(true);
  });

  it("rejects a number of days out of range, naming it", () => {
    expect(() => epidemicCurve({ facility, people, observations: [], asOf: tokyo(DAY), days: 0 })).toThrow(
      /^days/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { renderAlertWhy } from "./alert-why.ts";
import type { AboveUsualEvidence } from "./alerts.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { ObservationInput } from "./inputs.ts";
import { addIsoDays } from "./local-day.ts";
import { type RuleProfile, validateProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import { quietRounds, residents, scenario, seen, tokyo } from "./test-scenario.ts";

// facility-surveillance.md §4.4: EARS C2, alpha 0.001, minSigma 0.5 on daily new onsets per group, ≥ 28 days of history,
// ≥ 2 onsets on the day; criterion ウ of the 2005 notice (manual p.48), "日常的な発生状況" vs "現時点" (manual p.33).
// Reference: on a flat zero baseline, sd = 0 < minSigma, so the C2 upper bound is 0 + qnorm(0.999) × 0.5
// = 3.090232306167813 × 0.5 = 1.545116153083907 (R 4.2: `qnorm(0.999) * 0.5`).
const DAY = "2026-02-20";
const people = residents(40);
const ids = people.map((person) => person.id);

function facility(
  historyDays: number,
  todayOnsets: number,
  extra: ObservationInput[] = [],
  profile?: RuleProfile,
) {
  const first = addIsoDays(DAY, -historyDays);
  const observations = [
    ...quietRounds(ids, first, historyDays + 1, "07:00"),
    ...ids.slice(0, todayOnsets).map((id) => seen(id, tokyo(DAY, "10:00"), ["diarrhea"])),
    ...extra,
  ];
  return evaluateFacility(
    scenario({
      people,
      observations,
      asOf: tokyo(DAY, "20:00"),
      lookbackDays: 1,
      ...(profile ? { profile } : {}),
    }),
  ).alerts.filter((alert) => alert.code === "ABOVE_USUAL");
}

function profileWith(aboveUsual: Partial<RuleProfile["aboveUsual"]>): RuleProfile {
  const result = validateProfile({
    ...DEFAULT_PROFILE,
    id: "test",
    aboveUsual: { ...DEFAULT_PROFILE.aboveUsual, ...aboveUsual },
  });
  if (!result.ok) throw new Error(result.message);
  return result.profile;
}

describe("ABOVE_USUAL (EARS C2, facility-surveillance.md §4.4)", () => {
  it("needs 28 days of history: 27 is not enough", () => {
    expect(facility(27, 2)).toEqual([]);
    const alerts = facility(28, 2);
    expect(alerts.map((alert) => [alert.day, alert.subject])).toEqual([[DAY, { group: "GI" }]]);
    const evidence = alerts[0]!.evidence as AboveUsualEvidence;
    expect(evidence).toMatchObject({
      count: 2,
      method: "C2",
      alpha: 0.001,
      minSigma: 0.5,
      historyDays: 28,
      minHistoryDays: 28,
      minOnsets: 2,
      personIds: ["r01", "r02"],
      source: { pages: [33, 48] },
    });
    expect(evidence.upperbound).toBeCloseTo(1.545116153083907, 12);
    expect(renderAlertWhy(alerts[0]!, "ja")).toBe(
      "嘔吐・下痢：2月20日(金)の新たな発症者2人が、これまで28日の記録から見た上限1.55人を超えました（過去の記録と比べる統計の方法 EARS C2 による）。（マニュアル p.33, p.48）",
    );
    expect(renderAlertWhy(alerts[0]!, "en")).toContain(
      "2 people fell ill on 20 Feb, above the usual upper bound of 1.55",
    );
  });

  it("needs 2 onsets on the day: 1 is not enough even when EARS alone would alarm", () => {
    // With minSigma 0.1 the bound is 0.309, so 1 onset is above it; the 2-onset floor still holds the alert back.
    expect(facility(30, 1, [], profileWith({ minSigma: 0.1 }))).toEqual([]);
    expect(
      facility(30, 1, [], profileWith({ minSigma: 0.1, minOnsets: 1 })).map((alert) => alert.day),
    ).toEqual([DAY]);
    expect(facility(30, 1)).toEqual([]);
  });

  it("compares with the facility's own usual level: 2 a day in the baseline makes 2 ordinary and 4 unusual", () => {
    // Baseline days d−9 … d−3 with 2 GI onsets each (14 different people): mean 2, sd 0 → bound 2 + 1.545 = 3.545.
    const baseline: ObservationInput[] = [];
    for (let k = 0; k < 7; k++) {
      const day = addIsoDays(DAY, -9 + k);
      baseline.push(seen(ids[20 + 2 * k]!, tokyo(day, "11:00"), ["diarrhea"]));
      baseline.push(seen(ids[21 + 2 * k]!, tokyo(day, "11:00"), ["diarrhea"]));
    }
    expect(facility(40, 2, baseline)).toEqual([]);
    const alerts = facility(40, 4, baseline);
    expect(alerts).toHaveLength(1);
    expect((alerts[0]!.evidence as AboveUsualEvidence).upperbound).toBeCloseTo(2 + 1.545116153083907, 12);
  });

  it("runs per group of the profile", () => {
    const fever = ids.slice(0, 3).map((id) => seen(id, tokyo(DAY, "12:00"), [], 38.5));
    const groups = facility(30, 0, fever).map((alert) =>
      "group" in alert.subject ? alert.subject.group : "",
    );
    expect(groups).toEqual(["FEVER"]);
    expect(facility(30, 0, fever, profileWith({ groups: ["GI"] }))).toEqual([]);
  });
});

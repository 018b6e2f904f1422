import { describe, expect, it } from "vitest";
import { implicitCasesOfGroup } from "./episode-cases.ts";
import { episodeState, influenzaSchoolRuleReturnDate } from "./episode-state.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import { quietDaysFor, validateProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import { quietRounds, residents, scenario, seen, tokyo } from "./test-scenario.ts";

// Manual p.56 (ノロウイルス, カ 解除の判断): 「施設全体としては新しい患者が1週間出なければ、終息とみなしてもかまいません。
// 感染対策委員会で最終的な判断をします」 — the quiet period Q is 7 days for GI in mhlw-2005; the end is eligible on
// L + Q, not on L + Q − 1.
const Q = quietDaysFor(DEFAULT_PROFILE, "GI");
const base = {
  openedDate: "2026-01-11",
  cases: [
    { onsetDate: "2026-01-10", resolvedDate: "2026-01-12" },
    { onsetDate: "2026-01-11", resolvedDate: "2026-01-13" },
  ],
  quietDays: Q,
};

describe("episodeState: the countdown to end-eligibility (manual p.56)", () => {
  it("uses the profile's 7 days for GI", () => {
    expect(Q).toBe(7);
  });

  it("is not eligible on day Q−1 after the last onset and is on day Q", () => {
    const before = episodeState({ ...base, today: "2026-01-17" });
    expect(before).toMatchObject({
      status: "open",
      caseCount: 2,
      openCaseCount: 0,
      firstOnset: "2026-01-10",
      lastOnset: "2026-01-11",
      daysWithoutNewOnset: Q - 1,
      daysUntilEligible: 1,
      eligibleOn: "2026-01-18",
      eligible: false,
    });
    const on = episodeState({ ...base, today: "2026-01-18" });
    expect(on).toMatchObject({ daysWithoutNewOnset: Q, daysUntilEligible: 0, eligible: true });
  });

  it("takes the quiet period from the profile per group", () => {
    const validation = validateProfile({
      ...DEFAULT_PROFILE,
      id: "skin-30",
      outbreakEnd: {
        quietDays: 7,
        quietDaysByGroup: { SKIN: 30 },
        quietDaysSources: { SKIN: "30 days: this test profile's own setting" },
      },
    });
    if (!validation.ok) throw new Error(validation.message);
    const profile = validation.profile;
    const quietDays = quietDaysFor(profile, "SKIN");
    expect(quietDays).toBe(30);
    const cases = [{ onsetDate: "2026-01-01", resolvedDate: null }];
    expect(episodeState({ openedDate: "2026-01-02", cases, quietDays, today: "2026-01-30" }).eligible).toBe(
      false,
    );
    expect(episodeState({ openedDate: "2026-01-02", cases, quietDays, today: "2026-01-31" }).eligible).toBe(
      true,
    );
  });

  it("restarts the countdown with a new onset of the group that is not linked yet", () => {
    const state = episodeState({ ...base, otherOnsetDates: ["2026-01-15"], today: "2026-01-18" });
    expect(state).toMatchObject({
      lastOnset: "2026-01-15",
      daysWithoutNewOnset: 3,
      eligibleOn: "2026-01-22",
    });
    expect(state.eligible).toBe(false);
  });

  it("ignores onsets after the day asked for", () => {
    const state = episodeState({ ...base, otherOnsetDates: ["2026-01-19"], today: "2026-01-18" });
    expect(state).toMatchObject({ lastOnset: "2026-01-11", eligible: true });
  });

  it("counts a case as open until the day it resolves", () => {
    const cases = [{ onsetDate: "2026-01-10", resolvedDate: "2026-01-14" }];
    expect(episodeState({ ...base, cases, today: "2026-01-13" }).openCaseCount).toBe(1);
    expect(episodeState({ ...base, cases, today: "2026-01-14" }).openCaseCount).toBe(0);
    const ongoing = [{ onsetDate: "2026-01-10", resolvedDate: null }];
    expect(episodeState({ ...base, cases: ongoing, today: "2026-02-20" }).openCaseCount).toBe(1);
  });

  it("counts from the opening day before any onset (an episode opened by hand)", () => {
    const state = episodeState({ openedDate: "2026-01-11", cases: [], quietDays: Q, today: "2026-01-17" });
    expect(state).toMatchObject({ countFrom: "2026-01-11", lastOnset: null, daysUntilEligible: 1 });
  });

  it("says closed once the committee's date is set", () => {
    expect(episodeState({ ...base, closedDate: "2026-01-18", today: "2026-01-18" }).status).toBe("closed");
  });

  it("refuses a quiet period that is not a whole number of days", () => {
    expect(() => episodeState({ ...base, quietDays: 0, today: "2026-01-18" })).toThrow(RangeError);
  });

  it("agrees with OUTBREAK_END_ELIGIBLE of the rules engine on both sides of the countdown", () => {
    const observations = [
      ...quietRounds(["r01", "r02", "r03"], "2026-01-01", 9),
      seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
      seen("r02", tokyo("2026-01-10", "12:00"), ["vomiting"]),
    ];
    const input = scenario({ people: residents(3), observations, asOf: tokyo("2026-01-18", "09:00") });
    const eligibleDays = evaluateFacility({ ...input, lookbackDays: 3 })
      .alerts.filter((alert) => alert.code === "OUTBREAK_END_ELIGIBLE")
      .map((alert) => alert.day);
    const cases = implicitCasesOfGroup(input, "GI");
    expect(cases.map((held) => [held.personId, held.onsetDate])).toEqual([
      ["r01", "2026-01-10"],
      ["r02", "2026-01-10"],
    ]);
    const state = (today: string) =>
      episodeState({ openedDate: "2026-01-10", cases, quietDays: Q, today }).eligible;
    expect([state("2026-01-16"), state("2026-01-17"), state("2026-01-18")]).toEqual([false, true, true]);
    expect(eligibleDays).toEqual(["2026-01-17", "2026-01-18"]);
  });
});

describe("influenzaSchoolRuleReturnDate (manual p.52, 学校保健安全法)", () => {
  // 「発症した後 5 日を経過し、かつ、解熱した後 2 日を経過するまで」: onset day and the day the fever resolved are day 0.
  it("waits for five days after the onset when the fever resolved early", () => {
    expect(influenzaSchoolRuleReturnDate("2026-01-10", "2026-01-12")).toBe("2026-01-16");
  });
  it("waits for two days after the fever when it resolved late (both sides of the switch)", () => {
    // Fever resolved on day 3 → 3 + 3 = 6 = onset + 6: the two periods end together.
    expect(influenzaSchoolRuleReturnDate("2026-01-10", "2026-01-13")).toBe("2026-01-16");
    expect(influenzaSchoolRuleReturnDate("2026-01-10", "2026-01-14")).toBe("2026-01-17");
  });
  it("has no date while the fever goes on, and refuses a resolution before the onset", () => {
    expect(influenzaSchoolRuleReturnDate("2026-01-10", null)).toBeNull();
    expect(() => influenzaSchoolRuleReturnDate("2026-01-10", "2026-01-09")).toThrow(RangeError);
  });
});

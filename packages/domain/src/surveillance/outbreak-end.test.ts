import { describe, expect, it } from "vitest";
import type { OutbreakEndEvidence } from "./alerts.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { EpisodeInput, ObservationInput } from "./inputs.ts";
import { outbreakEndDays } from "./outbreak-end.ts";
import { quietDaysSourceFor, validateProfile } from "./profile-schema.ts";
import { DEFAULT_PROFILE } from "./profiles.ts";
import { residents, scenario, seen, tokyo } from "./test-scenario.ts";

// Manual p.56 (ノロウイルス, カ 解除の判断): "施設全体としては新しい患者が1週間出なければ、終息とみなしてもかまいません".
// contracts/evaluate.md: the group had an episode, and its last new onset L satisfies d ≥ L + 7.
const cluster: ObservationInput[] = [
  seen("r01", tokyo("2026-01-10", "08:00"), ["vomiting"]),
  seen("r02", tokyo("2026-01-10", "12:00"), ["vomiting"]),
];
const endDays = (
  observations: ObservationInput[],
  extra: { episodes?: EpisodeInput[]; asOf?: string } = {},
) =>
  evaluateFacility(
    scenario({
      people: residents(10),
      observations,
      asOf: extra.asOf ?? "2026-01-20T09:00:00+09:00",
      lookbackDays: 11,
      ...(extra.episodes ? { episodes: extra.episodes } : {}),
    }),
  ).alerts.filter((alert) => alert.code === "OUTBREAK_END_ELIGIBLE");

describe("OUTBREAK_END_ELIGIBLE (manual p.56)", () => {
  it("is not eligible on day L+6 and is on day L+7", () => {
    const alerts = endDays(cluster);
    expect(alerts.map((a) => a.day)).toEqual(["2026-01-17", "2026-01-18", "2026-01-19", "2026-01-20"]);
    expect(alerts[0]).toMatchObject({
      subject: { group: "GI" },
      evidence: {
        openedOn: "2026-01-10",
        openedBy: ["NORO_CLUSTER_24H"],
        lastOnset: "2026-01-10",
        daysWithoutNewOnset: 7,
        requiredDays: 7,
        source: { pages: [56] },
      },
    });
  });

  it("a later new onset restarts the quiet week", () => {
    const alerts = endDays([...cluster, seen("r03", tokyo("2026-01-13"), ["diarrhea"])]);
    expect(alerts.map((a) => a.day)).toEqual(["2026-01-20"]);
    expect((alerts[0]!.evidence as OutbreakEndEvidence).lastOnset).toBe("2026-01-13");
  });

  it("needs an episode: one person's diarrhoea is no outbreak to end", () => {
    expect(endDays([seen("r01", tokyo("2026-01-10"), ["diarrhea"])])).toEqual([]);
  });

  it("stops once the committee's confirmed end is recorded", () => {
    const alerts = endDays(cluster, { episodes: [{ subject: { group: "GI" }, closedDate: "2026-01-19" }] });
    expect(alerts.map((a) => a.day)).toEqual(["2026-01-17", "2026-01-18"]);
  });

  it("a declared episode opens one too", () => {
    const alerts = endDays([seen("r01", tokyo("2026-01-10"), ["diarrhea"])], {
      episodes: [{ subject: { group: "GI" }, openedDate: "2026-01-11" }],
    });
    expect(alerts.map((a) => `${a.day} ${"group" in a.subject ? a.subject.group : ""}`)).toEqual([
      "2026-01-17 GI",
      "2026-01-18 GI",
      "2026-01-19 GI",
      "2026-01-20 GI",
    ]);
    expect((alerts[0]!.evidence as OutbreakEndEvidence).openedBy).toEqual(["DECLARED"]);
  });

  it("takes the quiet days per group from the profile, each with its source", () => {
    const longer = validateProfile({
      ...DEFAULT_PROFILE,
      id: "gi-ten-days",
      outbreakEnd: { quietDays: 7, quietDaysByGroup: { GI: 10 }, quietDaysSources: { GI: "municipal rule" } },
    });
    if (!longer.ok) throw new Error(longer.message);
    const alerts = evaluateFacility(
      scenario({
        people: residents(10),
        observations: cluster,
        asOf: "2026-01-20T09:00:00+09:00",
        profile: longer.profile,
      }),
    ).alerts.filter((alert) => alert.code === "OUTBREAK_END_ELIGIBLE");
    expect(alerts.map((a) => a.day)).toEqual(["2026-01-20"]);
    const unsourced = validateProfile({
      ...DEFAULT_PROFILE,
      id: "gi-ten-days",
      outbreakEnd: { quietDays: 7, quietDaysByGroup: { GI: 10 } },
    });
    expect(unsourced.ok ? "ok" : unsourced.message).toBe(
      "outbreakEnd.quietDaysSources.GI: expected the source of the quiet period of GI (manual page, or the incubation it doubles)",
    );
  });
});

// Per-group quiet periods (facility-surveillance.md §4.3), seeds/002_091590dabd09ea3f.txt. GI: the manual's week, p.56
// 「新しい患者が1週間出なければ、終息とみなしてもかまいません」.
// Where the manual is silent, twice the longest incubation of the group's diseases: the manual gives none for scabies
// (§5 1)(3), p.57, only 「接触感染予防策を解除する前に、患者の全身を観察して新しい皮疹がないことを確認します」), so SKIN
// takes twice the dermatologists' month (60 days); ILI twice COVID-19's 10 days (20; the manual gives influenza
// 「潜伏期は、1~3 日（時に 7 日まで）」, p.50).
describe("OUTBREAK_END_ELIGIBLE per group in mhlw-2005", () => {
  const endOn = (observations: ObservationInput[], group: string, asOf: string, lookbackDays: number) =>
    evaluateFacility(
      scenario({
        people: residents(10),
        observations,
        asOf,
        lookbackDays,
        episodes: [{ subject: { group: group as "SKIN" }, openedDate: "2026-01-10" }],
      }),
    )
      .alerts.filter((alert) => alert.code === "OUTBREAK_END_ELIGIBLE")
      .map((alert) => `${alert.day} ${(alert.evidence as OutbreakEndEvidence).requiredDays}`);

  it("the quiet periods and their sources are in the profile", () => {
    expect(DEFAULT_PROFILE.outbreakEnd.quietDaysByGroup).toEqual({ GI: 7, ILI: 20, SKIN: 60 });
    expect(quietDaysSourceFor(DEFAULT_PROFILE, "GI")).toContain("新しい患者が1週間出なければ");
    expect(quietDaysSourceFor(DEFAULT_PROFILE, "ILI")).toContain("時に 7 日まで");
    expect(quietDaysSourceFor(DEFAULT_PROFILE, "SKIN")).toMatch(
      /gives no incubation for scabies.*about one month/,
    );
  });

  it("SKIN (scabies): 59 days without a new rash or itch are not enough, 60 are", () => {
    // Last onset 2026-01-10; L + 59 = 2026-03-10, L + 60 = 2026-03-11.
    const alerts = endOn(
      [seen("r01", tokyo("2026-01-10"), ["rash", "itch"])],
      "SKIN",
      tokyo("2026-03-11"),
      2,
    );
    expect(alerts).toEqual(["2026-03-11 60"]);
  });

  it("ILI: 19 days without a new flu-like illness are not enough, 20 are", () => {
    // Last onset 2026-01-10; L + 19 = 2026-01-29, L + 20 = 2026-01-30.
    const alerts = endOn([seen("r01", tokyo("2026-01-10"), ["cough"], 38.5)], "ILI", tokyo("2026-01-30"), 2);
    expect(alerts).toEqual(["2026-01-30 20"]);
  });
});

describe("outbreakEndDays", () => {
  it("opens on the first day of a run of rule days, and again only after the episode had become eligible", () => {
    const triggers = new Map([
      [10, ["REPORT_CRITERION_B" as const]],
      [11, ["REPORT_CRITERION_B" as const]],
      [30, ["NORO_CLUSTER_24H" as const]],
    ]);
    const states = outbreakEndDays(triggers, [], [9, 10, 30], 7, 0, 40);
    expect(states.get(17)).toMatchObject({ openedOn: 10, lastOnset: 10 });
    expect(states.has(29)).toBe(true);
    expect(states.has(30)).toBe(false);
    expect(states.get(37)).toMatchObject({ openedOn: 30, lastOnset: 30 });
  });
});

import { describe, expect, it } from "vitest";
import type { OutbreakEndEvidence } from "./alerts.ts";
import { evaluateFacility } from "./evaluate-facility.ts";
import type { EpisodeInput, ObservationInput } from "./inputs.ts";
import { outbreakEndDays } from "./outbreak-end.ts";
import { validateProfile } from "./profile-schema.ts";
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
    const alerts = endDays([seen("r01", tokyo("2026-01-10"), ["rash", "itch"])], {
      episodes: [{ subject: { group: "SKIN" }, openedDate: "2026-01-11" }],
    });
    expect(alerts.map((a) => `${a.day} ${"group" in a.subject ? a.subject.group : ""}`)).toEqual([
      "2026-01-17 SKIN",
      "2026-01-18 SKIN",
      "2026-01-19 SKIN",
      "2026-01-20 SKIN",
    ]);
    expect((alerts[0]!.evidence as OutbreakEndEvidence).openedBy).toEqual(["DECLARED"]);
  });

  it("takes the quiet days per group from the profile", () => {
    const longer = validateProfile({
      ...DEFAULT_PROFILE,
      id: "gi-ten-days",
      outbreakEnd: { quietDays: 7, quietDaysByGroup: { GI: 10 } },
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

import { describe, expect, it } from "vitest";
import { buildCaseRegistry, casesOfSameInfection, implicitCasesOfPerson, isOngoing } from "./cases.ts";
import type { ObservationInput, RecordedCaseInput } from "./inputs.ts";
import { createLocalDayResolver, dayNumberOf, isoDayOf } from "./local-day.ts";
import { indexObservations } from "./person-days.ts";
import { BUILT_IN_PROFILES } from "./profiles.ts";
import { residents, seen, tokyo } from "./test-scenario.ts";

const resolver = createLocalDayResolver("Asia/Tokyo");
const asOfDay = dayNumberOf("2026-12-31");
const index = (observations: ObservationInput[]) =>
  indexObservations({
    people: residents(5),
    observations,
    resolver,
    asOfMs: Date.parse("2026-12-31T23:00:00+09:00"),
  });
const d = dayNumberOf;

// facility-surveillance.md §3: every new onset of a group starts an implicit case; a recorded case replaces the implicit
// case of the same person and group whose onset lies within 7 days of it. Symptom-free days do not close an implicit
// case: it ends by a recorded resolution (a recorded case that replaces it) or when a new onset starts the next one.
describe("implicit cases", () => {
  const recovering = [
    seen("r01", tokyo("2026-01-10"), ["diarrhea"]),
    seen("r01", tokyo("2026-01-11"), ["diarrhea"]),
    seen("r01", tokyo("2026-01-12")),
    seen("r01", tokyo("2026-01-13")),
    seen("r01", tokyo("2026-01-14")),
  ];

  it("stay open over recorded symptom-free days in every shipped profile (no symptom-free closing)", () => {
    const [held] = implicitCasesOfPerson(index(recovering).byPersonId.get("r01")!, "GI");
    expect(isoDayOf(held!.onsetDay)).toBe("2026-01-10");
    expect(held!.resolvedDay).toBeNull();
    expect(isOngoing(held!, d("2026-01-14"))).toBe(true);
    for (const profile of Object.values(BUILT_IN_PROFILES)) {
      expect(profile.cases.implicitResolvedAfterSymptomFreeDays).toBeNull();
    }
  });

  it("a profile file of an earlier version may still resolve them after N recorded symptom-free days", () => {
    const [held] = implicitCasesOfPerson(index(recovering).byPersonId.get("r01")!, "GI", {
      gapDays: 3,
      implicitResolvedAfterSymptomFreeDays: 3,
    });
    expect(isoDayOf(held!.onsetDay)).toBe("2026-01-10");
    expect(isoDayOf(held!.resolvedDay!)).toBe("2026-01-14");
    expect(isOngoing(held!, d("2026-01-13"))).toBe(true);
    expect(isOngoing(held!, d("2026-01-14"))).toBe(false);
  });

  it("stay open over days without a record (earlier setting of 3 days)", () => {
    const data = index([
      seen("r01", tokyo("2026-01-10"), ["vomiting"]),
      seen("r01", tokyo("2026-01-11")),
      seen("r01", tokyo("2026-01-13")),
      seen("r01", tokyo("2026-01-14")),
    ]);
    const [held] = implicitCasesOfPerson(data.byPersonId.get("r01")!, "GI", {
      gapDays: 3,
      implicitResolvedAfterSymptomFreeDays: 3,
    });
    expect(held!.resolvedDay).toBeNull();
  });

  it("never resolve when the setting is null, until a new onset replaces them", () => {
    const data = index([
      seen("r01", tokyo("2026-01-01"), ["rash"]),
      ...[2, 3, 4, 5, 6].map((n) => seen("r01", tokyo(`2026-01-0${n}`))),
      seen("r01", tokyo("2026-01-07"), ["itch"]),
    ]);
    const cases = implicitCasesOfPerson(data.byPersonId.get("r01")!, "SKIN", {
      gapDays: 3,
      implicitResolvedAfterSymptomFreeDays: null,
    });
    expect(
      cases.map((held) => [isoDayOf(held.onsetDay), held.resolvedDay && isoDayOf(held.resolvedDay)]),
    ).toEqual([
      ["2026-01-01", "2026-01-07"],
      ["2026-01-07", null],
    ]);
  });
});

describe("recorded cases and the same infection", () => {
  const observations = [
    seen("r01", tokyo("2026-01-10"), ["vomiting"]),
    seen("r02", tokyo("2026-01-10"), ["vomiting"]),
    seen("r03", tokyo("2026-01-10"), ["cough"], 38.3),
  ];
  const recorded = (personId: string, disease: string, onsetDate: string): RecordedCaseInput => ({
    personId,
    disease,
    status: "confirmed",
    onsetDate,
  });

  it("a recorded case replaces the implicit case of its group 7 days away, not 8", () => {
    const registry = buildCaseRegistry(
      index(observations),
      [recorded("r01", "norovirus", "2026-01-17"), recorded("r02", "norovirus", "2026-01-18")],
      ["GI"],
      asOfDay,
    );
    expect(registry.implicitByGroup.get("GI")!.map((held) => held.personId)).toEqual(["r02"]);
  });

  it("influenza replaces the ILI and RESP implicit cases but not the FEVER one", () => {
    const registry = buildCaseRegistry(
      index(observations),
      [recorded("r03", "influenza", "2026-01-11")],
      ["ILI", "RESP", "FEVER"],
      asOfDay,
    );
    expect(registry.implicitByGroup.get("ILI")).toEqual([]);
    expect(registry.implicitByGroup.get("RESP")).toEqual([]);
    expect(registry.implicitByGroup.get("FEVER")!.map((held) => held.personId)).toEqual(["r03"]);
  });

  it("the same infection of a group is its diseases' recorded cases plus its implicit cases", () => {
    const registry = buildCaseRegistry(
      index(observations),
      [
        recorded("r04", "norovirus", "2026-01-09"),
        recorded("r05", "ehec", "2026-01-09"),
        recorded("r05", "tuberculosis", "2026-01-02"),
      ],
      ["GI"],
      asOfDay,
    );
    const who = (cases: { personId: string; source: string }[]) =>
      cases.map((c) => `${c.personId}:${c.source}`);
    expect(who(casesOfSameInfection(registry, { group: "GI" }))).toEqual([
      "r04:recorded",
      "r05:recorded",
      "r01:implicit",
      "r02:implicit",
    ]);
    expect(who(casesOfSameInfection(registry, { disease: "norovirus" }))).toEqual([
      "r04:recorded",
      "r01:implicit",
      "r02:implicit",
    ]);
    expect(who(casesOfSameInfection(registry, { disease: "tuberculosis" }))).toEqual(["r05:recorded"]);
  });

  it("leaves out recorded cases and outcomes after the as-of day and names a bad date", () => {
    const registry = buildCaseRegistry(
      index([]),
      [
        {
          ...recorded("r01", "norovirus", "2026-01-10"),
          outcomes: [
            { kind: "hospitalised", date: "2026-01-11" },
            { kind: "death", date: "2026-01-13" },
          ],
        },
        recorded("r02", "norovirus", "2026-01-13"),
      ],
      ["GI"],
      d("2026-01-12"),
    );
    expect(registry.recorded.map((held) => held.personId)).toEqual(["r01"]);
    expect(registry.recorded[0]!.outcomes.map((outcome) => outcome.kind)).toEqual(["hospitalised"]);
    expect(() =>
      buildCaseRegistry(index([]), [recorded("r01", "norovirus", "2026-02-30")], ["GI"], asOfDay),
    ).toThrow("cases[0].onsetDate: not an ISO date (YYYY-MM-DD)");
  });
});

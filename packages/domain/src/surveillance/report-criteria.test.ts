import { describe, expect, it } from "vitest";
import type { CriterionBEvidence } from "./alerts.ts";
import { type EvaluateFacilityInput, evaluateFacility } from "./evaluate-facility.ts";
import type { ObservationInput, PersonInput, RecordedCaseInput } from "./inputs.ts";
import { addIsoDays } from "./local-day.ts";
import { findBuiltInProfile } from "./profiles.ts";
import { currentOutbreakSpan, usersThreshold } from "./report-criteria.ts";
import type { SymptomCode } from "./symptoms.ts";
import { alertLines, quietRounds, residents, scenario, seen, staff, tokyo } from "./test-scenario.ts";

// Reporting criteria of the 2005 notice, item 4 (manual p.48 and 付録1① p.69):
// ア "死亡者又は重篤患者が 1 週間以内に 2 名以上" and イ "患者又はそれらが疑われる者が 10 名以上又は全利用者の半数以上".
// ア's window [d−6, d] is the decision of facility-surveillance.md §4.1; イ counts the current outbreak nationally and
// people ill at one time in profile rolling-7d.
const cityStrict = findBuiltInProfile("city-strict")!;
const childcare = findBuiltInProfile("childcare")!;
const rolling7d = findBuiltInProfile("rolling-7d")!;

const lines = (input: EvaluateFacilityInput, code: string) =>
  alertLines(evaluateFacility(input)).filter((line) => line.includes(code));

function outcomeCase(
  personId: string,
  disease: string,
  kind: "death" | "severe" | "hospitalised",
  date: string,
) {
  return {
    personId,
    disease,
    status: "confirmed",
    onsetDate: addIsoDays(date, -2),
    outcomes: [{ kind, date }],
  } satisfies RecordedCaseInput;
}

/** GI onsets for the first `count` people on `day`, nothing recorded afterwards. */
const giOnsets = (people: readonly PersonInput[], count: number, day: string): ObservationInput[] =>
  people.slice(0, count).map((person) => seen(person.id, tokyo(day), ["diarrhea"]));

describe("REPORT_CRITERION_A (manual p.48 ア)", () => {
  const people = residents(10);
  const base = { people, asOf: "2026-01-11T20:00:00+09:00", lookbackDays: 2 };

  it("holds with 2 persons dead or seriously ill whose outcomes lie 6 days apart, and not at 7", () => {
    const cases = [
      outcomeCase("r01", "norovirus", "death", "2026-01-04"),
      outcomeCase("r02", "norovirus", "hospitalised", "2026-01-10"),
    ];
    const result = evaluateFacility(scenario({ ...base, cases }));
    const alerts = result.alerts.filter((a) => a.code === "REPORT_CRITERION_A");
    // On 2026-01-10 the window [d−6, d] = 01-04…01-10 holds both; on 01-11 the death of 01-04 is day d−7.
    expect(alerts.map((a) => a.day)).toEqual(["2026-01-10"]);
    expect(alerts[0]).toMatchObject({
      subject: { group: "GI" },
      evidence: {
        personIds: ["r01", "r02"],
        conditions: [{ count: 2, threshold: 2, window: { from: "2026-01-04", to: "2026-01-10" }, met: true }],
        source: { pages: [48, 69] },
      },
    });
  });

  it("counts persons, not outcomes: one person hospitalised then dead is 1", () => {
    const cases: RecordedCaseInput[] = [
      {
        personId: "r01",
        disease: "influenza",
        status: "confirmed",
        onsetDate: "2026-01-05",
        outcomes: [
          { kind: "hospitalised", date: "2026-01-07" },
          { kind: "death", date: "2026-01-10" },
        ],
      },
    ];
    expect(lines(scenario({ ...base, cases }), "REPORT_CRITERION_A")).toEqual([]);
  });

  it("needs the same infection: a norovirus death and an influenza death are not 2", () => {
    const cases = [
      outcomeCase("r01", "norovirus", "death", "2026-01-09"),
      outcomeCase("r02", "influenza", "death", "2026-01-10"),
    ];
    expect(lines(scenario({ ...base, cases }), "REPORT_CRITERION_A")).toEqual([]);
  });

  it("runs on a disease in no group by itself", () => {
    const cases = [
      outcomeCase("r01", "tuberculosis", "severe", "2026-01-09"),
      outcomeCase("r02", "tuberculosis", "death", "2026-01-10"),
    ];
    expect(lines(scenario({ ...base, cases }), "REPORT_CRITERION_A")).toEqual([
      "2026-01-10 REPORT_CRITERION_A tuberculosis",
      "2026-01-11 REPORT_CRITERION_A tuberculosis",
    ]);
  });

  it("city-strict: a single influenza death is reported; the national profile waits for a second person", () => {
    const cases = [outcomeCase("r01", "influenza", "death", "2026-01-11")];
    expect(lines(scenario({ ...base, cases, profile: cityStrict }), "REPORT_CRITERION_A")).toEqual([
      "2026-01-11 REPORT_CRITERION_A ILI",
    ]);
    expect(lines(scenario({ ...base, cases }), "REPORT_CRITERION_A")).toEqual([]);
    // …but not for norovirus, where city-strict keeps the national rule.
    const noro = [outcomeCase("r01", "norovirus", "death", "2026-01-11")];
    expect(lines(scenario({ ...base, cases: noro, profile: cityStrict }), "REPORT_CRITERION_A")).toEqual([]);
  });
});

describe("REPORT_CRITERION_B (manual p.48 イ)", () => {
  it("9 persons ill is not enough, 10 is (40 users, so half is 20)", () => {
    const people = residents(40);
    const asOf = "2026-01-10T20:00:00+09:00";
    expect(
      lines(scenario({ people, observations: giOnsets(people, 9, "2026-01-10"), asOf }), "CRITERION_B"),
    ).toEqual([]);
    const result = evaluateFacility(
      scenario({ people, observations: giOnsets(people, 10, "2026-01-10"), asOf }),
    );
    const alert = result.alerts.find((a) => a.code === "REPORT_CRITERION_B");
    expect(alert).toMatchObject({
      day: "2026-01-10",
      subject: { group: "GI" },
      evidence: {
        count: 10,
        threshold: 10,
        met: ["persons"],
        users: { count: 10, total: 40, threshold: 20 },
      },
    });
  });

  it("half of the users minus one is not enough, exactly half is (16 users: 7 / 8)", () => {
    const people: PersonInput[] = [
      ...residents(12),
      ...residents(4, "d").map((p) => ({ ...p, kind: "day_service" as const })),
    ];
    const asOf = "2026-01-10T20:00:00+09:00";
    expect(
      lines(scenario({ people, observations: giOnsets(people, 7, "2026-01-10"), asOf }), "CRITERION_B"),
    ).toEqual([]);
    const result = evaluateFacility(
      scenario({ people, observations: giOnsets(people, 8, "2026-01-10"), asOf }),
    );
    expect(result.alerts.find((a) => a.code === "REPORT_CRITERION_B")?.evidence).toMatchObject({
      met: ["users"],
      users: { count: 8, total: 16, fraction: 0.5, threshold: 8 },
    });
  });

  it("with an odd number of users, half means rounding up (15 users: 7 is not half, 8 is)", () => {
    expect(usersThreshold(0.5, 15)).toBe(8);
    expect(usersThreshold(0.5, 16)).toBe(8);
    expect(usersThreshold(0.2, 35)).toBe(7);
    expect(usersThreshold(0.5, 1)).toBe(1);
  });

  it("staff count towards the 10 but not towards half of the users", () => {
    const people = [...residents(30), ...staff(5)];
    const observations = [
      ...giOnsets(people.slice(0, 30), 6, "2026-01-10"),
      ...giOnsets(people.slice(30), 4, "2026-01-10"),
    ];
    const result = evaluateFacility(scenario({ people, observations, asOf: "2026-01-10T20:00:00+09:00" }));
    expect(result.alerts.find((a) => a.code === "REPORT_CRITERION_B")?.evidence).toMatchObject({
      count: 10,
      met: ["persons"],
      users: { count: 6, total: 30, threshold: 15 },
    });
  });

  it("rolling-7d counts onsets on day d−6 but not d−7 (a 7-day window)", () => {
    const people = residents(40);
    const observations = giOnsets(people, 10, "2026-01-04");
    const result = evaluateFacility(
      scenario({
        people,
        observations,
        asOf: "2026-01-11T20:00:00+09:00",
        lookbackDays: 8,
        profile: rolling7d,
      }),
    );
    const b = result.alerts.filter((a) => a.code === "REPORT_CRITERION_B");
    expect(b.map((a) => a.day)).toEqual([
      "2026-01-04",
      "2026-01-05",
      "2026-01-06",
      "2026-01-07",
      "2026-01-08",
      "2026-01-09",
      "2026-01-10",
    ]);
    expect(b[6]!.evidence).toMatchObject({
      counting: "window",
      window: { from: "2026-01-04", to: "2026-01-10" },
      windowDays: 7,
      outbreak: null,
      resolvedCasesDropOut: true,
    });
  });

  it("rolling-7d: a recorded recovery drops out, recorded symptom-free days do not", () => {
    const people = residents(40);
    const ill = people.slice(0, 10);
    const observations: ObservationInput[] = [];
    for (const person of ill) {
      observations.push(seen(person.id, tokyo("2026-01-04"), ["cough"], 38.5));
      for (const day of ["2026-01-05", "2026-01-06", "2026-01-07"])
        observations.push(seen(person.id, tokyo(day), [], 36.5));
    }
    const asOf = "2026-01-10T20:00:00+09:00";
    const days = (input: EvaluateFacilityInput) =>
      evaluateFacility(input)
        .alerts.filter((a) => a.code === "REPORT_CRITERION_B")
        .map((a) => a.day);
    const week = ["04", "05", "06", "07", "08", "09", "10"].map((d) => `2026-01-${d}`);
    // Three recorded days without symptoms (01-05…01-07) do not close the implicit ILI cases.
    expect(days(scenario({ people, observations, asOf, lookbackDays: 7, profile: rolling7d }))).toEqual(week);
    // r01's recorded recovery on 01-07 takes the count from 10 to 9 from that day.
    const recovered: RecordedCaseInput = {
      personId: "r01",
      disease: "influenza",
      status: "confirmed",
      onsetDate: "2026-01-04",
      resolvedDate: "2026-01-07",
    };
    const withRecovery = { people, observations, asOf, lookbackDays: 7, cases: [recovered] };
    expect(days(scenario({ ...withRecovery, profile: rolling7d }))).toEqual(week.slice(0, 3));
    // Nationally the recovered still count: everyone ill in the outbreak, resolved or not.
    expect(days(scenario(withRecovery))).toEqual(week);
  });

  it("a recorded suspected case counts like an implicit one, and replaces it rather than counting twice", () => {
    const people = residents(40);
    const observations = giOnsets(people, 9, "2026-01-10");
    const asOf = "2026-01-10T20:00:00+09:00";
    const sameCase: RecordedCaseInput = {
      personId: "r01",
      disease: "norovirus",
      status: "suspected",
      onsetDate: "2026-01-10",
    };
    expect(lines(scenario({ people, observations, asOf, cases: [sameCase] }), "CRITERION_B")).toEqual([]);
    const newCase: RecordedCaseInput = {
      personId: "r10",
      disease: "norovirus",
      status: "suspected",
      onsetDate: "2026-01-09",
    };
    expect(lines(scenario({ people, observations, asOf, cases: [newCase] }), "CRITERION_B")).toEqual([
      "2026-01-10 REPORT_CRITERION_B GI",
    ]);
  });

  it("childcare: one fifth of the users (20 children: 3 is not enough, 4 is)", () => {
    const people = residents(20, "c");
    const asOf = "2026-01-10T20:00:00+09:00";
    const base = { people, asOf, profile: childcare };
    expect(
      lines(scenario({ ...base, observations: giOnsets(people, 3, "2026-01-10") }), "CRITERION_B"),
    ).toEqual([]);
    expect(
      lines(scenario({ ...base, observations: giOnsets(people, 4, "2026-01-10") }), "CRITERION_B"),
    ).toEqual(["2026-01-10 REPORT_CRITERION_B GI"]);
    // The national profile needs half (10) for the same facility.
    expect(
      lines(scenario({ people, asOf, observations: giOnsets(people, 4, "2026-01-10") }), "CRITERION_B"),
    ).toEqual([]);
  });
});

// seeds/002_091590dabd09ea3f.txt (manual p.48 and 付録1① item 4, p.69): ア has a week — 「死亡者又は重篤患者が 1 週間に 2 名以上」 — and イ has none —
// 「患者又はそれらが疑われる者が 10 名以上又は全利用者の半数以上発生した場合」: what counts is how many have fallen ill in
// this outbreak.
describe("REPORT_CRITERION_B counts the current outbreak (付録1① イ 「10 名以上…発生した場合」)", () => {
  it("11 of 60 residents with GI onsets within a week, each well again after a day, raise イ on the 10th onset", () => {
    const people = residents(60);
    const onsetDays = ["2026-01-04", "2026-01-04", "2026-01-05", "2026-01-06", "2026-01-06", "2026-01-07"];
    onsetDays.push("2026-01-08", "2026-01-08", "2026-01-09", "2026-01-10", "2026-01-10");
    // Everyone is checked every day; the ill have diarrhoea on their onset day only.
    const observations = quietRounds(
      people.map((person) => person.id),
      "2025-12-20",
      22,
      "07:00",
    );
    onsetDays.forEach((day, i) => {
      observations.push(seen(people[i]!.id, tokyo(day, "10:00"), ["diarrhea"]));
    });
    const result = evaluateFacility(
      scenario({ people, observations, asOf: "2026-01-11T20:00:00+09:00", lookbackDays: 8 }),
    );
    const b = result.alerts.filter((a) => a.code === "REPORT_CRITERION_B");
    // The 10th and 11th persons fall ill on 01-10; nobody has recovered by a recorded resolution, and resolved or not,
    // everyone ill in this outbreak counts.
    expect(b.map((a) => a.day)).toEqual(["2026-01-10", "2026-01-11"]);
    expect(b[0]!.evidence).toMatchObject({ count: 11, threshold: 10, met: ["persons"] });
  });
});

// seeds/002_091590dabd09ea3f.txt: イ 「10 名以上又は全利用者の半数以上発生した場合」 (付録1①, p.69) counted over the current
// outbreak, whose end is the manual's p.56 「新しい患者が1週間出なければ、終息とみなしてもかまいません」 for GI.
describe("the current outbreak: onsets chained with no gap reaching the group's quiet period", () => {
  const people = residents(40);
  const everyoneChecked = quietRounds(
    people.map((person) => person.id),
    "2025-12-25",
    20,
    "07:00",
  );
  const bOf = (input: EvaluateFacilityInput) =>
    evaluateFacility(input).alerts.filter((a) => a.code === "REPORT_CRITERION_B");

  it("9 persons across a 10-day chained GI outbreak are not enough, 10 are (40 users); rolling-7d counts only 7", () => {
    const onsets = (count: number) =>
      people
        .slice(0, count)
        .map((person, i) => seen(person.id, tokyo(addIsoDays("2026-01-01", i), "10:00"), ["vomiting"]));
    const base = { people, asOf: "2026-01-10T20:00:00+09:00", lookbackDays: 1 };
    // Nine onsets 01-01…01-09, nobody on 01-10.
    expect(bOf(scenario({ ...base, observations: [...everyoneChecked, ...onsets(9)] }))).toEqual([]);
    const ten = [...everyoneChecked, ...onsets(10)];
    const [alert] = bOf(scenario({ ...base, observations: ten }));
    expect(alert).toMatchObject({
      day: "2026-01-10",
      evidence: {
        counting: "outbreak",
        count: 10,
        threshold: 10,
        met: ["persons"],
        window: { from: "2026-01-01", to: "2026-01-10" },
        windowDays: 10,
        outbreak: { firstOnset: "2026-01-01", lastOnset: "2026-01-10", quietDays: 7 },
        resolvedCasesDropOut: false,
      },
    });
    expect(bOf(scenario({ ...base, observations: ten, profile: rolling7d }))).toEqual([]);
  });

  it("GI: a gap of 6 days between onsets keeps one outbreak, a gap of 7 (p.56 「新しい患者が1週間出なければ」) starts another", () => {
    const two = (gapDays: number) => [
      ...giOnsets(people.slice(0, 5), 5, "2026-01-01"),
      ...giOnsets(people.slice(5), 5, addIsoDays("2026-01-01", gapDays)),
    ];
    const chained = bOf(
      scenario({ people, observations: two(6), asOf: tokyo("2026-01-07", "20:00"), lookbackDays: 1 }),
    );
    expect(chained.map((a) => `${a.day} ${(a.evidence as CriterionBEvidence).count}`)).toEqual([
      "2026-01-07 10",
    ]);
    expect(
      bOf(scenario({ people, observations: two(7), asOf: tokyo("2026-01-08", "20:00"), lookbackDays: 1 })),
    ).toEqual([]);
  });

  it("イ holds from the day the count is reached until the outbreak ends: d = L + 6 yes, L + 7 no", () => {
    const observations = giOnsets(people, 10, "2026-01-04");
    const result = evaluateFacility(
      scenario({ people, observations, asOf: "2026-01-12T20:00:00+09:00", lookbackDays: 10 }),
    );
    expect(result.alerts.filter((a) => a.code === "REPORT_CRITERION_B").map((a) => a.day)).toEqual(
      ["04", "05", "06", "07", "08", "09", "10"].map((d) => `2026-01-${d}`),
    );
  });

  it("the group's own quiet period chains: onsets 8 days apart split GI (7 days) but chain ILI (20 days)", () => {
    const spaced = (symptoms: SymptomCode[], tempC?: number) =>
      people
        .slice(0, 10)
        .map((person, i) => seen(person.id, tokyo(addIsoDays("2026-01-01", 8 * i)), symptoms, tempC));
    const asOf = tokyo(addIsoDays("2026-01-01", 72), "20:00");
    expect(bOf(scenario({ people, observations: spaced(["diarrhea"]), asOf, lookbackDays: 1 }))).toEqual([]);
    const ili = bOf(scenario({ people, observations: spaced(["cough"], 38.4), asOf, lookbackDays: 1 }));
    expect(ili.map((a) => [a.subject, (a.evidence as CriterionBEvidence).outbreak])).toEqual([
      [{ group: "ILI" }, { firstOnset: "2026-01-01", lastOnset: "2026-03-14", quietDays: 20 }],
    ]);
  });
});

describe("currentOutbreakSpan", () => {
  const at = (...days: number[]) => days.map((onsetDay) => ({ onsetDay }));
  it("goes back from the latest onset while gaps stay below the quiet period, and is over at L + Q", () => {
    expect(currentOutbreakSpan(at(1, 5, 11), 12, 7)).toEqual({
      firstOnsetDay: 1,
      lastOnsetDay: 11,
      quietDays: 7,
    });
    expect(currentOutbreakSpan(at(1, 8), 9, 7)).toEqual({ firstOnsetDay: 8, lastOnsetDay: 8, quietDays: 7 });
    expect(currentOutbreakSpan(at(1, 7), 9, 7)).toEqual({ firstOnsetDay: 1, lastOnsetDay: 7, quietDays: 7 });
    expect(currentOutbreakSpan(at(1), 7, 7)).toEqual({ firstOnsetDay: 1, lastOnsetDay: 1, quietDays: 7 });
    expect(currentOutbreakSpan(at(1), 8, 7)).toBeNull();
    expect(currentOutbreakSpan(at(5, 6), 4, 7)).toBeNull();
    expect(currentOutbreakSpan(at(), 4, 7)).toBeNull();
    // Onsets after the day are not seen.
    expect(currentOutbreakSpan(at(1, 3, 4), 3, 7)).toEqual({
      firstOnsetDay: 1,
      lastOnsetDay: 3,
      quietDays: 7,
    });
  });
});

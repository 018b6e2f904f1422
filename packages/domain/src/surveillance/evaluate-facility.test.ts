import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Alert, subjectKey } from "./alerts.ts";
import { type EvaluateFacilityInput, evaluateFacility } from "./evaluate-facility.ts";
import type { ObservationInput, PersonInput, RecordedCaseInput } from "./inputs.ts";
import { addIsoDays } from "./local-day.ts";
import { findBuiltInProfile } from "./profiles.ts";
import type { SymptomCode } from "./symptoms.ts";
import { alertLines, residents, scenario, seen, tokyo } from "./test-scenario.ts";

// The scenario of contracts/evaluate.md ("Scenario (version 1)"), as given there.
const contractScenario: EvaluateFacilityInput = {
  facility: { id: "f1", type: "elderly_care", timeZone: "Asia/Tokyo", units: [{ id: "1F" }, { id: "2F" }] },
  people: [
    { id: "r01", kind: "resident", unit: "1F", room: "101", baselineTempC: 36.2 },
    { id: "d01", kind: "day_service" },
    { id: "s01", kind: "staff", job: "care" },
  ],
  observations: [
    { personId: "r01", at: "2026-01-10T08:30:00+09:00", tempC: 38.1, symptoms: ["vomiting"] },
    { personId: "r02", at: "2026-01-10T09:00:00+09:00", symptoms: [] },
  ],
  cases: [
    {
      personId: "r03",
      disease: "norovirus",
      status: "confirmed",
      onsetDate: "2026-01-09",
      resolvedDate: null,
      outcomes: [{ kind: "hospitalised", date: "2026-01-10" }],
    },
  ],
  antibiotics: [{ personId: "r04", start: "2026-01-01", end: "2026-01-07" }],
  bathUse: [{ personId: "r05", date: "2026-01-02" }],
  asOf: "2026-01-11T09:00:00+09:00",
};

describe("evaluateFacility on the contract's scenario (contracts/evaluate.md)", () => {
  const result = evaluateFacility(contractScenario);

  it("covers the 7 days ending with the as-of day and names the default profile", () => {
    expect(result.asOf).toBe("2026-01-11T09:00:00+09:00");
    expect(result.profile).toBe("mhlw-2005");
    expect(result.days).toEqual([
      "2026-01-05",
      "2026-01-06",
      "2026-01-07",
      "2026-01-08",
      "2026-01-09",
      "2026-01-10",
      "2026-01-11",
    ]);
  });

  it("raises r01's fever (38.1 °C ≥ 38.0, manual p.33), winter vomiting and the report to the nurse", () => {
    expect(alertLines(result).filter((line) => line.includes("r01"))).toEqual([
      "2026-01-10 FEVER r01",
      "2026-01-10 NOROVIRUS_CONSIDER r01",
      "2026-01-10 REPORT_TO_NURSE r01",
    ]);
  });

  it("counts 1 of the 2 users ill with GI as half of the users (criterion B), but one hospitalisation is not criterion A", () => {
    const b = result.alerts.filter((alert) => alert.code === "REPORT_CRITERION_B");
    // r03 (ill since 01-09) is not among the listed people, so not a user: B starts with r01 on 01-10.
    expect(b.map((alert) => alert.day)).toEqual(["2026-01-10", "2026-01-11"]);
    expect(b[0]!.evidence).toMatchObject({
      personIds: ["r01", "r03"],
      met: ["users"],
      users: { count: 1, total: 2, threshold: 1 },
    });
    expect(result.alerts.some((alert) => alert.code === "REPORT_CRITERION_A")).toBe(false);
    expect(result.alerts.some((alert) => alert.code === "NORO_CLUSTER_24H")).toBe(false);
  });

  it("sorts alerts by day, code, subject, and every alert names its profile and source pages", () => {
    const keys = result.alerts.map((alert) => `${alert.day}|${alert.code}|${subjectKey(alert.subject)}`);
    expect(keys).toEqual([...keys].sort());
    for (const alert of result.alerts) {
      expect(alert.profile).toBe("mhlw-2005");
      expect(alert.evidence.source.pages.length).toBeGreaterThan(0);
    }
  });
});

describe("evaluateFacility", () => {
  it("ignores observations after the as-of instant", () => {
    const input = scenario({
      people: residents(1),
      observations: [seen("r01", tokyo("2026-01-10", "09:01"), ["cough"])],
      asOf: tokyo("2026-01-10", "09:00"),
    });
    expect(evaluateFacility(input).alerts).toEqual([]);
    expect(alertLines(evaluateFacility({ ...input, asOf: tokyo("2026-01-10", "09:01") }))).toEqual([
      "2026-01-10 REPORT_TO_NURSE r01",
    ]);
  });

  it("counts days in the facility's own zone, across a daylight-saving change", () => {
    // New York moved to EDT (−04:00) at 2026-03-08 02:00 local. 23:30 EDT on 03-08 is 03:30Z on 03-09.
    const input = scenario({
      facility: { id: "ny", timeZone: "America/New_York" },
      people: residents(4),
      observations: [
        seen("r01", "2026-03-09T03:30:00Z", ["vomiting"]),
        seen("r01", "2026-03-08T06:30:00Z", ["rash"]), // 01:30 EST on 03-08
      ],
      asOf: "2026-03-09T12:00:00-04:00",
      lookbackDays: 2,
    });
    const result = evaluateFacility(input);
    expect(result.days).toEqual(["2026-03-08", "2026-03-09"]);
    expect(alertLines(result)).toEqual([
      "2026-03-08 NOROVIRUS_CONSIDER r01",
      "2026-03-08 REPORT_TO_NURSE r01",
    ]);
    expect(result.alerts[0]!.evidence).toMatchObject({ at: "2026-03-08T23:30:00-04:00" });
    expect(result.alerts[1]!.evidence).toMatchObject({
      at: "2026-03-08T01:30:00-05:00",
      symptoms: ["vomiting", "rash"],
    });
  });

  it("names the input that is not valid", () => {
    const base = scenario({ people: residents(1), asOf: tokyo("2026-01-10") });
    expect(() => evaluateFacility({ ...base, asOf: "2026-01-10T09:00:00" })).toThrow(
      "asOf: not an ISO instant",
    );
    expect(() => evaluateFacility({ ...base, observations: [seen("r01", "noon")] })).toThrow(
      "observations[0].at",
    );
    expect(() => evaluateFacility({ ...base, bathUse: [{ personId: "r01", date: "2026-02-30" }] })).toThrow(
      "bathUse[0].date",
    );
    expect(() => evaluateFacility({ ...base, lookbackDays: 0 })).toThrow("lookbackDays");
  });

  it("accepts Date objects as a database driver returns them", () => {
    const result = evaluateFacility(
      scenario({
        people: residents(1),
        observations: [{ personId: "r01", at: new Date("2026-01-10T00:00:00Z"), symptoms: ["cough"] }],
        asOf: new Date("2026-01-10T12:00:00Z"),
        lookbackDays: 1,
      }),
    );
    expect(result.asOf).toBe("2026-01-10T21:00:00+09:00");
    expect(alertLines(result)).toEqual(["2026-01-10 REPORT_TO_NURSE r01"]);
  });
});

// Property tests: invariants that must hold for any data.
const PEOPLE: PersonInput[] = [
  ...residents(6),
  { id: "d01", kind: "day_service" },
  { id: "s01", kind: "staff", job: "care" },
];
const SYMPTOMS: SymptomCode[] = [
  "vomiting",
  "watery_stool",
  "diarrhea",
  "cough",
  "sore_throat",
  "rash",
  "itch",
  "bloody_stool",
  "abdominal_pain",
  "urine_abnormal",
];
const START = "2026-01-01";
const AS_OF = tokyo("2026-02-04", "12:00");
const time = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

const observationArb = fc
  .record({
    person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
    day: fc.integer({ min: 0, max: 34 }),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    symptoms: fc.subarray(SYMPTOMS, { maxLength: 3 }),
    tenths: fc.option(fc.integer({ min: 355, max: 400 }), { nil: undefined }),
  })
  .map(
    ({ person, day, minute, symptoms, tenths }): ObservationInput => ({
      personId: PEOPLE[person]!.id,
      at: tokyo(addIsoDays(START, day), time(minute)),
      symptoms,
      ...(tenths === undefined ? {} : { tempC: tenths / 10 }),
    }),
  );
const caseArb = fc
  .record({
    person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
    disease: fc.constantFrom("norovirus", "influenza", "tuberculosis"),
    onset: fc.integer({ min: 0, max: 34 }),
    outcome: fc.option(
      fc.record({ kind: fc.constantFrom("death", "severe", "hospitalised"), after: fc.nat(3) }),
      {
        nil: undefined,
      },
    ),
  })
  .map(
    ({ person, disease, onset, outcome }): RecordedCaseInput => ({
      personId: PEOPLE[person]!.id,
      disease,
      status: "suspected",
      onsetDate: addIsoDays(START, onset),
      outcomes: outcome ? [{ kind: outcome.kind, date: addIsoDays(START, onset + outcome.after) }] : [],
    }),
  );
const scenarioArb = fc.record({
  observations: fc.array(observationArb, { maxLength: 120 }),
  cases: fc.array(caseArb, { maxLength: 4 }),
  antibiotics: fc.array(
    fc.record({ person: fc.nat(PEOPLE.length - 1), start: fc.nat(34) }).map(({ person, start }) => ({
      personId: PEOPLE[person]!.id,
      start: addIsoDays(START, start),
      end: addIsoDays(START, start + 5),
    })),
    { maxLength: 2 },
  ),
  bathUse: fc.array(
    fc.record({ person: fc.nat(PEOPLE.length - 1), day: fc.nat(34) }).map(({ person, day }) => ({
      personId: PEOPLE[person]!.id,
      date: addIsoDays(START, day),
    })),
    { maxLength: 4 },
  ),
});
const build = (parts: Omit<EvaluateFacilityInput, "facility" | "people" | "asOf">) =>
  scenario({ people: PEOPLE, asOf: AS_OF, lookbackDays: 35, ...parts });
const keyOf = (alert: Alert) => `${alert.day}|${alert.code}|${subjectKey(alert.subject)}`;

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("evaluateFacility invariants (fast-check)", () => {
  it("alerts never depend on the order of the input", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (parts, seed) => {
        const ordered = evaluateFacility(build(parts));
        const shuffled = evaluateFacility({
          ...build({
            observations: shuffle(parts.observations, seed),
            cases: shuffle(parts.cases, seed + 1),
            antibiotics: shuffle(parts.antibiotics, seed + 2),
            bathUse: shuffle(parts.bathUse, seed + 3),
          }),
          people: shuffle(PEOPLE, seed + 4),
        });
        expect(shuffled).toEqual(ordered);
      }),
      {
        numRuns: 150,
        // Found by this property once: two overlapping antibiotic courses listed in the CDI evidence in input order.
        examples: [
          [
            {
              observations: [{ personId: "r02", at: "2026-01-02T00:00:00+09:00", symptoms: ["diarrhea"] }],
              cases: [],
              antibiotics: [
                { personId: "r02", start: "2026-01-01", end: "2026-01-06" },
                { personId: "r02", start: "2026-01-02", end: "2026-01-07" },
              ],
              bathUse: [],
            },
            8541981,
          ],
        ],
      },
    );
  });

  it("adding a 'checked, nothing new' observation never creates an alert", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(PEOPLE.length - 1),
        fc.nat(34),
        fc.integer({ min: 0, max: 11 * 60 }),
        fc.boolean(),
        (parts, person, day, minute, withTemperature) => {
          fc.pre(parts.observations.length > 0);
          const firstDay = parts.observations.map((o) => String(o.at).slice(0, 10)).sort()[0]!;
          const dayText = addIsoDays(START, day);
          fc.pre(dayText >= firstDay);
          const quiet: ObservationInput = {
            personId: PEOPLE[person]!.id,
            at: tokyo(dayText, time(minute)),
            symptoms: [],
            ...(withTemperature ? { tempC: 36.4 } : {}),
          };
          const before = new Set(evaluateFacility(build(parts)).alerts.map(keyOf));
          const after = evaluateFacility(
            build({ ...parts, observations: [...parts.observations, quiet] }),
          ).alerts.map(keyOf);
          expect(after.filter((key) => !before.has(key))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the stricter city-style profile reports whenever the national one does", () => {
    const cityStrict = findBuiltInProfile("city-strict")!;
    fc.assert(
      fc.property(scenarioArb, (parts) => {
        const reports = (alerts: Alert[]) =>
          alerts.filter((alert) => alert.code.startsWith("REPORT_CRITERION")).map(keyOf);
        const national = reports(evaluateFacility(build(parts)).alerts);
        const strict = new Set(reports(evaluateFacility({ ...build(parts), profile: cityStrict }).alerts));
        expect(national.filter((key) => !strict.has(key))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

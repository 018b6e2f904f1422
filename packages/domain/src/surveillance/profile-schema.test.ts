import { describe, expect, it } from "vitest";
import { criteriaFor, quietDaysFor, validateProfile } from "./profile-schema.ts";
import mhlw2005 from "./profiles/mhlw-2005.json" with { type: "json" };
import { BUILT_IN_PROFILE_IDS, BUILT_IN_PROFILES, DEFAULT_PROFILE, findBuiltInProfile } from "./profiles.ts";

// Profiles as data (facility-surveillance.md §4.1). Expected values: the notice of 2005 item 4 (manual p.48, p.69) for
// mhlw-2005; the 2023 revision's one fifth for childcare; §4.1's example of a stricter city rule for ILI and COVID-19.
describe("built-in rule profiles", () => {
  it("ships mhlw-2005 (default), childcare, city-strict and rolling-7d, all valid", () => {
    expect(BUILT_IN_PROFILE_IDS).toEqual(["mhlw-2005", "childcare", "city-strict", "rolling-7d"]);
    expect(Object.keys(BUILT_IN_PROFILES).sort()).toEqual([...BUILT_IN_PROFILE_IDS].sort());
    expect(DEFAULT_PROFILE.id).toBe("mhlw-2005");
  });

  it("mhlw-2005 holds the national numbers: 2 deaths or serious cases in 7 days; 10 persons or half of users in the outbreak", () => {
    const { A, B } = criteriaFor(DEFAULT_PROFILE, "GI");
    expect(A.anyOf).toEqual([
      { outcomes: ["death", "severe", "hospitalised"], minPersons: 2, windowDays: 7 },
    ]);
    // 付録1① イ 「10 名以上又は全利用者の半数以上発生した場合」: no window — the current outbreak counts.
    expect(B).toEqual({
      counting: "outbreak",
      minPersons: 10,
      usersFraction: 0.5,
      staffCountTowardsPersons: true,
    });
    expect(DEFAULT_PROFILE.noroCluster).toEqual({
      symptoms: ["vomiting", "watery_stool"],
      windowHours: 24,
      minPersons: 2,
    });
    expect(quietDaysFor(DEFAULT_PROFILE, "GI")).toBe(7);
    expect(DEFAULT_PROFILE.aboveUsual).toMatchObject({
      method: "C2",
      alpha: 0.001,
      minSigma: 0.5,
      minHistoryDays: 28,
      minOnsets: 2,
    });
  });

  it("childcare differs only in the fraction of users (0.2)", () => {
    const childcare = findBuiltInProfile("childcare")!;
    expect(childcare.criteria.default.B.usersFraction).toBe(0.2);
    expect({ ...childcare.criteria.default.B, usersFraction: 0.5 }).toEqual(
      DEFAULT_PROFILE.criteria.default.B,
    );
  });

  it("city-strict reports any ILI death or 2 serious cases in 7 days, and counts ill people as nationally", () => {
    const city = findBuiltInProfile("city-strict")!;
    const ili = criteriaFor(city, "ILI");
    expect(ili.A.anyOf[0]).toEqual({ outcomes: ["death"], minPersons: 1, windowDays: 7 });
    // Its earlier イ for ILI (onsets in 7 days, recovered still counting) counts fewer than the current outbreak does.
    expect(ili.B).toEqual(criteriaFor(DEFAULT_PROFILE, "ILI").B);
    expect(criteriaFor(city, "GI")).toEqual(criteriaFor(DEFAULT_PROFILE, "GI"));
    expect(city.description?.ja).toContain("国の基準と同じ");
  });

  it("rolling-7d counts people ill at one time: onsets in the last 7 days, recorded recoveries dropping out", () => {
    const rolling = findBuiltInProfile("rolling-7d")!;
    expect(rolling.criteria.default.B).toEqual({
      counting: "window",
      windowDays: 7,
      resolvedCasesDropOut: true,
      minPersons: 10,
      usersFraction: 0.5,
      staffCountTowardsPersons: true,
    });
    expect(rolling.criteria.default.A).toEqual(DEFAULT_PROFILE.criteria.default.A);
    expect(rolling.outbreakEnd).toEqual(DEFAULT_PROFILE.outbreakEnd);
  });

  it("childcare and city-strict say in their descriptions how ill people are counted", () => {
    for (const id of ["childcare", "city-strict"]) {
      const profile = findBuiltInProfile(id)!;
      expect(profile.description?.ja, id).toContain("治った人も");
      expect(profile.description?.en, id).toContain("recovered or not");
    }
  });

  it("a profile file may leave out the sections after criteria: they take mhlw-2005's values", () => {
    const result = validateProfile({
      schemaVersion: 1,
      id: "short",
      name: { ja: "短い", en: "Short" },
      source: "test",
      criteria: { default: mhlw2005.criteria.default },
    });
    if (!result.ok) throw new Error(result.message);
    const { id, name, source, description, ...rest } = result.profile;
    const { id: _i, name: _n, source: _s, description: _d, ...national } = DEFAULT_PROFILE;
    expect(rest).toEqual(national);
    expect(description).toBeUndefined();
  });
});

describe("validateProfile names the first bad field", () => {
  const withB = (b: Record<string, unknown>) => ({
    ...mhlw2005,
    criteria: {
      ...mhlw2005.criteria,
      default: { ...mhlw2005.criteria.default, B: { ...mhlw2005.criteria.default.B, ...b } },
    },
  });
  const message = (value: unknown) => {
    const result = validateProfile(value);
    return result.ok ? "ok" : result.message;
  };

  it("for numbers out of range and of the wrong type", () => {
    expect(message(withB({ usersFraction: 2 }))).toBe(
      "criteria.default.B.usersFraction: expected a number above 0 up to 1",
    );
    expect(message(withB({ minPersons: 0 }))).toBe(
      "criteria.default.B.minPersons: expected a whole number between 1 and 100000",
    );
    expect(message(withB({ counting: "window", windowDays: "7", resolvedCasesDropOut: true }))).toBe(
      "criteria.default.B.windowDays: expected a whole number between 1 and 366",
    );
    expect(message(withB({ counting: "rolling" }))).toBe(
      'criteria.default.B.counting: expected one of outbreak, window (got "rolling")',
    );
    expect(message(withB({ windowDays: 7 }))).toBe("criteria.default.B.windowDays: unknown field");
    expect(message(withB({ minPersons: null, usersFraction: null }))).toBe(
      "criteria.default.B.minPersons: minPersons and usersFraction cannot both be null",
    );
  });

  it("for unknown fields, enums and missing sections", () => {
    expect(message(withB({ fraction: 0.5 }))).toBe("criteria.default.B.fraction: unknown field");
    expect(message({ ...mhlw2005, noroCluster: { ...mhlw2005.noroCluster, symptoms: ["vomit"] } })).toMatch(
      /^noroCluster\.symptoms\[0\]: expected one of fever, nausea, vomiting/,
    );
    const { criteria: _c, ...noCriteria } = mhlw2005;
    expect(message(noCriteria)).toMatch(/^criteria: /);
    expect(message({ ...mhlw2005, id: "Mhlw 2005" })).toBe(
      "id: expected lower-case letters, digits and hyphens",
    );
  });

  it("for overrides on a disease that belongs to a group, or a group the rules do not run on", () => {
    const override = (key: string) => ({
      ...mhlw2005,
      criteria: { ...mhlw2005.criteria, overrides: { [key]: { A: mhlw2005.criteria.default.A } } },
    });
    expect(message(override("covid19"))).toBe(
      "criteria.overrides.covid19: covid19 belongs to group ILI; set the rule on ILI",
    );
    expect(message(override("RESP"))).toBe(
      "criteria.overrides.RESP: group RESP is not among facilityGroups (GI, ILI, SKIN)",
    );
    expect(message(override("tuberculosis"))).toBe("ok");
  });
});

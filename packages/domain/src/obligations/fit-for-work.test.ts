import { describe, expect, it } from "vitest";
import { staffWorkRestrictions } from "./fit-for-work.ts";

const entry = (date: string, symptoms: string[] = [], tempC: number | null = null) => ({
  staffId: "s1",
  date,
  tempC,
  symptoms,
});

describe("vomiting or diarrhoea — off kitchen work and resident care (manual p.56)", () => {
  const at = (asOf: string, round = [entry("2026-12-01", ["vomiting"])]) =>
    staffWorkRestrictions({ asOf, round, influenzaCases: [] });

  it("keeps a staff member off until two full days without symptoms have passed", () => {
    expect(at("2026-12-03")).toEqual([
      {
        staffId: "s1",
        reason: "gi_symptoms",
        offDuties: ["kitchen", "resident_care"],
        lastSymptomOn: "2026-12-01",
        returnOn: "2026-12-04",
      },
    ]);
    // 12-02 and 12-03 without vomiting: back on 12-04.
    expect(at("2026-12-04")).toEqual([]);
  });

  it("starts again from the last day with watery stool or diarrhoea", () => {
    const round = [entry("2026-12-01", ["vomiting"]), entry("2026-12-02", ["watery_stool"])];
    expect(at("2026-12-04", round)[0]).toMatchObject({ lastSymptomOn: "2026-12-02", returnOn: "2026-12-05" });
    expect(at("2026-12-05", round)).toEqual([]);
  });

  it("does not restrict for other symptoms, and follows the facility's number of days", () => {
    expect(at("2026-12-02", [entry("2026-12-01", ["cough"])])).toEqual([]);
    const longer = staffWorkRestrictions({
      asOf: "2026-12-04",
      round: [entry("2026-12-01", ["diarrhea"])],
      influenzaCases: [],
      rules: { giSymptomFreeDays: 3 },
    });
    expect(longer[0]?.returnOn).toBe("2026-12-05");
  });
});

describe("influenza — 発症した後5日を経過し、かつ、解熱した後2日を経過するまで (manual p.52)", () => {
  const flu = (asOf: string, round: ReturnType<typeof entry>[], onsetDate = "2026-12-01") =>
    staffWorkRestrictions({ asOf, round, influenzaCases: [{ staffId: "s1", onsetDate }] });

  it("onset + 5 days decides when the fever goes early: back on day 6", () => {
    // Fever on 12-01 (onset, day 0), normal from 12-02: resolved + 2 days = 12-04, onset + 5 days = 12-06.
    const round = [entry("2026-12-01", [], 38.6), entry("2026-12-02", [], 36.5)];
    expect(flu("2026-12-06", round)).toEqual([
      {
        staffId: "s1",
        reason: "influenza",
        offDuties: ["all_work"],
        onsetOn: "2026-12-01",
        feverResolvedOn: "2026-12-02",
        returnOn: "2026-12-07",
      },
    ]);
    expect(flu("2026-12-07", round)).toEqual([]);
  });

  it("fever resolved + 2 days decides when the fever lasts: back on the third day after it resolved", () => {
    const round = [
      entry("2026-12-01", [], 38.6),
      entry("2026-12-04", [], 38.1),
      entry("2026-12-05", [], 36.8),
    ];
    // Resolved 12-05 (day 0); 12-06, 12-07 pass; back 12-08 — later than onset + 6 = 12-07.
    expect(flu("2026-12-07", round)[0]).toMatchObject({
      feverResolvedOn: "2026-12-05",
      returnOn: "2026-12-08",
    });
    expect(flu("2026-12-08", round)).toEqual([]);
  });

  it("has no return day while no temperature without fever has been recorded after the last fever", () => {
    const round = [entry("2026-12-01", [], 38.6), entry("2026-12-02", [], 37.5)];
    // 37.5 ℃ is low-grade fever, not fever (p.33: 38℃以上): the fever is taken as gone on 12-02.
    expect(flu("2026-12-03", round)[0]).toMatchObject({ feverResolvedOn: "2026-12-02" });
    expect(flu("2026-12-20", [entry("2026-12-01", [], 38.6)])[0]).toMatchObject({
      feverResolvedOn: null,
      returnOn: null,
    });
  });

  it("follows the facility's own rule", () => {
    const round = [entry("2026-12-01", [], 38.6), entry("2026-12-02", [], 36.5)];
    const own = staffWorkRestrictions({
      asOf: "2026-12-02",
      round,
      influenzaCases: [{ staffId: "s1", onsetDate: "2026-12-01" }],
      rules: { influenzaDaysAfterOnset: 3, influenzaDaysAfterFever: 1 },
    });
    expect(own[0]?.returnOn).toBe("2026-12-05");
  });
});

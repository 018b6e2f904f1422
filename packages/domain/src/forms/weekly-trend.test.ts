import { describe, expect, it } from "vitest";
import type { ObservationInput } from "../surveillance/inputs.ts";
import { residents, seen, tokyo } from "../surveillance/test-scenario.ts";
import { FORM_COLUMN_SYMPTOMS, FORM_COLUMNS } from "./columns.ts";
import type { FormPersonInput } from "./form-index.ts";
import { weeklyTrend } from "./weekly-trend.ts";

// 付録4② 施設全体での傾向把握 (manual p.84, contracts/forms.md): new onsets per symptom column and day, the row's total,
// and 入所者数.
const facility = { id: "f1", timeZone: "Asia/Tokyo" };
const WEEK = "2027-01-04";
const trend = (observations: ObservationInput[], people: FormPersonInput[] = residents(5), asOf?: string) =>
  weeklyTrend({ facility, people, observations, weekStart: WEEK, asOf });
const row = (result: ReturnType<typeof weeklyTrend>, column: string) =>
  result.rows.find((r) => r.column === column)!;

describe("weekly trend (付録4②)", () => {
  it("has the seven days from the week start, one row per column in the form's order, and zeros when all is well", () => {
    const result = trend([]);
    expect(result.days).toEqual([
      "2027-01-04",
      "2027-01-05",
      "2027-01-06",
      "2027-01-07",
      "2027-01-08",
      "2027-01-09",
      "2027-01-10",
    ]);
    expect(result.rows.map((r) => r.column)).toEqual([...FORM_COLUMNS]);
    expect(result.rows.every((r) => r.total === 0 && r.counts.every((n) => n === 0))).toBe(true);
  });

  it("counts a column back after 3 symptom-free days as a new onset, and not after 2 (the rules engine's gap)", () => {
    const three = trend([
      seen("r01", tokyo("2027-01-01"), ["vomiting"]),
      seen("r01", tokyo("2027-01-05"), ["vomiting"]), // 02, 03, 04 free
    ]);
    expect(row(three, "vomiting").counts).toEqual([0, 1, 0, 0, 0, 0, 0]);
    const two = trend([
      seen("r01", tokyo("2027-01-02"), ["vomiting"]),
      seen("r01", tokyo("2027-01-05"), ["vomiting"]), // only 03, 04 free
    ]);
    expect(row(two, "vomiting").counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("counts each day's distinct persons, and a person twice in the total when they have two onsets in the week", () => {
    const result = trend([
      seen("r01", tokyo("2027-01-04", "07:00"), [], 38.2),
      seen("r01", tokyo("2027-01-04", "15:00"), [], 38.6), // same day: still one person
      seen("r02", tokyo("2027-01-04"), ["fever"]), // recorded fever counts as well
      seen("r01", tokyo("2027-01-09"), [], 38.1), // 05–08 without a record: absent, a new onset again
    ]);
    expect(row(result, "fever").counts).toEqual([2, 0, 0, 0, 0, 1, 0]);
    expect(row(result, "fever").total).toBe(3);
  });

  it("puts low-grade fever (微熱, 37.5 up to 38.0 °C) in no column; 38.0 °C and usual + 1.0 °C are fever", () => {
    // Manual 付録4① p.83: 「●発熱：通常 37.5°C以上をいう。38°C未満の熱は微熱。」; fever rule of facility-surveillance.md §2.
    const people: FormPersonInput[] = [
      { id: "r01", kind: "resident" },
      { id: "r02", kind: "resident" },
      { id: "r03", kind: "resident", baselineTempC: 36.2 },
    ];
    const result = trend(
      [
        seen("r01", tokyo("2027-01-04"), [], 37.9),
        seen("r02", tokyo("2027-01-04"), [], 38.0),
        seen("r03", tokyo("2027-01-04"), [], 37.2),
      ],
      people,
    );
    expect(row(result, "fever").counts[0]).toBe(2);
    expect(result.rows.filter((r) => r.column !== "fever").every((r) => r.total === 0)).toBe(true);
  });

  it("sorts each symptom into its column: nausea is vomiting, abdominal pain diarrhoea, headache other", () => {
    const result = trend([
      seen("r01", tokyo("2027-01-06"), ["nausea"]),
      seen("r02", tokyo("2027-01-06"), ["abdominal_pain"]),
      seen("r03", tokyo("2027-01-06"), ["sputum", "runny_nose"]),
      seen("r04", tokyo("2027-01-06"), ["itch", "headache"]),
    ]);
    expect(result.rows.map((r) => `${r.column}:${r.counts[2]}`)).toEqual([
      "fever:0",
      "vomiting:1",
      "diarrhea:1",
      "cough:1",
      "throat:1",
      "rash:1",
      "other:1",
    ]);
    expect(FORM_COLUMN_SYMPTOMS.other).toContain("poor_intake");
    expect(FORM_COLUMN_SYMPTOMS.other).not.toContain("abdominal_pain");
  });

  it("counts residents and short stay only; 入所者数 leaves out day service, staff and those who left", () => {
    const people: FormPersonInput[] = [
      { id: "r01", kind: "resident" },
      { id: "r02", kind: "resident", active: false },
      { id: "ss1", kind: "short_stay" },
      { id: "d01", kind: "day_service" },
      { id: "s01", kind: "staff", job: "care" },
    ];
    const result = trend(
      people.map((p) => seen(p.id, tokyo("2027-01-04"), ["cough"])),
      people,
    );
    expect(row(result, "cough").counts[0]).toBe(3);
    expect(result.residents).toBe(2);
  });

  it("cuts days at midnight in Tokyo, not in UTC", () => {
    // 2027-01-03T15:30Z is 00:30 on 1月4日 in Tokyo: the first day of the week.
    const result = trend([
      { personId: "r01", at: "2027-01-03T15:30:00Z", symptoms: ["rash"] },
      { personId: "r02", at: "2027-01-04T14:59:00Z", symptoms: ["rash"] }, // 23:59 on 1月4日
      { personId: "r03", at: "2027-01-03T14:59:00Z", symptoms: ["rash"] }, // 23:59 on 1月3日: before the week
    ]);
    expect(row(result, "rash").counts).toEqual([2, 0, 0, 0, 0, 0, 0]);
  });

  it("ignores observations after asOf", () => {
    const observations = [
      seen("r01", tokyo("2027-01-05", "08:00"), ["cough"]),
      seen("r02", tokyo("2027-01-05", "10:00"), ["cough"]),
    ];
    expect(row(trend(observations, residents(5), tokyo("2027-01-05", "09:00")), "cough").total).toBe(1);
    expect(row(trend(observations, residents(5)), "cough").total).toBe(2);
  });

  it("names the week start when it is not a date", () => {
    expect(() => weeklyTrend({ facility, people: [], observations: [], weekStart: "2027-02-30" })).toThrow(
      /weekStart/,
    );
  });
});

import { describe, expect, it } from "vitest";
import type { ObservationInput } from "../surveillance/inputs.ts";
import { SYMPTOM_BIT } from "../surveillance/symptom-mask.ts";
import { seen, tokyo } from "../surveillance/test-scenario.ts";
import type { FormCaseInput, FormPersonInput } from "./form-index.ts";
import { markOfDay, physicianReport, reportCaseNote, reportSection } from "./physician-report.ts";

// 付録4③ 医師への報告用紙 (manual p.85, contracts/forms.md): 発症者状況一覧表 with 【記号の例】●：発熱 □：嘔吐 △：下痢
// ◎：嘔吐・下痢, and the 新規発症者 集計表 by floor, 併設サービス and 職員.
const facility = { id: "f1", timeZone: "Asia/Tokyo", units: [{ id: "1F" }, { id: "2F" }] };
const people: FormPersonInput[] = [
  { id: "r03", kind: "resident", unit: "2F", room: "203" },
  { id: "r01", kind: "resident", unit: "2F", room: "201" },
  { id: "r02", kind: "resident", unit: "1F", room: "110" },
  { id: "r04", kind: "resident", unit: "1F", room: "12" },
  { id: "ss1", kind: "short_stay", unit: "1F" },
  { id: "d01", kind: "day_service" },
  { id: "s01", kind: "staff", job: "kitchen" },
  { id: "s02", kind: "staff", job: "nursing" },
  { id: "s03", kind: "staff", job: "other" },
  { id: "s04", kind: "staff", job: "care" },
];
const FROM = "2027-01-05";
const report = (
  observations: ObservationInput[],
  extra: { cases?: FormCaseInput[]; asOf?: string; days?: number } = {},
) => physicianReport({ facility, people, observations, from: FROM, ...extra });

describe("marks of a day (【記号の例】)", () => {
  it("writes ● for fever, then ◎ for vomiting with diarrhoea, □ or △ for one of them", () => {
    expect(markOfDay(SYMPTOM_BIT.fever)).toBe("●");
    expect(markOfDay(SYMPTOM_BIT.vomiting)).toBe("□");
    expect(markOfDay(SYMPTOM_BIT.nausea)).toBe("□");
    expect(markOfDay(SYMPTOM_BIT.diarrhea)).toBe("△");
    expect(markOfDay(SYMPTOM_BIT.watery_stool)).toBe("△");
    expect(markOfDay(SYMPTOM_BIT.bloody_stool)).toBe("△");
    expect(markOfDay(SYMPTOM_BIT.vomiting | SYMPTOM_BIT.watery_stool)).toBe("◎");
    expect(markOfDay(SYMPTOM_BIT.fever | SYMPTOM_BIT.nausea | SYMPTOM_BIT.diarrhea)).toBe("●◎");
    expect(markOfDay(SYMPTOM_BIT.fever | SYMPTOM_BIT.vomiting)).toBe("●□");
  });

  it("gives no mark for abdominal pain alone, cough, or a low-grade fever", () => {
    expect(markOfDay(SYMPTOM_BIT.abdominal_pain)).toBe("");
    expect(markOfDay(SYMPTOM_BIT.cough)).toBe("");
    const result = report([seen("r01", tokyo(FROM), [], 37.9), seen("r02", tokyo(FROM), ["abdominal_pain"])]);
    expect(result.lines).toEqual([]);
  });

  it("unites the readings of one day: vomiting in the morning and diarrhoea at night make ◎", () => {
    const result = report([
      seen("r01", tokyo(FROM, "07:00"), ["vomiting"]),
      seen("r01", tokyo(FROM, "22:00"), ["diarrhea"]),
    ]);
    expect(result.lines[0]!.marks).toEqual(["◎", "", "", "", "", ""]);
  });
});

describe("発症者状況一覧表 (line list)", () => {
  it("lists persons with a mark in the form's order: floors by the facility's order and rooms, then short stay, care staff, kitchen staff, other staff, day service", () => {
    const result = report(people.map((p) => seen(p.id, tokyo("2027-01-06"), ["vomiting"])));
    expect(result.lines.map((l) => `${l.section}:${l.personId}`)).toEqual([
      "resident:r04", // 1F room 12 before 110 (numbers compared as numbers)
      "resident:r02",
      "resident:r01", // 2F 201
      "resident:r03", // 2F 203
      "short_stay:ss1",
      "care_staff:s02", // nursing staff are 介護職員 on the form, by id with care staff
      "care_staff:s04",
      "kitchen_staff:s01",
      "other_staff:s03",
      "day_service:d01",
    ]);
    expect(result.lines[0]).toMatchObject({ unit: "1F", room: "12", marks: ["", "□", "", "", "", ""] });
  });

  it("leaves out people with marks only outside the days, and observations after asOf", () => {
    const observations = [
      seen("r01", tokyo("2027-01-04"), ["vomiting"]), // the day before
      seen("r02", tokyo("2027-01-11"), ["vomiting"]), // the day after the six
      seen("r03", tokyo("2027-01-07", "10:00"), [], 38.5),
    ];
    expect(report(observations).lines.map((l) => l.personId)).toEqual(["r03"]);
    expect(report(observations, { asOf: tokyo("2027-01-07", "09:59") }).lines).toEqual([]);
  });

  it("covers --days local days from the start, the default being the form's six", () => {
    expect(report([]).days).toEqual([
      "2027-01-05",
      "2027-01-06",
      "2027-01-07",
      "2027-01-08",
      "2027-01-09",
      "2027-01-10",
    ]);
    expect(report([], { days: 2 }).days).toEqual(["2027-01-05", "2027-01-06"]);
    expect(() => report([], { days: 0 })).toThrow(/days/);
    expect(() => report([], { days: 32 })).toThrow(/days/);
    expect(() => physicianReport({ facility, people, observations: [], from: "5 Jan" })).toThrow(/from/);
  });

  it("reads the day in Tokyo: 23:59 on the 4th is before the report, 00:00 on the 5th its first day", () => {
    const result = report([
      { personId: "r01", at: "2027-01-04T14:59:59Z", symptoms: ["vomiting"] },
      { personId: "r02", at: "2027-01-04T15:00:00Z", symptoms: ["vomiting"] },
    ]);
    expect(result.lines.map((l) => [l.personId, l.marks[0]])).toEqual([["r02", "□"]]);
  });

  it("takes 受診・診断日 and 備考 from the person's recorded case in the period", () => {
    const cases: FormCaseInput[] = [
      {
        personId: "r01",
        disease: "norovirus",
        status: "confirmed",
        onsetDate: "2027-01-05",
        consultationDate: "2027-01-06",
      },
      {
        personId: "r01",
        disease: "influenza",
        status: "confirmed",
        onsetDate: "2026-12-01",
        resolvedDate: "2026-12-08",
      },
      {
        personId: "r02",
        disease: "infectious_gastroenteritis",
        status: "suspected",
        onsetDate: "2027-01-06",
      },
    ];
    const result = report(
      [
        seen("r01", tokyo(FROM), ["vomiting"]),
        seen("r02", tokyo(FROM), ["diarrhea"]),
        seen("r04", tokyo(FROM), ["diarrhea"]),
      ],
      { cases },
    );
    const byId = Object.fromEntries(result.lines.map((l) => [l.personId, l]));
    expect(byId.r01).toMatchObject({ consultationDate: "2027-01-06", remarks: "ノロウイルス感染症（確定）" });
    expect(byId.r02).toMatchObject({ consultationDate: null, remarks: "感染性胃腸炎（疑い）" });
    expect(byId.r04).toMatchObject({ consultationDate: null, remarks: "" });
  });
});

describe("reportCaseNote", () => {
  it("joins several cases, keeps the latest date, names unknown diseases by their code and adds the case's remarks", () => {
    expect(
      reportCaseNote(
        [
          {
            personId: "p",
            disease: "tuberculosis",
            status: "suspected",
            onsetDate: "2027-01-02",
            consultationDate: "2027-01-03",
          },
          {
            personId: "p",
            disease: "norovirus",
            status: "confirmed",
            onsetDate: "2027-01-06",
            consultationDate: "2027-01-07",
            remarks: "便検査陽性",
          },
        ],
        "2027-01-05",
        "2027-01-10",
      ),
    ).toEqual({
      consultationDate: "2027-01-07",
      remarks: "tuberculosis（疑い）、ノロウイルス感染症（確定） 便検査陽性",
    });
  });

  it("leaves out a case that starts after the last day or ended before the first", () => {
    const note = (c: Partial<FormCaseInput>) =>
      reportCaseNote(
        [{ personId: "p", disease: "norovirus", status: "confirmed", onsetDate: "2027-01-05", ...c }],
        "2027-01-05",
        "2027-01-10",
      ).remarks;
    expect(note({ onsetDate: "2027-01-10" })).not.toBe("");
    expect(note({ onsetDate: "2027-01-11" })).toBe("");
    expect(note({ onsetDate: "2027-01-01", resolvedDate: "2027-01-05" })).not.toBe("");
    expect(note({ onsetDate: "2027-01-01", resolvedDate: "2027-01-04" })).toBe("");
  });
});

describe("reportSection", () => {
  it("puts staff by their job", () => {
    expect(reportSection({ kind: "staff", job: "care" })).toBe("care_staff");
    expect(reportSection({ kind: "staff", job: "kitchen" })).toBe("kitchen_staff");
    expect(reportSection({ kind: "staff", job: null })).toBe("other_staff");
    expect(reportSection({ kind: "day_service" })).toBe("day_service");
  });
});

describe("新規発症者 集計表 (tally)", () => {
  it("has a row per floor in the facility's order, then 併設サービス and 職員, each with its total", () => {
    const result = report([
      seen("r02", tokyo("2027-01-05"), ["vomiting"]),
      seen("ss1", tokyo("2027-01-05"), [], 38.3), // short stay counts on its floor
      seen("r01", tokyo("2027-01-06"), ["diarrhea"]),
      seen("d01", tokyo("2027-01-07"), ["vomiting", "diarrhea"]),
      seen("s01", tokyo("2027-01-08"), ["fever"]),
      seen("s02", tokyo("2027-01-08"), ["nausea"]),
    ]);
    expect(result.tally).toEqual([
      { row: "unit:1F", counts: [2, 0, 0, 0, 0, 0], total: 2 },
      { row: "unit:2F", counts: [0, 1, 0, 0, 0, 0], total: 1 },
      { row: "co_located", counts: [0, 0, 1, 0, 0, 0], total: 1 },
      { row: "staff", counts: [0, 0, 0, 2, 0, 0], total: 2 },
    ]);
  });

  it("counts a person again after 3 days without a mark, not after 2; marks before the report count", () => {
    const three = report([
      seen("r01", tokyo("2027-01-01"), ["vomiting"]),
      seen("r01", tokyo("2027-01-05"), ["diarrhea"]), // 02–04 without a mark
    ]);
    expect(three.tally[1]!.counts).toEqual([1, 0, 0, 0, 0, 0]);
    const two = report([
      seen("r01", tokyo("2027-01-02"), ["vomiting"]),
      seen("r01", tokyo("2027-01-03"), ["cough"]), // no mark
      seen("r01", tokyo("2027-01-05"), ["diarrhea"]), // only 03, 04 without a mark
      seen("r01", tokyo("2027-01-06"), ["diarrhea"]),
    ]);
    expect(two.tally[1]!.counts).toEqual([0, 0, 0, 0, 0, 0]);
    expect(two.lines[0]!.marks).toEqual(["△", "△", "", "", "", ""]);
  });

  it("does not let a low-grade fever or abdominal pain start a new onset", () => {
    const result = report([
      seen("r01", tokyo("2027-01-05"), ["abdominal_pain"], 37.7),
      seen("r01", tokyo("2027-01-06"), ["vomiting"]),
    ]);
    expect(result.tally[1]!.counts).toEqual([0, 1, 0, 0, 0, 0]);
  });
});

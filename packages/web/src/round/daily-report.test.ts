import { RECORDABLE_SYMPTOMS } from "@mamori/domain/surveillance";
import { describe, expect, it } from "vitest";
import type { RoundPerson } from "../api/types.ts";
import { columnOf, reportLines } from "./daily-report.ts";
import { buildRow } from "./round-state.ts";

const person = (extra: Partial<RoundPerson>): RoundPerson => ({
  id: "p1",
  name: "山田 花子",
  kind: "resident",
  room: "101",
  baselineTempC: 36.2,
  observations: [],
  ...extra,
});

describe("健康調査日報 lines (付録4①)", () => {
  it("puts each symptom in the form's column: 嘔吐(吐き気), 下痢・腹痛, 咳, 咽頭痛 鼻水, 発疹, その他", () => {
    expect(columnOf("nausea")).toBe("vomiting");
    expect(columnOf("watery_stool")).toBe("diarrhea");
    expect(columnOf("abdominal_pain")).toBe("diarrhea");
    expect(columnOf("sputum")).toBe("cough");
    expect(columnOf("runny_nose")).toBe("throat");
    expect(columnOf("itch")).toBe("rash");
    expect(columnOf("poor_intake")).toBe("other");
    expect(columnOf("other")).toBe("other");
    // every recordable symptom lands somewhere
    expect(RECORDABLE_SYMPTOMS.every((c) => typeof columnOf(c) === "string")).toBe(true);
  });

  it("writes the highest temperature, the Japanese names and the notes", () => {
    const row = buildRow(
      person({
        observations: [
          {
            id: "o1",
            personId: "p1",
            at: "2026-11-23T07:00:00+09:00",
            day: "2026-11-23",
            tempC: 38.4,
            symptoms: ["vomiting", "poor_intake"],
            note: "朝食を半分残す",
            temperatureClass: "fever",
            version: 1,
            recordedBy: "demo-care",
          },
        ],
      }),
      [],
    );
    const [line] = reportLines([row]);
    expect(line).toMatchObject({
      room: "101",
      temperature: "38.4",
      temperatureClass: "fever",
      status: "finding",
      notes: ["朝食を半分残す"],
    });
    expect(line!.cells.vomiting).toEqual(["嘔吐"]);
    expect(line!.cells.other).toEqual(["摂食不良"]);
    expect(line!.cells.cough).toEqual([]);
  });

  it("leaves the temperature blank for someone not checked", () => {
    const [line] = reportLines([buildRow(person({}), [])]);
    expect(line).toMatchObject({ temperature: "", status: "unchecked" });
  });
});

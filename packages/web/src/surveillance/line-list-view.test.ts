import { describe, expect, it } from "vitest";
import type { LineListEntry } from "../api/surveillance-types.ts";
import { dayMarks, groupLineList, lineListByFloor } from "./line-list-view.ts";

// 付録4③ (seed 002, p.85): 【記号の例】●：発熱 □：嘔吐 △：下痢 ◎：嘔吐・下痢
describe("dayMarks", () => {
  it("writes the marks of the physician report", () => {
    expect(dayMarks({ recorded: true, symptoms: ["fever"] })).toEqual(["●"]);
    expect(dayMarks({ recorded: true, symptoms: ["vomiting"] })).toEqual(["□"]);
    expect(dayMarks({ recorded: true, symptoms: ["diarrhea"] })).toEqual(["△"]);
    expect(dayMarks({ recorded: true, symptoms: ["watery_stool"] })).toEqual(["△"]);
    expect(dayMarks({ recorded: true, symptoms: ["vomiting", "watery_stool"] })).toEqual(["◎"]);
    expect(dayMarks({ recorded: true, symptoms: ["fever", "vomiting", "diarrhea"] })).toEqual(["●", "◎"]);
  });

  it("tells another symptom, a day without symptoms and a day without a record apart", () => {
    expect(dayMarks({ recorded: true, symptoms: ["cough"] })).toEqual(["○"]);
    expect(dayMarks({ recorded: true, symptoms: [] })).toEqual(["・"]);
    expect(dayMarks({ recorded: false, symptoms: [] })).toEqual(["－"]);
  });
});

const entry = (
  key: string,
  group: "GI" | "SKIN" | null,
  unit: string | null,
  resolved = false,
): LineListEntry => ({
  key,
  caseId: null,
  version: null,
  source: "implicit",
  person: { id: key, name: key, kind: "resident", job: null },
  unit: unit ? { id: unit, name: unit.toUpperCase(), floor: unit } : null,
  room: null,
  subject: group ? { group } : { disease: "tuberculosis" },
  disease: null,
  status: "suspected",
  onsetDate: "2026-01-18",
  onsetAt: null,
  lastSymptomDate: null,
  resolvedDate: resolved ? "2026-01-19" : null,
  diagnosedDate: null,
  notifiedDate: null,
  notification: null,
  remarks: null,
  outcomes: [],
  days: [],
  symptomFreeDays: 0,
  closeOffer: null,
});

describe("groupLineList", () => {
  it("groups by kind of symptoms, then floor in the facility's order, people without a floor last", () => {
    const sections = groupLineList(
      [
        entry("a", "SKIN", "u1"),
        entry("b", null, "u1"),
        entry("c", "GI", null),
        entry("d", "GI", "u2"),
        entry("e", "GI", "u1", true),
      ],
      ["u1", "u2"],
    );
    expect(sections.map((s) => [s.key, s.open, s.floors.map((f) => f.unitId)])).toEqual([
      ["GI", 2, ["u1", "u2", null]],
      ["SKIN", 1, ["u1"]],
      ["tuberculosis", 1, ["u1"]],
    ]);
  });

  it("orders a floor's rows by room, numbers as numbers", () => {
    const room = (key: string, name: string) => ({ ...entry(key, "GI", "u1"), room: { id: key, name } });
    const [section] = groupLineList(
      [room("a", "1001号室"), room("b", "205号室"), room("c", "201号室")],
      ["u1"],
    );
    expect(section!.floors[0]!.entries.map((e) => e.room?.name)).toEqual(["201号室", "205号室", "1001号室"]);
  });
});

describe("lineListByFloor", () => {
  it("lists each floor once in the facility's order with its open cases, people without a floor last", () => {
    const floors = lineListByFloor(
      [
        entry("a", "SKIN", "u2"),
        entry("b", "GI", null),
        entry("c", "GI", "u1"),
        entry("d", "GI", "u2", true),
      ],
      ["u1", "u2"],
    );
    expect(floors.map((f) => [f.unitId, f.open, f.entries.map((e) => e.key)])).toEqual([
      ["u1", 1, ["c"]],
      ["u2", 1, ["d", "a"]],
      [null, 1, ["b"]],
    ]);
  });

  it("orders a floor by room, numbers as numbers, then by kind of symptoms", () => {
    const room = (key: string, group: "GI" | "SKIN", name: string) => ({
      ...entry(key, group, "u1"),
      room: { id: key, name },
    });
    const [floor] = lineListByFloor(
      [room("a", "SKIN", "1001号室"), room("b", "SKIN", "201号室"), room("c", "GI", "201号室")],
      ["u1"],
    );
    expect(floor!.entries.map((e) => e.key)).toEqual(["c", "b", "a"]);
  });
});

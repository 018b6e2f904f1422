import { describe, expect, it } from "vitest";
import type { Person } from "../../api/types.ts";
import { FIXTURE_PEOPLE } from "../../test/alerts-fixture.ts";
import { bathChanges, bathGroups } from "./bath-sheet.ts";

const UNITS = [
  { id: "unit-1", name: "1階", floor: "1F", rooms: [] },
  { id: "unit-2", name: "2階", floor: "2F", rooms: [] },
];

describe("bath sheet", () => {
  it("sends only what changed: new ticks are added, removed ticks taken off", () => {
    expect(bathChanges(new Set(["a", "b"]), new Set(["b", "c"]))).toEqual({ add: ["c"], remove: ["a"] });
    expect(bathChanges(new Set(["a"]), new Set(["a"]))).toEqual({ add: [], remove: [] });
  });

  it("lists active users by unit in room order; staff and people who left only when already recorded", () => {
    const left: Person = { ...FIXTURE_PEOPLE[0]!, id: "gone", name: "退所 太郎", active: false };
    const people = [...FIXTURE_PEOPLE, left];
    const groups = bathGroups(people, UNITS, new Set());
    expect(groups.map((g) => g.unitId)).toEqual(["unit-1", "unit-2"]);
    expect(groups[0]!.people.map((p) => p.id)).toEqual(["p01", "p02", "p03", "p04", "p05", "p06"]);
    expect(groups.flatMap((g) => g.people).some((p) => p.kind === "staff" || p.id === "gone")).toBe(false);

    const recorded = bathGroups(people, UNITS, new Set(["s01", "gone"]));
    expect(recorded[0]!.people.map((p) => p.id)).toContain("s01");
    expect(recorded[0]!.people.map((p) => p.id)).toContain("gone");
  });

  it("puts people of no unit, or of a unit no longer there, last", () => {
    const nowhere: Person = { ...FIXTURE_PEOPLE[0]!, id: "x", unitId: "unit-gone" };
    const groups = bathGroups([nowhere, FIXTURE_PEOPLE[6]!], UNITS, new Set());
    expect(groups.map((g) => [g.unitId, g.people.map((p) => p.id)])).toEqual([
      ["unit-2", ["p07"]],
      [null, ["x"]],
    ]);
  });
});

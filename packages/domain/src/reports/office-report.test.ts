import { describe, expect, it } from "vitest";
import { changedFields, type OfficeReportInput, officeReport } from "./office-report.ts";

const base: OfficeReportInput = {
  facility: { name: "さくらの里", type: "elderly_care", users: 40, staff: 15 },
  group: "GI",
  criterion: "B",
  asOfDay: "2026-11-30",
  fromDay: "2026-11-27",
  units: [
    { id: "u1", name: "1階" },
    { id: "u2", name: "2階" },
  ],
  people: [
    { id: "r1", role: "user", unitId: "u1" },
    { id: "r2", role: "user", unitId: "u2" },
    { id: "r3", role: "user", unitId: "u2" },
    { id: "s1", role: "staff", unitId: null },
  ],
  cases: [
    {
      personId: "r2",
      onsetDate: "2026-11-27",
      resolvedDate: "2026-11-29",
      disease: null,
      status: null,
      outcomes: [],
    },
    {
      personId: "r3",
      onsetDate: "2026-11-28",
      resolvedDate: null,
      disease: "norovirus",
      status: "confirmed",
      outcomes: [{ kind: "hospitalised", date: "2026-11-29" }],
    },
    {
      personId: "s1",
      onsetDate: "2026-11-30",
      resolvedDate: null,
      disease: null,
      status: null,
      outcomes: [],
    },
    {
      personId: "r1",
      onsetDate: "2026-11-30",
      resolvedDate: null,
      disease: null,
      status: null,
      outcomes: [],
    },
    // Before the outbreak's first counted day: not in this report.
    {
      personId: "r1",
      onsetDate: "2026-11-20",
      resolvedDate: "2026-11-21",
      disease: null,
      status: null,
      outcomes: [],
    },
  ],
  symptoms: [
    { personId: "r2", symptoms: ["vomiting"] },
    { personId: "r3", symptoms: ["vomiting", "watery_stool"] },
    { personId: "r9", symptoms: ["cough"] },
  ],
  measures: [{ day: "2026-11-28", text: "面会制限" }],
};

describe("officeReport (付録1① item 4: 人数、症状、対応状況等)", () => {
  it("counts users and staff, new on the report's day and cumulative, by floor", () => {
    const r = officeReport(base);
    expect(r.persons).toEqual({
      users: { new: 1, cumulative: 3 },
      staff: { new: 1, cumulative: 1 },
      total: { new: 2, cumulative: 4 },
    });
    expect(r.byFloor.map((f) => [f.name, f.users.cumulative, f.staff.cumulative])).toEqual([
      ["1階", 1, 0],
      ["2階", 2, 0],
      [null, 0, 1],
    ]);
    expect(r.firstOnset).toBe("2026-11-27");
    expect(r.hospitalised).toBe(1);
    expect(r.deaths).toBe(0);
    expect(r.diagnoses).toEqual([{ disease: "norovirus", persons: 1 }]);
    // Symptoms of persons not in the outbreak are not counted.
    expect(r.symptoms).toEqual([
      { code: "vomiting", persons: 2 },
      { code: "watery_stool", persons: 1 },
    ]);
    expect(r.measures).toEqual([{ day: "2026-11-28", text: "面会制限" }]);
  });

  it("keeps the day-by-day progress table (経過記録表) from the first counted day", () => {
    const r = officeReport(base);
    expect(r.progress).toEqual([
      { day: "2026-11-27", newUsers: 1, newStaff: 0, cumulative: 1, ill: 1, hospitalised: 0, deaths: 0 },
      { day: "2026-11-28", newUsers: 1, newStaff: 0, cumulative: 2, ill: 2, hospitalised: 0, deaths: 0 },
      // r2 resolved on the 29th.
      { day: "2026-11-29", newUsers: 0, newStaff: 0, cumulative: 2, ill: 1, hospitalised: 1, deaths: 0 },
      { day: "2026-11-30", newUsers: 1, newStaff: 1, cumulative: 4, ill: 3, hospitalised: 1, deaths: 0 },
    ]);
  });

  it("counts onsets after the report's day in no column", () => {
    const r = officeReport({ ...base, asOfDay: "2026-11-29" });
    expect(r.persons.total).toEqual({ new: 0, cumulative: 2 });
    expect(r.progress).toHaveLength(3);
  });
});

describe("changedFields", () => {
  it("names the changed leaves", () => {
    expect(changedFields({ a: 1, c: { d: "x", e: [1] } }, { a: 1, c: { d: "y", e: [1, 2] } })).toEqual([
      "c.d",
      "c.e",
    ]);
    expect(changedFields({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

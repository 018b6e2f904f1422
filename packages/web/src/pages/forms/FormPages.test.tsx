import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PhysicianReportForm, WeeklyTrendForm } from "../../api/forms.ts";
import { fakeApi, renderSignedIn, TEST_FACILITY } from "../../test/render.tsx";
import { PhysicianReportPage } from "./PhysicianReportPage.tsx";
import { WeeklyTrendPage } from "./WeeklyTrendPage.tsx";

const days = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${first}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });

const weekly = (weekStart: string): WeeklyTrendForm => ({
  facility: { name: TEST_FACILITY.name, timeZone: "Asia/Tokyo" },
  asOf: "2027-01-11T00:00:00Z",
  weekStart,
  days: days(weekStart, 7),
  residents: 22,
  rows: ["fever", "vomiting", "diarrhea", "cough", "throat", "rash", "other"].map((column, i) => ({
    column: column as WeeklyTrendForm["rows"][number]["column"],
    counts: [i, 0, 0, 0, 0, 0, 1],
    total: i + 1,
  })),
});

describe("WeeklyTrendPage (付録4②)", () => {
  it("shows the week asked for with 入所者数 and each row's total, and moves by a week", async () => {
    const call = vi.fn(async (_facilityId: string, weekStart: string) => weekly(weekStart));
    const api = fakeApi({ forms: { weekly: call, physicianReport: vi.fn() } });
    renderSignedIn(<WeeklyTrendPage />, api, "/forms/weekly?week=2027-01-04");
    const sheet = await screen.findByTestId("weekly-sheet");
    expect(call).toHaveBeenCalledWith(TEST_FACILITY.id, "2027-01-04");
    expect(within(sheet).getByTestId("form-period").textContent).toContain("2027年1月4日(月)〜1月10日(日)");
    expect(within(sheet).getByTestId("weekly-residents").textContent).toContain("入所者数：22人");
    expect(within(sheet).getByText("1/4")).toBeTruthy();
    expect(within(sheet).getAllByText("(月)").length).toBeGreaterThan(0);
    expect(within(sheet).getByTestId("weekly-total-vomiting").textContent).toContain("2");
    expect(within(sheet).getByTestId("form-facility").textContent).toContain(TEST_FACILITY.name);
    await userEvent.click(screen.getByTestId("week-next"));
    expect(call).toHaveBeenLastCalledWith(TEST_FACILITY.id, "2027-01-11");
  });
});

const report: PhysicianReportForm = {
  facility: { name: TEST_FACILITY.name, timeZone: "Asia/Tokyo" },
  asOf: "2027-01-11T00:00:00Z",
  days: days("2027-01-05", 6),
  lines: [
    {
      personId: "p1",
      name: "山田 花子",
      section: "resident",
      unitId: "u2",
      unitName: "2階",
      room: "203",
      marks: ["", "●◎", "□", "", "", ""],
      consultationDate: "2027-01-06",
      remarks: "ノロウイルス感染症（確定）",
    },
    {
      personId: "p2",
      name: "佐藤 一郎",
      section: "kitchen_staff",
      unitId: null,
      unitName: null,
      room: null,
      marks: ["△", "", "", "", "", ""],
      consultationDate: null,
      remarks: "",
    },
  ],
  tally: [
    { row: "unit:u1", kind: "unit", unitName: "1階", counts: [0, 0, 0, 0, 0, 0], total: 0 },
    { row: "unit:u2", kind: "unit", unitName: "2階", counts: [0, 1, 0, 0, 0, 0], total: 1 },
    { row: "co_located", kind: "co_located", unitName: null, counts: [0, 0, 0, 0, 0, 0], total: 0 },
    { row: "staff", kind: "staff", unitName: null, counts: [1, 0, 0, 0, 0, 0], total: 1 },
  ],
};

describe("PhysicianReportPage (付録4③)", () => {
  it("lists 所属, names, marks, 受診・診断日 and 備考, the legend and the tally by floor, 併設サービス and 職員", async () => {
    const call = vi.fn(async () => report);
    const api = fakeApi({ forms: { weekly: vi.fn(), physicianReport: call } });
    renderSignedIn(<PhysicianReportPage />, api, "/forms/physician-report?from=2027-01-05&days=6");
    const sheet = await screen.findByTestId("physician-sheet");
    expect(call).toHaveBeenCalledWith(TEST_FACILITY.id, "2027-01-05", 6);
    const first = within(sheet).getByTestId("physician-line-p1");
    expect(first.textContent).toContain("2階 203号室");
    expect(first.textContent).toContain("●◎");
    expect(first.textContent).toContain("1/6(水)");
    expect(first.textContent).toContain("ノロウイルス感染症（確定）");
    expect(within(sheet).getByTestId("physician-line-p2").textContent).toContain("調理従事者");
    expect(within(sheet).getByText(/【記号の例】●：発熱/)).toBeTruthy();
    expect(within(sheet).getByTestId("tally-2階").textContent).toContain("1人");
    expect(within(sheet).getByTestId("tally-co_located").textContent).toContain("併設サービス");
    expect(within(sheet).getByTestId("tally-staff").textContent).toContain("職員");
  });

  it("asks for another number of days", async () => {
    const call = vi.fn(async (_id: string, from: string, n: number) => ({
      ...report,
      days: days(from, n),
      lines: [],
    }));
    const api = fakeApi({ forms: { weekly: vi.fn(), physicianReport: call } });
    renderSignedIn(<PhysicianReportPage />, api, "/forms/physician-report?from=2027-01-05&days=6");
    await screen.findByTestId("physician-sheet");
    await userEvent.selectOptions(screen.getByTestId("days-select"), "7");
    expect(call).toHaveBeenLastCalledWith(TEST_FACILITY.id, "2027-01-05", 7);
    expect(await screen.findByText("この期間に症状のある人はいません。")).toBeTruthy();
  });
});

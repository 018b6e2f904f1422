import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { japaneseDay, type ReportForWorkbook, reportWorkbook } from "./workbook.ts";

const report: ReportForWorkbook = {
  kind: "follow_up",
  criterion: "B",
  group: "GI",
  submittedAt: "2026-12-02T01:00:00.000Z",
  content: {
    facility: { name: "さくらの里", type: "elderly_care", users: 40, staff: 15 },
    asOfDay: "2026-12-02",
    firstOnset: "2026-11-30",
    persons: {
      users: { new: 2, cumulative: 11 },
      staff: { new: 0, cumulative: 1 },
      total: { new: 2, cumulative: 12 },
    },
    byFloor: [{ name: "2階", users: { new: 2, cumulative: 11 }, staff: { new: 0, cumulative: 1 } }],
    symptoms: [{ code: "vomiting", persons: 9 }],
    hospitalised: 1,
    deaths: 0,
    diagnoses: [{ disease: "norovirus", persons: 2 }],
    progress: [
      { day: "2026-11-30", newUsers: 4, newStaff: 1, cumulative: 5, ill: 5, hospitalised: 0, deaths: 0 },
      { day: "2026-12-01", newUsers: 5, newStaff: 0, cumulative: 10, ill: 9, hospitalised: 1, deaths: 0 },
      { day: "2026-12-02", newUsers: 2, newStaff: 0, cumulative: 12, ill: 10, hospitalised: 1, deaths: 0 },
    ],
    contact: { name: "施設長", phone: "03-0000-0000" },
    specimens: { kept: false, kinds: [], note: "" },
    tests: "",
    measures: [{ day: "2026-12-01", text: "面会制限" }],
    remarks: "",
  },
};

describe("the report workbook", () => {
  it("fills a municipality's own template, laid out differently, by its defined names — no code for a new form", async () => {
    // A form of another layout: a different sheet name, cells elsewhere, and only some of the names.
    const own = new ExcelJS.Workbook();
    const ws = own.addWorksheet("様式第1号");
    ws.getCell("D4").value = "施設名";
    own.definedNames.add("'様式第1号'!$E$4", "facility_name");
    own.definedNames.add("'様式第1号'!$E$9", "total_cumulative");
    own.definedNames.add("'様式第1号'!$E$10", "hospitalised");
    own.definedNames.add("'様式第1号'!$B$20", "progress_day");
    own.definedNames.add("'様式第1号'!$C$20", "progress_cumulative");
    const template = Buffer.from(await own.xlsx.writeBuffer());

    const filled = new ExcelJS.Workbook();
    await filled.xlsx.load((await reportWorkbook(report, template)) as unknown as ArrayBuffer);
    const sheet = filled.getWorksheet("様式第1号")!;
    expect(sheet.getCell("D4").value).toBe("施設名");
    expect(sheet.getCell("E4").value).toBe("さくらの里");
    expect(sheet.getCell("E9").value).toBe(12);
    expect(sheet.getCell("E10").value).toBe(1);
    expect([20, 21, 22].map((r) => sheet.getCell(`B${r}`).value)).toEqual([
      "11月30日(月)",
      "12月1日(火)",
      "12月2日(水)",
    ]);
    expect([20, 21, 22].map((r) => sheet.getCell(`C${r}`).value)).toEqual([5, 10, 12]);
    expect(sheet.getCell("C23").value).toBeNull();
  });

  it("writes days as people here write them", () => {
    expect(japaneseDay("2026-12-02")).toBe("12月2日(水)");
    expect(japaneseDay("2027-01-01")).toBe("1月1日(金)");
  });
});

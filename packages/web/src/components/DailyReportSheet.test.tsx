import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RoundPerson } from "../api/types.ts";
import { setLang } from "../i18n/index.ts";
import { reportLines } from "../round/daily-report.ts";
import { buildRow } from "../round/round-state.ts";
import { renderWithI18n } from "../test/render.tsx";
import { DailyReportSheet } from "./DailyReportSheet.tsx";

const person = (id: string, extra: Partial<RoundPerson> = {}): RoundPerson => ({
  id,
  name: `氏名 ${id}`,
  kind: "resident",
  room: "201号室",
  baselineTempC: 36.2,
  observations: [],
  ...extra,
});

function sheet() {
  const rows = [
    buildRow(
      person("a", {
        observations: [
          {
            id: "o1",
            personId: "a",
            at: "2026-11-23T07:00:00+09:00",
            day: "2026-11-23",
            tempC: 37.6,
            symptoms: [],
            note: null,
            temperatureClass: "low_grade_fever",
            version: 1,
            recordedBy: "介護 花子",
          },
        ],
      }),
      [],
    ),
    buildRow(person("b"), []),
  ];
  return renderWithI18n(
    <DailyReportSheet
      facilityName="特別養護老人ホーム さくらの里"
      unitName="2階 もみじユニット"
      day="2026-11-23"
      lines={reportLines(rows)}
      timeZone="Asia/Tokyo"
      printedAt="2026-11-23T09:00:00+09:00"
    />,
  );
}

describe("DailyReportSheet (付録4① 健康調査日報)", () => {
  it("quotes the form's own note word for word", () => {
    sheet();
    const note = screen.getByTestId("report-form-note").textContent ?? "";
    // The manual, 付録4① (p.83): "●発熱：通常 37.5°C以上をいう。38°C未満の熱は微熱。日本人の腋窓温の平均値は 36.89°Cである。"
    // The seed's text layer reads 腋窓温 for 腋窩温 (axillary temperature, 腋窩 = armpit); the sheet prints the word meant.
    expect(note).toContain(
      "●発熱：通常37.5°C以上をいう。38°C未満の熱は微熱。日本人の腋窩温の平均値は36.89°Cである。",
    );
    expect(note).toContain("●嘔吐・下痢・腹痛：感染性食中毒や消化管感染症で認める。");
  });

  it("states the facility's fever rule beside the note, in terms of the note (no contradiction)", () => {
    sheet();
    const rule = screen.getByTestId("report-rule").textContent ?? "";
    // Manual p.33–34: おおむね38℃以上の発熱もしくは平熱より1℃以上の体温上昇を発熱ととらえます.
    expect(rule).toContain("38.0℃以上、または平熱より1.0℃以上高いときを「発熱」");
    expect(rule).toContain("37.5〜37.9℃を「微熱」");
    // The form calls 37.5 °C and above 発熱 "通常" and below 38 °C 微熱: the rule says how its two marks sit in that.
    expect(rule).toContain("「通常37.5°C以上」の熱にあたり");
    expect(rule).toContain("「微熱」は注の「38°C未満の熱」");
    // The marks on the lines follow the rule: 37.6 °C is 微熱.
    expect(screen.getByTestId("report-row-a").textContent).toContain("37.6微熱");
  });

  it("puts title, date and unit in the table's head, so a printer repeats them on every page", () => {
    sheet();
    const head = screen.getByTestId("report-head");
    expect(head.closest("thead")).not.toBeNull();
    expect(head.textContent).toMatch(/健\s*康\s*調\s*査\s*日\s*報/);
    expect(within(head).getByTestId("report-date").textContent).toBe("2026年11月23日(月)");
    expect(within(head).getByTestId("report-unit").textContent).toContain("2階 もみじユニット");
  });

  it("keeps the 確認印 column empty for the stamp, even for someone checked with nothing new", () => {
    sheet();
    expect(screen.getByTestId("report-stamp-head").textContent).toBe("確認印");
    const stamps = screen.getAllByTestId("report-stamp");
    expect(stamps).toHaveLength(2);
    for (const cell of stamps) expect(cell.textContent).toBe("");
    expect(screen.getByTestId("report-row-b").textContent).toContain("未確認");
  });

  it("prints in Japanese whatever the screen's language", () => {
    setLang("en");
    sheet();
    expect(screen.getByTestId("report-stamp-head").textContent).toBe("確認印");
    expect(screen.getByTestId("report-rule").textContent).toContain("この施設の判定");
  });

  it("sets nothing on the sheet below 9 pt (12 px on A4)", () => {
    const css = readFileSync(join(import.meta.dirname, "../styles.css"), "utf8");
    const sheetRules = [...css.matchAll(/([^{}]*\.(?:sheet|mark)[^{}]*)\{([^}]*)\}/g)];
    expect(sheetRules.length).toBeGreaterThan(5);
    for (const [, selector, body] of sheetRules) {
      for (const [, size, unit] of body!.matchAll(/font-size:\s*([\d.]+)(pt|px)/g)) {
        const pt = unit === "px" ? Number(size) * 0.75 : Number(size);
        expect(pt, `${selector!.trim()} font-size ${size}${unit}`).toBeGreaterThanOrEqual(9);
      }
    }
  });
});

import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LineListDay, LineListEntry, LineListResult } from "../../api/surveillance-types.ts";
import { LineListPanel } from "../../components/surveillance/LineListPanel.tsx";
import { fakeApi, renderSignedIn, TEST_FACILITY } from "../../test/render.tsx";
import { LineListPrintPage } from "./LineListPrintPage.tsx";

const DAYS = [
  "2026-11-26",
  "2026-11-27",
  "2026-11-28",
  "2026-11-29",
  "2026-11-30",
  "2026-12-01",
  "2026-12-02",
];

const day = (date: string, symptoms: LineListDay["symptoms"] = [], recorded = true): LineListDay => ({
  date,
  recorded,
  symptoms,
  lowGradeFever: false,
  maxTempC: null,
  caseSymptoms: symptoms.length > 0,
});

const entry = (over: Partial<LineListEntry> & Pick<LineListEntry, "key">): LineListEntry => ({
  caseId: null,
  version: null,
  source: "implicit",
  person: { id: over.key, name: over.key, kind: "resident", job: null },
  unit: { id: "unit-1", name: "1階 さくらユニット", floor: "1F" },
  room: { id: "r101", name: "101号室" },
  subject: { group: "GI" },
  disease: null,
  notifiedDate: null,
  notification: null,
  status: "suspected",
  onsetDate: "2026-11-27",
  onsetAt: null,
  lastSymptomDate: "2026-11-28",
  resolvedDate: null,
  diagnosedDate: null,
  remarks: null,
  outcomes: [],
  days: DAYS.map((d) => day(d)),
  symptomFreeDays: 0,
  closeOffer: null,
  ...over,
});

const RESULT: LineListResult = {
  asOf: "2026-12-02T01:00:00Z",
  profile: "mhlw-2005",
  days: DAYS,
  entries: [
    entry({
      key: "p2",
      person: { id: "p2", name: "佐藤 一郎", kind: "resident", job: null },
      room: { id: "r102", name: "102号室" },
      status: "confirmed",
      disease: "norovirus",
      diagnosedDate: "2026-11-30",
      remarks: "便検査で陽性",
      days: DAYS.map((d, i) =>
        i === 1 ? day(d, ["fever", "vomiting", "diarrhea"]) : i === 2 ? day(d, ["watery_stool"]) : day(d),
      ),
    }),
    entry({
      key: "p1",
      person: { id: "p1", name: "山田 花子", kind: "short_stay", job: null },
      resolvedDate: "2026-12-01",
      days: DAYS.map((d, i) => (i === 1 ? day(d, ["vomiting"]) : i === 0 ? day(d, [], false) : day(d))),
    }),
    entry({
      key: "s1",
      person: { id: "s1", name: "鈴木 次郎", kind: "staff", job: "care" },
      unit: null,
      room: null,
      onsetDate: "2026-11-29",
    }),
  ],
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-02T01:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("LineListPrintPage (発症者一覧 on A4)", () => {
  it("prints the title, facility, day printed and period in the head that repeats on every page", async () => {
    renderSignedIn(
      <LineListPrintPage />,
      fakeApi({ lineList: vi.fn(async () => RESULT) }),
      "/line-list/print",
    );
    const sheet = await screen.findByTestId("line-list-sheet");
    const head = sheet.querySelector("thead");
    expect(head?.textContent).toContain("発症者一覧");
    expect(within(sheet).getByTestId("form-facility").textContent).toBe(`施設名：${TEST_FACILITY.name}`);
    expect(within(sheet).getByTestId("line-sheet-printed").textContent).toBe("印刷日：2026年12月2日(水)");
    expect(within(sheet).getByTestId("form-period").textContent).toBe(
      "期間：2026年11月26日(木)〜12月2日(水)",
    );
    expect(sheet.className).toContain("form-sheet--landscape");
  });

  it("lists each floor with its cases in room order, kind, symptoms, marks, diagnosis and end day", async () => {
    renderSignedIn(
      <LineListPrintPage />,
      fakeApi({ lineList: vi.fn(async () => RESULT) }),
      "/line-list/print",
    );
    const sheet = await screen.findByTestId("line-list-sheet");
    expect(within(sheet).getByTestId("line-sheet-total").textContent).toBe("合計 3人（うち継続中 2人）");
    const floor1 = within(sheet).getByTestId("line-sheet-floor-unit-1");
    expect(within(floor1).getByTestId("line-sheet-floor-count").textContent).toBe("2人（うち継続中 1人）");
    const rows = floor1.querySelectorAll("tr[data-testid^='line-sheet-row-']");
    expect([...rows].map((r) => r.getAttribute("data-testid"))).toEqual([
      "line-sheet-row-p1",
      "line-sheet-row-p2",
    ]);
    const cells = (id: string) =>
      [...within(sheet).getByTestId(`line-sheet-row-${id}`).querySelectorAll("td")].map((c) => c.textContent);
    // 付録4③ (seed 002, p.85) 【記号の例】●：発熱 □：嘔吐 △：下痢 ◎：嘔吐・下痢
    expect(cells("p2")).toEqual([
      "102号室",
      "佐藤 一郎",
      "入所者",
      "嘔吐・下痢",
      "11/27(金)",
      "・",
      "●◎",
      "△",
      "・",
      "・",
      "・",
      "・",
      "ノロウイルス感染症（確定）便検査で陽性",
      "11/30(月)",
      "",
    ]);
    expect(cells("p1").slice(2, 7)).toEqual(["ショートステイ", "嘔吐・下痢", "11/27(金)", "－", "□"]);
    expect(cells("p1").at(-3)).toBe("病名未確定（疑い）");
    expect(cells("p1").at(-1)).toBe("12/1(火)");
    const staff = within(sheet).getByTestId("line-sheet-floor-none");
    expect(staff.textContent).toContain("階の登録なし（職員など）");
    expect(cells("s1").slice(0, 3)).toEqual(["", "鈴木 次郎", "職員"]);
  });

  it("prints with the browser's print and says when nobody is on the list", async () => {
    const print = vi.spyOn(globalThis, "print").mockImplementation(() => {});
    renderSignedIn(
      <LineListPrintPage />,
      fakeApi({ lineList: vi.fn(async () => ({ ...RESULT, entries: [] })) }),
      "/line-list/print",
    );
    const sheet = await screen.findByTestId("line-list-sheet");
    expect(within(sheet).getByTestId("line-sheet-empty")).toBeTruthy();
    expect(within(sheet).getByTestId("line-sheet-total").textContent).toBe("合計 0人（うち継続中 0人）");
    await userEvent.click(screen.getByTestId("line-print-button"));
    expect(print).toHaveBeenCalledOnce();
  });

  it("is reached from the line list by its 印刷 button", async () => {
    const view = renderSignedIn(
      <LineListPanel
        facility={TEST_FACILITY}
        today="2026-12-02"
        result={RESULT}
        error={null}
        reload={async () => {}}
      />,
      fakeApi({}),
    );
    const link = await screen.findByTestId("line-list-print");
    expect(link.textContent).toBe("印刷");
    await userEvent.click(link);
    expect(view.location.history?.at(-1)).toBe("/line-list/print");
  });
});

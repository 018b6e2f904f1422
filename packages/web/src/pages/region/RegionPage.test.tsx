import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { RegionAlert, RegionView } from "../../api/region.ts";
import { fakeApi, renderSignedIn, TEST_USER } from "../../test/render.tsx";
import { RegionPage } from "./RegionPage.tsx";

// The charts are drawn by ECharts, which jsdom cannot lay out; the words are what is tested here.
vi.mock("../../components/region/RegionChart.tsx", () => ({ RegionChart: () => null }));

const OFFICER = {
  ...TEST_USER,
  id: "u-hc",
  role: "health_centre_officer" as const,
  organisation: { id: "hc", name: "みなと市保健所", kind: "health_centre" as const },
};
const days = Array.from({ length: 28 }, (_, i) => `2026-11-${String(i + 5).padStart(2, "0")}`).map((d, i) =>
  i > 25 ? `2026-12-0${i - 25}` : d,
);
const series = (today: number) => ({
  counts: [...new Array<number>(27).fill(0), today],
  upperbound: new Array<number | null>(28).fill(1.55),
  above: [...new Array<boolean>(27).fill(false), today > 1.55],
  today,
  lastWeek: today,
  aboveToday: today > 1.55,
});
const criterionB: RegionAlert = {
  code: "REPORT_CRITERION_B",
  group: "GI",
  disease: null,
  diseaseName: null,
  criterion: "B",
  day: "2026-12-02",
  since: "2026-11-28",
  count: 12,
  threshold: 10,
  users: null,
};
const aboveUsual: RegionAlert = {
  ...criterionB,
  code: "ABOVE_USUAL",
  criterion: "C",
  day: "2026-12-01",
  since: "2026-12-01",
  count: 4,
  threshold: 1.55,
};
const view: RegionView = {
  asOfDay: "2026-12-02",
  group: "GI",
  days,
  detection: { method: "C2", minHistoryDays: 28, minOnsets: 2 },
  facilities: [
    {
      id: "f1",
      name: "さくらの里",
      sharesCountsSince: "2026-10-01T00:00:00.000Z",
      alerts: [criterionB, aboveUsual],
    },
    { id: "f2", name: "みどり苑", sharesCountsSince: "2026-10-01T00:00:00.000Z", alerts: [] },
  ],
  groups: [
    {
      group: "GI",
      region: series(5),
      aboveToday: 1,
      aboveRecently: 1,
      facilities: [
        {
          facilityId: "f1",
          ...series(5),
          aboveDays: ["2026-12-02"],
          tested: true,
          meetsReportCriterion: true,
        },
        { facilityId: "f2", ...series(0), aboveDays: [], tested: true, meetsReportCriterion: false },
      ],
    },
  ],
};

describe("RegionPage: each facility's alerts", () => {
  it("says in words which facility meets criterion イ and which is above usual, since when", async () => {
    const api = fakeApi({ me: async () => OFFICER });
    api.region.view = async () => view;
    renderSignedIn(<RegionPage />, api, "/region");
    const alerting = await screen.findByTestId("region-alerting");
    const listed = within(alerting).getAllByTestId("region-alerting-facility");
    expect(listed).toHaveLength(1);
    expect(listed[0]!.textContent).toContain("さくらの里");
    expect(listed[0]!.textContent).toContain(
      "報告基準イ（同じ感染症の人が10人以上）：嘔吐・下痢 12人（11月28日(土)から）",
    );
    const cards = screen.getAllByTestId("region-card");
    expect(cards[0]!.textContent).toContain("報告基準イ");
    expect(cards[0]!.textContent).toContain("報告基準ウ（いつもより多い）");
    expect(cards[0]!.textContent).toContain(
      "報告基準ウ（いつもより多い）：嘔吐・下痢 4人（いつもの上限 1.55人）（12月1日(火)）",
    );
    expect(within(cards[1]!).queryByTestId("region-alerts")).toBeNull();
  });
});

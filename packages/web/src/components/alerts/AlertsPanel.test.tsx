import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AlertsResult } from "../../api/records-types.ts";
import type { Facility } from "../../api/types.ts";
import { setLang } from "../../i18n/index.ts";
import { CLUSTER_DAY, FIXTURE_PEOPLE, fixtureAlerts } from "../../test/alerts-fixture.ts";
import { fakeApi, renderSignedIn, TEST_FACILITY } from "../../test/render.tsx";
import { AlertsPanel } from "./AlertsPanel.tsx";

const FACILITY: Facility = {
  ...TEST_FACILITY,
  healthCentre: { id: "hc", name: "みなと市保健所" },
  municipality: { id: "m", name: "みなと市 介護保険課" },
  units: [
    { id: "unit-1", name: "1階 さくらユニット", floor: "1F", rooms: [] },
    { id: "unit-2", name: "2階 もみじユニット", floor: "2F", rooms: [] },
  ],
};

function show(result: AlertsResult) {
  const alerts = vi.fn(async () => result);
  renderSignedIn(
    <AlertsPanel facility={FACILITY} />,
    fakeApi({ alerts, people: async () => FIXTURE_PEOPLE }),
  );
  return alerts;
}

/** No codes of the engine reach the screen: alert codes, group codes, person ids. */
function expectNoCodes(text: string) {
  expect(text).not.toMatch(/[A-Z]{2,}_[A-Z_]+|\bGI\b|\bILI\b|\bp\d\d\b|\bs01\b|mhlw-2005/);
}

describe("AlertsPanel", () => {
  it("says calmly that nothing needs attention when the rules raise nothing", async () => {
    const alerts = show({
      asOf: "2026-01-05T07:00:00+09:00",
      profile: "mhlw-2005",
      days: ["2026-01-05"],
      alerts: [],
    });
    expect((await screen.findByTestId("alerts-calm")).textContent).toBe(
      "現在、注意が必要なお知らせはありません。",
    );
    expect(screen.queryByTestId("alerts-show-week")).toBeNull();
    expect(screen.getByTestId("alerts-profile").textContent).toBe("判定に使った報告基準：国の基準");
    // One call for today and the week before it (the API's lookback).
    expect(alerts).toHaveBeenCalledTimes(1);
    expect(alerts).toHaveBeenCalledWith("f1", { lookback: 7 });
  });

  it("puts the reporting criterion first, with who, the count against the threshold, the rule, its page and what to do", async () => {
    show(fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7));
    const criterion = await screen.findByTestId("alert-card-REPORT_CRITERION_B-GI");
    const cards = screen.getAllByRole("article");
    expect(cards.map((c) => c.dataset.code)).toEqual(["REPORT_CRITERION_B", "NORO_CLUSTER_24H"]);

    const c = within(criterion);
    expect(criterion.textContent).toContain("報告基準に該当");
    expect(criterion.textContent).toContain("行政への報告（症状のある人が多い）");
    expect(criterion.textContent).toContain("対象：嘔吐・下痢");
    // Manual p.48: 10 or more, or half of all users; 11 of 12 users are ill.
    expect(c.getByTestId("alert-count").textContent).toBe(
      "11人（基準：10人以上）利用者11人／全12人（基準：6人以上）",
    );
    expect(c.getByTestId("alert-why").textContent).toContain("入所者1 花子");
    expect(c.getByTestId("alert-who").textContent).toContain("入所者1 花子（101号室）");
    const advice = c.getByTestId("alert-advice").textContent ?? "";
    // Manual p.48: 「迅速に、市町村等の高齢者施設主管部局に報告します」 on 「各市町村指定の報告書用紙書式」, and b. 報告する内容.
    expect(advice).toContain("市町村が指定する報告書の様式で、市町村の担当部署に迅速に報告します。");
    expect(advice).toContain("報告する内容：症状のある人（疑いを含む）の人数、症状、施設でとった対応。");
    expect(advice).not.toContain("電話");
    expect(advice).toContain("みなと市 介護保険課、みなと市保健所");
    expect(advice).toContain("検体を保管");
    expect(c.getByTestId("alert-source").textContent).toContain("p.48, p.69");

    const cluster = within(screen.getByTestId("alert-card-NORO_CLUSTER_24H-GI"));
    expect(cluster.getByTestId("alert-count").textContent).toBe("11人（基準：24時間以内に2人以上）");
    expect(cluster.getByTestId("alert-why").textContent).toContain("基準：24時間以内に2人以上");
    expect(cluster.getByTestId("alert-advice").textContent).toContain("緊急体制");
    expect(cluster.getByTestId("alert-source").textContent).toContain("p.54");
    expectNoCodes(screen.getByTestId("alerts-panel").textContent ?? "");
  });

  it("sums up the person hints per unit, with a way into that unit's round", async () => {
    show(fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7));
    const line = await screen.findByTestId(`hint-summary-${CLUSTER_DAY}-unit-2`);
    expect(line.textContent).toContain("2階 もみじユニット");
    expect(line.textContent).toContain("発熱 1人");
    expect(line.textContent).toContain("ノロウイルスの可能性 5人");
    expect(within(line).getByTestId(`hint-round-${CLUSTER_DAY}-unit-2`).getAttribute("href")).toBe(
      `/round/unit-2/${CLUSTER_DAY}`,
    );
  });

  it("keeps an outbreak signal of earlier days in view while its outbreak goes on, with the days it held", async () => {
    const user = userEvent.setup();
    // The 16th: the cluster and criterion B from the 10th, holding while the outbreak lasts; no week without a new onset yet (manual p.56).
    show(fixtureAlerts("2026-01-16T12:00:00+09:00", 7));
    const criterion = await screen.findByTestId("alert-card-REPORT_CRITERION_B-GI");
    expect(screen.getByTestId("alerts-current").getAttribute("aria-pressed")).toBe("true");
    expect(criterion.dataset.day).toBe("2026-01-16");
    // It holds today, so the current view lists no earlier days for it; the week view does.
    expect(within(criterion).queryByTestId("alert-days")).toBeNull();
    expect(screen.getByTestId("alert-card-NORO_CLUSTER_24H-GI").dataset.day).toBe(CLUSTER_DAY);
    // The person hints of the 10th are not today's.
    expect(screen.queryByTestId("alerts-hints")).toBeNull();
    await user.click(screen.getByTestId("alerts-week"));
    expect(screen.getByTestId("alerts-hints")).toBeTruthy();
    expect(
      within(screen.getByTestId("alert-card-REPORT_CRITERION_B-GI")).getByTestId("alert-days").textContent,
    ).toContain("1月16日(金)、1月15日(木)");
  });

  it("leaves a signal out of the current view once its outbreak may be declared over", async () => {
    const user = userEvent.setup();
    show(fixtureAlerts("2026-01-17T12:00:00+09:00", 7));
    await screen.findByTestId("alert-card-OUTBREAK_END_ELIGIBLE-GI");
    expect(screen.queryByTestId("alert-card-REPORT_CRITERION_B-GI")).toBeNull();
    await user.click(screen.getByTestId("alerts-week"));
    expect(screen.getByTestId("alert-card-REPORT_CRITERION_B-GI")).toBeTruthy();
    await user.click(screen.getByTestId("alerts-current"));
    expect(screen.queryByTestId("alert-card-REPORT_CRITERION_B-GI")).toBeNull();
  });

  it("keeps a past week's hints one tap away when nothing is under way", async () => {
    const user = userEvent.setup();
    const result = fixtureAlerts("2026-01-16T12:00:00+09:00", 7);
    show({ ...result, alerts: result.alerts.filter((alert) => "personId" in alert.subject) });
    const calm = await screen.findByTestId("alerts-calm");
    // 12 people had hints on the 10th (11 vomiting, 1 fever).
    expect(calm.textContent).toContain(
      "過去7日間には、施設全体のお知らせが0件、健康チェックでの気づきが12人分ありました。",
    );
    await user.click(screen.getByTestId("alerts-show-week"));
    expect(screen.getByTestId("alerts-week").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("alerts-hints")).toBeTruthy();
  });

  it("says when an outbreak may be declared over, after a week without a new onset (manual p.56)", async () => {
    show(fixtureAlerts("2026-01-17T12:00:00+09:00", 7));
    const end = await screen.findByTestId("alert-card-OUTBREAK_END_ELIGIBLE-GI");
    expect(end.textContent).toContain("終息の目安");
    expect(within(end).getByTestId("alert-count").textContent).toBe("新しい発症なし 7日間（基準：7日間）");
    expect(within(end).getByTestId("alert-advice").textContent).toContain("感染対策委員会");
    expect(within(end).queryByTestId("alert-who")).toBeNull();
  });

  it("speaks English on request", async () => {
    setLang("en");
    show(fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7));
    const criterion = await screen.findByTestId("alert-card-REPORT_CRITERION_B-GI");
    expect(criterion.textContent).toContain("Reporting criterion met");
    expect(within(criterion).getByTestId("alert-advice").textContent).toContain(
      "reports promptly to the municipality's department, on the report form the municipality sets",
    );
    expect(within(criterion).getByTestId("alert-count").textContent).toContain(
      "11 people (rule: 10 or more)",
    );
  });
});

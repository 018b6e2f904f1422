import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// The outbreak rules on screen (issue 3, step 4). The demo's last week holds a gastrointestinal cluster on 2F: the
// director sees it on the home page with why and what to do, follows it into the round of 2F where each resident's
// hints show, and the nurse records confirmed norovirus with hospitalisation for two residents — enough for reporting
// criterion A (2 or more hospitalised in 7 days, manual p.48), which the home page then says in plain Japanese.
let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const CODE = /\b[A-Z]{2,}_[A-Z_]+\b/;

/** A day in Tokyo, `days` after today, as the date inputs take it. */
function tokyoDay(days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(username: string) {
  await context?.close();
  context = await browser.newContext({
    viewport: { width: 1180, height: 820 },
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(server.url);
  await page.getByTestId("signin-username").fill(username);
  await page.getByTestId("signin-password").fill("mamori-demo");
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("header-user").waitFor();
}

let clusterDay = "";

describe("outbreak alerts in the browser", () => {
  it("shows the director the cluster of the past week with why, in Japanese, and what to do", async () => {
    await signIn("demo-director");
    const panel = page.getByTestId("alerts-panel");
    await panel.getByTestId("alerts-asof").waitFor();
    await expect.poll(() => panel.textContent()).not.toContain("確かめています");
    await screenshot(page, "alerts-01-home-today");

    await page.getByTestId("alerts-week").click();
    const cluster = page.getByTestId("alert-card-NORO_CLUSTER_24H-GI");
    await cluster.waitFor();
    clusterDay = (await cluster.getAttribute("data-day")) ?? "";
    expect(clusterDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = (await cluster.textContent()) ?? "";
    expect(text).toContain("ノロウイルス型の集団発生の疑い");
    expect(text).toContain("24時間以内に嘔吐・水様便の人が複数");
    const why = (await cluster.getByTestId("alert-why").textContent()) ?? "";
    // Who, when, the count against the threshold, the rule and its page (manual p.54), with names, not ids.
    expect(why).toMatch(/\d+人（.+）が24時間以内に嘔吐・水様便を新たに発症/);
    expect(why).toContain("基準：24時間以内に2人以上");
    expect(why).toContain("マニュアル p.54");
    expect(why).not.toMatch(UUID);
    expect(await cluster.getByTestId("alert-count").textContent()).toMatch(
      /^\d+人（基準：24時間以内に2人以上）$/,
    );
    expect(await cluster.getByTestId("alert-advice").textContent()).toContain("緊急体制");
    expect(await panel.textContent()).not.toMatch(CODE);
    await screenshot(page, "alerts-02-home-week");
  });

  it("leads from the hints of 2F into that day's round, where each resident's hints explain themselves", async () => {
    const line = page.locator('[data-testid^="hint-summary-"]', { hasText: "2階" }).first();
    await line.waitFor();
    await line.locator('[data-testid^="hint-round-"]').click();
    await page.getByTestId("unchecked-count").waitFor();
    const badge = page.locator('[data-testid^="hint-"][data-code="NOROVIRUS_CONSIDER"]').first();
    await badge.waitFor();
    expect(await badge.textContent()).toBe("ノロウイルスの可能性");
    await screenshot(page, "alerts-03-round-2f-hints");

    await badge.click();
    const dialog = page.getByTestId("hint-dialog");
    await dialog.waitFor();
    const detail = dialog.getByTestId("hint-detail-NOROVIRUS_CONSIDER");
    expect(await detail.getByTestId("hint-why").textContent()).toContain("ノロウイルスを疑う月");
    expect(await detail.getByTestId("hint-advice").textContent()).toContain("液体石けんと流水");
    expect(await dialog.textContent()).toContain("これは診断ではありません");
    // The dialog is fixed on the screen: the visible part, not the whole page.
    await page.screenshot({ path: `${SCREENSHOT_DIR}alerts-04-hint-why.png` });
    await dialog.getByTestId("dialog-close").click();
  });

  it("lets the nurse record confirmed norovirus with hospitalisation for two residents of 2F", async () => {
    await signIn("demo-nurse");
    await page.getByTestId("nav-records").click();
    await page.getByTestId("case-add").waitFor();
    const yesterday = tokyoDay(-1);
    for (const [index, status] of [
      [0, "confirmed"],
      [1, "suspected"],
    ] as const) {
      await page.getByTestId("case-add").click();
      const form = page.getByTestId("case-form");
      const personId = await form
        .getByTestId("case-person")
        .evaluate(
          (select, i) => select.querySelector('optgroup[label^="2階"]')?.querySelectorAll("option")[i]?.value,
          index,
        );
      expect(personId).toMatch(UUID);
      await form.getByTestId("case-person").selectOption(personId!);
      await form.getByTestId("case-disease").selectOption("norovirus");
      await form.getByTestId(`case-status-${status}`).click();
      await form.getByTestId("case-onset").fill(clusterDay);
      await form.getByTestId("case-outcome-hospitalised").check();
      await form.getByTestId("case-outcome-hospitalised-date").fill(yesterday);
      if (index === 0) await screenshot(page, "alerts-05-case-form");
      await form.getByTestId("case-save").click();
      await page.getByTestId("records-saved").waitFor();
    }
    const table = page.getByTestId("cases-table");
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("ノロウイルス感染症");
    expect(text).toContain("確定");
    expect(text).toContain("入院");
    expect(text).not.toMatch(UUID);
    await screenshot(page, "alerts-06-cases");
  });

  it("then tells the home page that a reporting criterion is met: report to the municipality and health centre", async () => {
    await page.getByTestId("nav-home").click();
    const criterion = page.getByTestId("alert-card-REPORT_CRITERION_A-GI");
    await criterion.waitFor();
    // Manual p.48 (criterion ア): 2 or more deaths or serious cases of the same infection within 7 days.
    expect(await criterion.getByTestId("alert-count").textContent()).toBe("2人（基準：7日間に2人以上）");
    expect(await criterion.textContent()).toContain("報告基準に該当");
    const advice = (await criterion.getByTestId("alert-advice").textContent()) ?? "";
    // Manual p.48: promptly (迅速に), on the municipality's form; no telephone call first.
    expect(advice).toContain("市町村が指定する報告書の様式で、市町村の担当部署に迅速に報告します。");
    expect(advice).toContain("報告する内容：症状のある人（疑いを含む）の人数、症状、施設でとった対応。");
    expect(advice).not.toContain("電話");
    expect(advice).toContain("みなと市保健所");
    expect(await criterion.getByTestId("alert-why").textContent()).toContain("入院");
    // Facility alerts come first: the criterion before anything else on the panel.
    const first = page.locator('[data-testid^="alert-card-"]').first();
    expect(await first.getAttribute("data-code")).toBe("REPORT_CRITERION_A");
    await screenshot(page, "alerts-07-home-criterion");
  });

  it("shows the director the reporting rules in plain words", async () => {
    await signIn("demo-director");
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("setup-rules").click();
    const national = page.getByTestId("profile-mhlw-2005");
    await national.waitFor();
    expect(await national.getAttribute("data-current")).toBe("true");
    expect(await page.getByTestId("profile-mhlw-2005-GI").textContent()).toContain(
      "7日間に死亡・重症・入院の人が2人以上",
    );
    await screenshot(page, "alerts-08-rule-profiles");
  });
});

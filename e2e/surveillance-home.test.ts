import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// The surveillance home of the nurse (issue 10, items 1 and 3). The demo's 2F holds a gastrointestinal cluster of six
// residents 3–5 days ago (demo-rounds.ts: GI_CLUSTER): the nurse sees it on the home page without asking for the past
// week, with its epidemic curve, then confirms one resident's case as norovirus with the diagnosis day from the line
// list (manual §4 1), p.44: 「受診状況と診断名…を記録しておきます」), and the line list shows it.
let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CODE = /\b[A-Z]{2,}_[A-Z_]+\b|\bGI\b/;

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

async function signIn(username: string, width = 1024, height = 768) {
  await context?.close();
  context = await browser.newContext({
    viewport: { width, height },
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

describe("the surveillance home", () => {
  it("shows the nurse the 2F cluster on the home page, without asking for the past week, with its curve", async () => {
    await signIn("demo-nurse");
    await page.getByTestId("surveillance-home").waitFor();
    const cluster = page.getByTestId("alert-card-NORO_CLUSTER_24H-GI");
    await cluster.waitFor();
    expect(await page.getByTestId("alerts-current").getAttribute("aria-pressed")).toBe("true");
    expect(await cluster.textContent()).toContain("ノロウイルス型の集団発生の疑い");

    // The curve: the six residents of the cluster are the only new onsets of vomiting or diarrhoea in 4 weeks.
    const curve = page.getByTestId("epidemic-curve");
    await curve.locator("svg").first().waitFor();
    expect(await page.getByTestId("curve-chart").getAttribute("data-group")).toBe("GI");
    expect(await page.getByTestId("curve-summary").textContent()).toContain("新たに症状が出た人は6人");
    // Marks (▼) for the days the alerts fired are drawn as triangles in the chart.
    expect(await curve.locator("svg path").count()).toBeGreaterThan(6);

    const section = page.getByTestId("line-section-GI");
    await section.waitFor();
    expect(await section.locator(".line-row").count()).toBe(6);
    expect(await section.locator("h4").first().textContent()).toContain("2階");
    expect(await page.getByTestId("surveillance-home").textContent()).not.toMatch(CODE);
    expect(await page.getByTestId("unchecked-today").textContent()).toContain(
      "今日まだ健康チェックしていない人",
    );
    await screenshot(page, "surveillance-01-nurse-home-1024");
  });

  it("confirms a case and names norovirus with the diagnosis day from the line list, which then shows it", async () => {
    const row = page.getByTestId("line-section-GI").locator(".line-row").first();
    const name = (await row.locator(".line-row-name").textContent()) ?? "";
    expect(name.length).toBeGreaterThan(0);
    expect(await row.getByTestId("line-status").textContent()).toBe("疑い");
    expect(await row.getAttribute("data-key")).toMatch(/^implicit:/);

    await row.getByTestId("line-record").click();
    const dialog = page.getByTestId("line-list-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("line-status-confirmed").click();
    await dialog.getByTestId("line-disease").selectOption("norovirus");
    await dialog.getByTestId("line-diagnosed").fill(tokyoDay(-1));
    await dialog.getByTestId("line-remarks").fill("便の検査でノロウイルス陽性");
    await screenshot(page, "surveillance-02-record-dialog");
    await dialog.getByTestId("line-save").click();
    await page.getByTestId("line-list-saved").waitFor();

    const recorded = page.getByTestId("line-section-GI").locator(".line-row", { hasText: name });
    await expect.poll(() => recorded.getByTestId("line-status").textContent()).toBe("確定");
    expect(await recorded.getByTestId("line-disease-label").textContent()).toBe("ノロウイルス感染症");
    const [, m, d] = tokyoDay(-1).split("-").map(Number);
    expect(await recorded.getByTestId("line-diagnosed-label").textContent()).toContain(
      `受診・診断 ${m}月${d}日`,
    );
    expect(await recorded.getByTestId("line-remarks-label").textContent()).toBe("便の検査でノロウイルス陽性");
    // It is a recorded case now: its key is the stored case's id.
    expect(await recorded.getAttribute("data-key")).toMatch(UUID);
    expect(await page.getByTestId("line-section-GI").locator(".line-row").count()).toBe(6);
    await screenshot(page, "surveillance-03-line-list-confirmed");
  });

  it("offers to close a case after three symptom-free days and records the day it ended", async () => {
    const offer = page.getByTestId("line-offer").first();
    await offer.waitFor();
    expect(await offer.textContent()).toContain("3日間症状なし — 終了にしますか？");
    const row = page.locator(".line-row", { has: page.getByTestId("line-offer") }).first();
    const name = (await row.locator(".line-row-name").textContent()) ?? "";
    await offer.getByTestId("line-offer-close").click();
    const dialog = page.getByTestId("line-list-dialog");
    const proposed = await dialog.getByTestId("line-resolved").inputValue();
    expect(proposed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByTestId("line-save").click();
    await page.getByTestId("line-list-saved").waitFor();
    const closed = page.locator(".line-row", { hasText: name });
    const [, m, d] = proposed.split("-").map(Number);
    await expect
      .poll(() => closed.getByTestId("line-resolved-label").textContent())
      .toContain(`${m}月${d}日`);
    expect(await closed.getByTestId("line-resolved-label").textContent()).toContain("終了");
    expect(await closed.getByTestId("line-offer").count()).toBe(0);
  });

  it("fits a phone and a tablet in portrait, and is the director's home too", async () => {
    await signIn("demo-nurse", 390, 844);
    await page.getByTestId("line-section-GI").waitFor();
    await page.getByTestId("epidemic-curve").locator("svg").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "surveillance-04-nurse-home-390");

    await signIn("demo-director", 768, 1024);
    await page.getByTestId("alert-card-NORO_CLUSTER_24H-GI").waitFor();
    await page.getByTestId("epidemic-curve").locator("svg").first().waitFor();
    await page.getByTestId("line-section-GI").waitFor();
    await screenshot(page, "surveillance-05-director-home-768");
  });

  it("keeps the round as the care worker's home", async () => {
    await signIn("demo-care");
    await page.getByTestId("alerts-panel").waitFor();
    expect(await page.getByTestId("surveillance-home").count()).toBe(0);
    expect(await page.getByTestId("line-list").count()).toBe(0);
  });
});

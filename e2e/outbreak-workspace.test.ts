import { rmSync, writeFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";
import { signInAt } from "./support/sign-in-at.ts";

// The facility's side of an outbreak, end to end (issue 10): the nurse sees the 2F cluster on her home with its curve,
// records two diagnoses from the line list, opens the outbreak episode from the alert and records measures, prints the
// manual's forms 付録4② and ③ — whose counts are checked against the demo's seeded cluster (demo-rounds.ts GI_CLUSTER:
// 11月27日 vomiting ×2 and watery stool ×1, 11月28日 vomiting with watery stool and diarrhoea with nausea, 11月29日
// watery stool) — and the infection-control lead closes the episode once 7 days have passed without a new onset
// (manual p.56 「新しい患者が1週間出なければ、終息とみなしてもかまいません」), the clock moved by restarting the server.
const T0 = "2026-12-02T10:00:00+09:00";
const T_ELIGIBLE = "2026-12-06T10:00:00+09:00";

let server: StartedServer;
let dataDir = "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
let episodeUrl = "";

beforeAll(async () => {
  buildWeb();
  server = await startServer({ env: { MAMORI_FIXED_NOW: T0 }, keepData: true });
  dataDir = server.dataDir;
  browser = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(username: string, now: string) {
  await context?.close();
  ({ context, page } = await signInAt(browser, server.url, username, now));
}

async function printToPdf(name: string): Promise<void> {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SCREENSHOT_DIR}${name}.pdf`, pdf);
  await page.emulateMedia({ media: "screen" });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
}

/** The text of each page of a PDF, its characters normalised (the PDF writes 日 as the radical ⽇). */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join("")
        .normalize("NFKC"),
    );
  }
  return pages;
}

describe("an outbreak in the facility, from the home page to the committee's end", () => {
  it("shows demo-nurse the 2F cluster and its curve on her home without asking", async () => {
    await signIn("demo-nurse", T0);
    const cluster = page.getByTestId("alert-card-NORO_CLUSTER_24H-GI");
    await cluster.waitFor();
    expect(await page.getByTestId("alerts-current").getAttribute("aria-pressed")).toBe("true");
    await page.getByTestId("epidemic-curve").locator("svg").first().waitFor();
    expect(await page.getByTestId("curve-summary").textContent()).toContain("新たに症状が出た人は6人");
    expect(await page.getByTestId("line-section-GI").locator(".line-row").count()).toBe(6);
    await screenshot(page, "workspace-01-nurse-home");
  });

  it("records two diagnoses of norovirus from the line list", async () => {
    const implicitRows = page.getByTestId("line-section-GI").locator('.line-row[data-key^="implicit:"]');
    for (let i = 0; i < 2; i++) {
      const before = await implicitRows.count();
      await implicitRows.first().getByTestId("line-record").click();
      const dialog = page.getByTestId("line-list-dialog");
      await dialog.getByTestId("line-status-confirmed").click();
      await dialog.getByTestId("line-disease").selectOption("norovirus");
      await dialog.getByTestId("line-diagnosed").fill("2026-11-30");
      await dialog.getByTestId("line-save").click();
      await page.getByTestId("line-list-saved").waitFor();
      // The row becomes a recorded case before the next one is taken.
      await expect.poll(() => implicitRows.count()).toBe(before - 1);
    }
    const confirmed = page
      .getByTestId("line-section-GI")
      .locator(".line-row", { hasText: "ノロウイルス感染症" });
    await expect.poll(() => confirmed.count()).toBe(2);
    await screenshot(page, "workspace-02-diagnoses");
  });

  it("prints who is ill now (発症者一覧) on A4 landscape with the home's counts on every page's head", async () => {
    const onScreen = await page.getByTestId("line-list").locator(".line-row").count();
    const giRows = await page.getByTestId("line-section-GI").locator(".line-row").count();
    await page.getByTestId("line-list-print").click();
    const sheet = page.getByTestId("line-list-sheet");
    await sheet.waitFor();
    expect(await sheet.locator("tr[data-testid^='line-sheet-row-']").count()).toBe(onScreen);
    await screenshot(page, "workspace-02b-line-list-print");
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "workspace-02c-line-list-print-phone");
    if (viewport) await page.setViewportSize(viewport);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    writeFileSync(`${SCREENSHOT_DIR}workspace-02b-line-list.pdf`, pdf);
    const sizes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(sizes.length).toBeGreaterThan(0);
    for (const [, w, h] of sizes) expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([842, 595]);
    const pages = await pdfPages(pdf);
    for (const text of pages) {
      expect(text).toContain("発症者一覧");
      expect(text).toContain("施設名:特別養護老人ホーム さくらの里");
      expect(text).toContain("印刷日:2026年12月2日(水)");
      expect(text).toContain("期間:2026年11月26日(木)〜12月2日(水)");
    }
    const all = pages.join("");
    expect(all).toContain(`合計 ${onScreen}人(うち継続中 ${onScreen}人)`);
    // The demo's 2F cluster: six people with vomiting or diarrhoea, two of them now diagnosed.
    expect(giRows).toBe(6);
    expect(all).toContain("2階 もみじユニット");
    expect(all.match(/ノロウイルス感染症\(確定\)/g)?.length).toBe(2);
    await page.getByTestId("line-print-back").click();
    await page.getByTestId("surveillance-home").waitFor();
  });

  it("opens the episode from the cluster alert and records the manual's measures", async () => {
    await page.getByTestId("alert-card-NORO_CLUSTER_24H-GI").getByTestId("episode-start").click();
    await page.getByTestId("episode-page").waitFor();
    episodeUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId("countdown-text").textContent()).toContain("あと4日で終息を判断できます");
    for (const [id, day] of [
      ["gi.emergency-footing", "2026-11-27"],
      ["gi.vomit-hypochlorite", "2026-11-28"],
    ] as const) {
      const item = page.getByTestId(`measure-${id}`);
      await item.getByTestId("measure-record").click();
      const dialog = page.getByTestId("measure-dialog");
      await dialog.getByTestId("measure-date").fill(day);
      await dialog.getByTestId("measure-save").click();
      await dialog.waitFor({ state: "detached" });
      await item.getByTestId("measure-done").first().waitFor();
    }
    await screenshot(page, "workspace-03-episode");
  });

  it("prints 付録4② and ③ whose counts are the seeded cluster's", async () => {
    await page.goto(`${server.url}/forms/weekly?week=2026-11-23`);
    const weekly = page.getByTestId("weekly-sheet");
    await weekly.waitFor();
    await expect.poll(() => weekly.getByTestId("weekly-total-vomiting").textContent()).toBe("4");
    expect(
      (await weekly.getByTestId("weekly-row-vomiting").locator("td").allTextContents()).slice(0, 7),
    ).toEqual(["0", "0", "0", "0", "2", "2", "0"]);
    expect(await weekly.getByTestId("weekly-total-diarrhea").textContent()).toBe("4");
    expect(
      (await weekly.getByTestId("weekly-row-diarrhea").locator("td").allTextContents()).slice(0, 7),
    ).toEqual(["0", "0", "0", "0", "1", "2", "1"]);
    await screenshot(page, "workspace-04-weekly");
    await printToPdf("workspace-04-weekly");

    await page.goto(`${server.url}/forms/physician-report?from=2026-11-27&days=6`);
    const report = page.getByTestId("physician-sheet");
    await report.waitFor();
    await expect.poll(() => report.locator("[data-testid^='physician-line-']").count()).toBe(6);
    const twoF = report.getByTestId("tally-2階 もみじユニット");
    const cells = await twoF.locator("td").allTextContents();
    expect(cells.slice(0, 3).map((c) => c.replace(/\D/g, ""))).toEqual(["3", "2", "1"]);
    expect(await twoF.getByTestId("tally-total").textContent()).toBe("6人");
    // Two residents, one diagnosis each.
    const diagnosed = report.locator("[data-testid^='physician-line-']", {
      hasText: "ノロウイルス感染症（確定）",
    });
    expect(await diagnosed.count()).toBe(2);
    for (const text of await diagnosed.allTextContents()) expect(text.match(/ノロウイルス/g)?.length).toBe(1);
    await screenshot(page, "workspace-05-physician-report");
    await printToPdf("workspace-05-physician-report");
  });

  it("lets demo-lead close the episode after the countdown with the committee's decision", async () => {
    // Every case needs its recovery day before the committee may close.
    await page.goto(`${server.url}${episodeUrl}`);
    await page.getByTestId("episode-page").waitFor();
    const unresolved = page.getByTestId("episode-cases").locator("tbody tr", { hasText: "記録なし" });
    while ((await unresolved.count()) > 0) {
      await unresolved.first().getByTestId("case-resolve").click();
      const resolve = page.getByTestId("resolve-dialog");
      await resolve.getByTestId("resolve-date").fill("2026-12-01");
      await resolve.getByTestId("resolve-save").click();
      await resolve.waitFor({ state: "detached" });
    }

    await context.close();
    await server.stop();
    server = await startServer({ dataDir, env: { MAMORI_FIXED_NOW: T_ELIGIBLE }, keepData: true });
    await signIn("demo-lead", T_ELIGIBLE);
    await page.getByTestId("open-episodes").locator("a").first().click();
    await page.getByTestId("episode-page").waitFor();
    expect(new URL(page.url()).pathname).toBe(episodeUrl);
    const form = page.getByTestId("episode-close");
    await form
      .getByTestId("close-decision")
      .fill("12月6日の感染対策委員会で、1週間新たな発症者がないため終息と判断");
    await form.getByTestId("close-submit").click();
    await page.getByTestId("episode-closed").waitFor();
    expect(await page.getByTestId("episode-status").textContent()).toBe("終息");
    await screenshot(page, "workspace-06-closed");
  });
});

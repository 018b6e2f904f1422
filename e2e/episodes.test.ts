import { rmSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";
import { signInAt } from "./support/sign-in-at.ts";

// Outbreak episodes (issue 10, item 4). The server's clock is fixed (MAMORI_FIXED_NOW) so the demo's gastrointestinal
// cluster on 2F has known days: onsets 5, 4 and 3 days before "today" (demo-rounds.ts). The nurse opens the episode from
// the cluster alert and records measures; the clock then moves on to the day the end becomes eligible — the last onset
// plus the quiet period of 7 days for GI (manual p.56: 「新しい患者が1週間出なければ、終息とみなしてもかまいません」) — by
// restarting the server on the same data, and the infection-control lead closes it with the committee's decision.
const T0 = "2026-12-02T10:00:00+09:00"; // 12月2日(水): the cluster's onsets are 11月27日–29日
const ELIGIBLE_ON = "2026-12-06"; // 11月29日 + 7 days
const T_ELIGIBLE = `${ELIGIBLE_ON}T10:00:00+09:00`;

let server: StartedServer;
let dataDir = "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
let episodeUrl = "";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const CODE = /\b[A-Z]{2,}_[A-Z_]+\b/;

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

/** Screenshots at tablet landscape, tablet portrait and phone widths, back to 1024 px after. */
async function shootWidths(name: string) {
  for (const [width, height] of [
    [1024, 800],
    [768, 1024],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1024, height: 800 });
}

describe("an outbreak episode in the browser", () => {
  it("lets demo-nurse open an episode from the 2F cluster alert", async () => {
    await signIn("demo-nurse", T0);
    await page.getByTestId("alerts-panel").getByTestId("alerts-asof").waitFor();
    expect(await page.getByTestId("open-episodes").count()).toBe(0);
    await page.getByTestId("alerts-week").click();
    const cluster = page.getByTestId("alert-card-NORO_CLUSTER_24H-GI");
    await cluster.waitFor();
    const start = cluster.getByTestId("episode-start");
    expect(await start.textContent()).toBe("この通知からアウトブレイク対応を開始");
    await screenshot(page, "episodes-01-alert-start");
    await start.click();
    await page.getByTestId("episode-page").waitFor();
    episodeUrl = new URL(page.url()).pathname;
    expect(episodeUrl).toMatch(/^\/episodes\//);

    const head = (await page.locator(".episode-head").textContent()) ?? "";
    expect(head).toContain("アウトブレイク対応：嘔吐・下痢");
    expect(head).toContain("対応中");
    // The countdown: last onset 11月29日, the end can be decided from 12月6日, 4 days from now.
    expect(await page.getByTestId("countdown-text").textContent()).toBe(
      "新しい発症者が出なければ、あと4日で終息を判断できます（2026年12月6日(日)から）。",
    );
    expect(await page.getByTestId("episode-countdown").textContent()).toContain(
      "最後の新しい発症：11月29日(日)（3日前）",
    );
    // The cluster's residents were linked: six onsets on 2F between 11月27日 and 11月29日 (demo-rounds.ts GI_CLUSTER).
    const cases = page.getByTestId("episode-cases");
    const rows = cases.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(6);
    expect(await page.getByTestId("episode-candidates").count()).toBe(0);
    const caseText = (await cases.textContent()) ?? "";
    expect(caseText).toContain("11月27日(金)");
    expect(caseText).toContain("11月29日(日)");
    expect(caseText).toContain("症状から（嘔吐・下痢）");
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).not.toMatch(UUID);
    expect(body).not.toMatch(CODE);
    await shootWidths("episodes-02-episode-opened");
  });

  it("records the manual's measures with who and when, and refuses a day before the first onset", async () => {
    const record = async (id: string, day: string, note?: string) => {
      const item = page.getByTestId(`measure-${id}`);
      await item.getByTestId("measure-record").click();
      const dialog = page.getByTestId("measure-dialog");
      await dialog.getByTestId("measure-date").fill(day);
      if (note) await dialog.getByTestId("measure-note").fill(note);
      await dialog.getByTestId("measure-save").click();
      await dialog.waitFor({ state: "detached" });
      await item.getByTestId("measure-done").first().waitFor();
    };
    // A day before the cluster began is refused, under the date field, and nothing is recorded.
    await page.getByTestId("measure-gi.emergency-footing").getByTestId("measure-record").click();
    const dialog = page.getByTestId("measure-dialog");
    await dialog.getByTestId("measure-date").fill("2026-11-20");
    await dialog.getByTestId("measure-save").click();
    expect(await dialog.getByTestId("measure-date-error").textContent()).toBe(
      "最初の発症日（11月27日(金)）より前の日付は記録できません。",
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}episodes-03-measure-refused.png` });
    await dialog.getByTestId("dialog-close").click();
    expect(await page.getByTestId("measure-done").count()).toBe(0);

    await record("gi.emergency-footing", "2026-11-27", "施設長の指示で緊急体制");
    await record("gi.visitors", "2026-11-28", "面会は玄関で15分まで");
    await record("gi.vomit-hypochlorite", "2026-11-28");
    await record("all.keep-specimens", "2026-11-29", "吐物と便を協力病院へ");
    const emergency = (await page.getByTestId("measure-gi.emergency-footing").textContent()) ?? "";
    expect(emergency).toContain("マニュアル p.54");
    expect(emergency).toContain("11月27日(金) 実施");
    expect(emergency).toContain("施設長の指示で緊急体制");
    expect(await page.getByTestId("measure-disinfection-link").getAttribute("href")).toBe(
      "/disinfection?use=vomit",
    );

    await page.getByTestId("measure-free-add").click();
    const free = page.getByTestId("measure-dialog");
    await free.getByTestId("measure-text").fill("厨房と食事の提供方法を確認");
    await free.getByTestId("measure-date").fill("2026-11-29");
    await free.getByTestId("measure-save").click();
    await page.getByTestId("measures-free").waitFor();
    const timeline = (await page.getByTestId("episode-timeline").textContent()) ?? "";
    expect(timeline).toContain("対策：施設全体に緊急体制を敷く");
    expect(timeline).toContain("対策：厨房と食事の提供方法を確認");

    // Each ill resident's recovery day (the committee closes only when nobody is still ill).
    const unresolved = page.getByTestId("episode-cases").locator("tbody tr", { hasText: "記録なし" });
    expect(await unresolved.count()).toBeGreaterThan(0);
    while ((await unresolved.count()) > 0) {
      await unresolved.first().getByTestId("case-resolve").click();
      const resolve = page.getByTestId("resolve-dialog");
      await resolve.getByTestId("resolve-date").fill("2026-12-01");
      await resolve.getByTestId("resolve-save").click();
      await resolve.waitFor({ state: "detached" });
    }
    expect(await page.getByTestId("episode-cases").textContent()).not.toContain("記録なし");
    expect(await page.getByTestId("episode-close").textContent()).toContain(
      "終息の記録は感染対策担当者か施設長が行います。",
    );
    await shootWidths("episodes-04-measures");
  });

  it("lets demo-lead close the episode once the countdown has run out, with the committee's decision", async () => {
    // The clock moves to the day the end becomes eligible: restart on the same data with the later fixed time.
    await context.close();
    await server.stop();
    server = await startServer({ dataDir, env: { MAMORI_FIXED_NOW: T_ELIGIBLE }, keepData: true });
    await signIn("demo-lead", T_ELIGIBLE);

    const panel = page.getByTestId("open-episodes");
    await panel.waitFor();
    const item = (await panel.textContent()) ?? "";
    expect(item).toContain("嘔吐・下痢：2026年11月27日(金)から");
    expect(item).toContain("終息を判断できます");
    // The rules say the same today: the end of the outbreak may be decided.
    const endCard = page.getByTestId("alert-card-OUTBREAK_END_ELIGIBLE-GI");
    await endCard.getByTestId("episode-open-existing").waitFor();
    expect(await endCard.getByTestId("episode-start").count()).toBe(0);
    await screenshot(page, "episodes-05-lead-home");

    await panel.locator("a").first().click();
    await page.getByTestId("episode-page").waitFor();
    expect(new URL(page.url()).pathname).toBe(episodeUrl);
    expect(await page.getByTestId("countdown-text").textContent()).toBe(
      "新しい発症者が7日間出ていません。感染対策委員会で終息を判断できます。",
    );
    const form = page.getByTestId("episode-close");
    expect(await form.getByTestId("close-override").count()).toBe(0);
    expect(await form.getByTestId("close-date").inputValue()).toBe(ELIGIBLE_ON);
    await form
      .getByTestId("close-decision")
      .fill("12月6日の感染対策委員会で、11月29日以降新たな発症者がないため終息と判断");
    await shootWidths("episodes-06-close-form");
    await form.getByTestId("close-submit").click();
    await page.getByTestId("episode-closed").waitFor();
    expect(await page.getByTestId("episode-status").textContent()).toBe("終息");
    expect(await page.getByTestId("episode-decision").textContent()).toContain(
      "新たな発症者がないため終息と判断",
    );
    expect(await page.getByTestId("episode-countdown").textContent()).toContain(
      "2026年12月6日(日)に感染対策委員会の判断で終息",
    );
    expect(await page.getByTestId("episode-timeline").textContent()).toContain("終息として閉じた");
    await shootWidths("episodes-07-closed");

    // Home: no open episode any more, and the end-of-outbreak alert is gone with the committee's decision.
    await page.goto(server.url);
    await page.getByTestId("alerts-panel").getByTestId("alerts-asof").waitFor();
    await expect.poll(() => page.getByTestId("alerts-panel").textContent()).not.toContain("確かめています");
    expect(await page.getByTestId("open-episodes").count()).toBe(0);
    expect(await page.getByTestId("alert-card-OUTBREAK_END_ELIGIBLE-GI").count()).toBe(0);
  });
});

import { mkdirSync, writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, contrastRatio } from "./support/a11y.ts";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// The round on a phone (issue 10, item 6): a care worker on a 390 px phone does the 2F round — every button whole, a
// gap between 変わりなし and the row, 全員変わりなし asked once and undone, nothing for axe-core to report on the round,
// the entry panel or the print view, a focus ring that shows, and the printed 健康調査日報 on A4 with its head on every page.
let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let roundPath = "";
let unitId = "";
let day = "";

const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the server holds for the unit today: the ids of people with at least one entry. */
async function checkedOnServer(): Promise<string[]> {
  return page.evaluate(
    async ({ unit, date }) => {
      const response = await fetch(`/api/rounds?unitId=${unit}&date=${date}`);
      const round = (await response.json()) as { people: { id: string; observations: unknown[] }[] };
      return round.people.filter((p) => p.observations.length > 0).map((p) => p.id);
    },
    { unit: unitId, date: day },
  );
}

const count = async () => Number(await page.getByTestId("unchecked-count").getAttribute("data-count"));

describe("the round on a phone", () => {
  it("signs in as demo-care and opens the 2F round", async () => {
    await page.goto(server.url);
    await page.getByTestId("signin-username").fill("demo-care");
    await page.getByTestId("signin-password").fill("mamori-demo");
    await page.getByTestId("signin-submit").click();
    await page.locator('[data-testid^="home-unit-"]', { hasText: "2階" }).first().click();
    await page.getByTestId("unchecked-count").waitFor();
    await page.locator('[data-testid^="open-"]').first().waitFor();
    roundPath = new URL(page.url()).pathname;
    [, , unitId = "", day = ""] = roundPath.split("/");
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await count()).toBeGreaterThan(5);
  });

  it("fits 390 px: 変わりなし whole, room and name inside the row, at least 8 px between 変わりなし and the row", async () => {
    const report = await page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>("li[data-status]")];
      return {
        pageWidth: document.documentElement.scrollWidth,
        rows: rows.map((row) => {
          const mainEl = row.querySelector<HTMLElement>(".row-main")!;
          const main = mainEl.getBoundingClientRect();
          const clear = row.querySelector<HTMLElement>(".btn-clear");
          const room = row.querySelector<HTMLElement>(".row-room")!;
          const name = row.querySelector<HTMLElement>(".row-name")!;
          const rowBox = row.getBoundingClientRect();
          return {
            who: name.textContent,
            badge: row.querySelector("[data-kind]") !== null,
            rowRight: rowBox.right,
            mainWhole: mainEl.scrollWidth <= mainEl.clientWidth + 1,
            roomInside:
              room.getBoundingClientRect().right <= main.right && room.scrollWidth <= room.clientWidth + 1,
            nameInside:
              name.getBoundingClientRect().right <= main.right && name.scrollWidth <= name.clientWidth + 1,
            clear: clear && {
              text: clear.textContent,
              whole: clear.scrollWidth <= clear.clientWidth + 1 && clear.getBoundingClientRect().height < 80,
              right: clear.getBoundingClientRect().right,
              gap: clear.getBoundingClientRect().left - main.right,
            },
          };
        }),
      };
    });
    await screenshot(page, "round-phone-01-390");
    expect(report.pageWidth).toBeLessThanOrEqual(PHONE.width);
    const withButton = report.rows.filter((r) => r.clear !== null);
    expect(withButton.length).toBeGreaterThan(5);
    expect(withButton.some((r) => r.badge)).toBe(true); // short-stay rows carry a badge: the case that was cut
    for (const row of report.rows) {
      expect(row.rowRight, row.who ?? "").toBeLessThanOrEqual(PHONE.width);
      expect(row.mainWhole, `${row.who}: nothing sticks out of the row button`).toBe(true);
      expect(row.roomInside, `${row.who} room`).toBe(true);
      expect(row.nameInside, `${row.who} name`).toBe(true);
      if (row.clear === null) continue;
      expect(row.clear.text).toBe("変わりなし");
      expect(row.clear.whole, `${row.who} 変わりなし whole`).toBe(true);
      expect(row.clear.right).toBeLessThanOrEqual(PHONE.width);
      expect(row.clear.gap, `${row.who} gap`).toBeGreaterThanOrEqual(8);
    }
  });

  it("axe-core finds nothing on the round", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the whole focus ring of a row, at 3:1 or more against the row", async () => {
    const first = page.locator('[data-testid^="open-"]').first();
    await first.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const clippers: string[] = [];
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p);
        if (o.overflowX !== "visible" || o.overflowY !== "visible") clippers.push(p.className);
      }
      let bg = "rgb(255, 255, 255)";
      for (let p: HTMLElement | null = el; p; p = p.parentElement) {
        const c = getComputedStyle(p).backgroundColor;
        if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") {
          bg = c;
          break;
        }
      }
      return {
        testId: el.dataset.testid ?? "",
        focusVisible: el.matches(":focus-visible"),
        outlineStyle: style.outlineStyle,
        outlineWidth: Number.parseFloat(style.outlineWidth),
        outlineOffset: Number.parseFloat(style.outlineOffset),
        outlineColor: style.outlineColor,
        background: bg,
        clippers,
      };
    });
    expect(ring.testId).toMatch(/^open-/);
    expect(ring.focusVisible).toBe(true);
    expect(ring.outlineStyle).toBe("solid");
    expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
    // Either nothing between the row and the page clips, or the ring is drawn inside the button's own box.
    expect(ring.clippers.length === 0 || ring.outlineOffset <= -ring.outlineWidth).toBe(true);
    expect(contrastRatio(ring.outlineColor, ring.background)).toBeGreaterThanOrEqual(3);
    await page
      .locator("li[data-status]")
      .first()
      .screenshot({ path: `${SCREENSHOT_DIR}round-phone-02-focus-ring.png` });
  });

  it("the entry panel fits the phone, keeps Tab inside, is clean for axe-core and gives the focus back to the row", async () => {
    const target = page.locator('[data-testid^="open-"]').nth(2);
    const testId = (await target.getAttribute("data-testid")) ?? "";
    await target.focus();
    await page.keyboard.press("Enter");
    const editor = page.getByTestId("observation-editor");
    await editor.waitFor();
    const close = await page.getByTestId("dialog-close").boundingBox();
    expect(close).not.toBeNull();
    expect(close!.x).toBeGreaterThanOrEqual(0);
    expect(close!.x + close!.width).toBeLessThanOrEqual(PHONE.width);
    expect(close!.height).toBeGreaterThanOrEqual(44);
    expect(await page.getByTestId("dialog-close").textContent()).toContain("閉じる");
    await page.screenshot({ path: `${SCREENSHOT_DIR}round-phone-03-editor.png` });
    expect(await axeViolations(page)).toEqual([]);

    for (let i = 0; i < 45; i += 1) {
      await page.keyboard.press(i % 7 === 6 ? "Shift+Tab" : "Tab");
      const inside = await page.evaluate(
        () => document.querySelector('[role="dialog"]')?.contains(document.activeElement) ?? false,
      );
      expect(inside, `Tab ${i + 1} left the dialog`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "detached" });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(
      testId,
    );
  });

  it("全員変わりなし asks once with the unit and the count, marks only residents and short-stay guests, and 元に戻す takes it all back", async () => {
    const before = await count();
    const living = await page.locator('[data-testid="round-rows"] li[data-status="unchecked"]').count();
    const others = await page
      .locator('[data-testid^="round-rows-"] li[data-status="unchecked"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")));
    expect(others.length).toBeGreaterThan(0); // day-service users and staff of the floor
    const serverBefore = (await checkedOnServer()).sort();

    await page.getByTestId("all-clear").click();
    const question = page.getByTestId("all-clear-question");
    await question.waitFor();
    expect(await question.textContent()).toBe(
      `2階 もみじユニットの入所者・ショートステイ ${living}名を変わりなしにします。`,
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}round-phone-04-confirm.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("all-clear-confirm-yes").click();

    await expect.poll(count).toBe(before - living);
    for (const id of others)
      expect(await page.getByTestId(id!).getAttribute("data-status"), `${id} stays unchecked`).toBe(
        "unchecked",
      );
    // Wait until the server holds them, so that 元に戻す has to take them back there.
    await expect.poll(async () => (await checkedOnServer()).length).toBe(serverBefore.length + living);
    await page.getByTestId("undo-bar").waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}round-phone-05-undo-offered.png` });

    await page.getByTestId("undo-all-clear").click();
    await expect.poll(() => page.getByTestId("undo-bar").getAttribute("data-state")).toBe("undone");
    await expect.poll(count).toBe(before);
    expect((await checkedOnServer()).sort()).toEqual(serverBefore);
    await page.reload();
    await page.getByTestId("unchecked-count").waitFor();
    await expect.poll(count).toBe(before);
  });

  it("at 200% zoom on a tablet (1024×768 seen as 512×384) the summary does not cover a third of the screen", async () => {
    await page.setViewportSize({ width: 512, height: 384 });
    await page.locator('[data-testid^="open-"]').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 600));
    const share = await page.evaluate(() => {
      const box = document.querySelector(".round-summary")!.getBoundingClientRect();
      const visible = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
      return visible / innerHeight;
    });
    expect(share).toBeLessThan(1 / 3);
    await page.screenshot({ path: `${SCREENSHOT_DIR}round-zoom-200.png` });
  });

  it("looks right on a 768 px tablet", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "round-tablet-768");
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("the printed 健康調査日報", () => {
  it("with many people on the floor prints on two A4 pages, each with title, date and unit; 確認印 left empty", async () => {
    // Twenty more short-stay guests on 2F, so the sheet runs over one page.
    const admin = await browser.newContext();
    const login = await admin.request.post(`${server.url}/api/auth/login`, {
      data: { username: "demo-admin", password: "mamori-demo" },
    });
    expect(login.status()).toBe(200);
    for (let i = 1; i <= 20; i += 1) {
      const created = await admin.request.post(`${server.url}/api/people`, {
        data: { name: `短期 利用者${i}`, kind: "short_stay", unitId, baselineTempC: 36.4 },
      });
      expect(created.status()).toBe(201);
    }
    await admin.close();

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${server.url}/print/${unitId}/${day}`);
    await page.getByTestId("daily-report").waitFor();
    await page.locator('[data-testid^="report-row-"]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const stamps = await page.getByTestId("report-stamp").allTextContents();
    expect(stamps.length).toBeGreaterThan(40);
    expect(stamps.every((s) => s === "")).toBe(true);

    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(`${SCREENSHOT_DIR}round-daily-report.pdf`, pdf);
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(2);
    const [y, m, d] = day.split("-").map(Number);
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const pageOf = await doc.getPage(n);
      const [, , width, height] = pageOf.view;
      // A4 is 595 × 842 points.
      expect(Math.round(width!)).toBe(595);
      expect(Math.round(height!)).toBe(842);
      const content = await pageOf.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join("")
        .normalize("NFKC") // the PDF's text layer maps some kanji to Kangxi radicals (⽇ for 日)
        .replace(/\s+/g, "");
      texts.push(text);
      expect(text, `page ${n}: title`).toContain("健康調査日報");
      expect(text, `page ${n}: date`).toContain(`${y}年${m}月${d}日`);
      expect(text, `page ${n}: unit`).toContain("2階もみじユニット");
      expect(text, `page ${n}: 確認印 column`).toContain("確認印");
    }
    const last = texts.at(-1)!;
    expect(last).toContain("●発熱:通常37.5°C以上をいう。38°C未満の熱は微熱。");
    expect(last).toContain("この施設の判定");
    await doc.destroy();
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "round-phone-06-print-view");
    await page.emulateMedia({ media: "screen" });
  });
});

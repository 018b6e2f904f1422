import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";
import { signInAt } from "./support/sign-in-at.ts";

// CRE answers a physician can read: the demo hospital's CRE cases, opened as the physician, the laboratory and the AST
// at tablet and phone widths, in Japanese, carry no internal document codes, no English source notes, and no doubled
// numbers. The notification to the health centre (感染症法 第12条, 5類全数, 7日以内) is shown with its deadline.
const T0 = "2026-12-02T10:00:00+09:00";

/** What must never reach the screen: internal document names and codes, untranslated source notes, doubled numbers. */
const INTERNAL = [
  /cre-reference/,
  /cre-stewardship/,
  /\.md\b/,
  /§\s*\d/,
  /\bS\d{1,2}\b/,
  /\bguide\b/i,
  /≥\s*\d+\s*≥/,
  /≤\s*\d+\s*≤/,
  /\bsee\b/i,
  /\bnot covered\b/i,
];

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  buildWeb();
  server = await startServer({ env: { MAMORI_FIXED_NOW: T0 } });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function caseIds(page: Page): Promise<string[]> {
  await page.getByTestId("cre-cases").waitFor();
  await expect.poll(() => page.locator('[data-testid^="cre-case-row-"]').count()).toBeGreaterThan(0);
  const ids = await page
    .locator('[data-testid^="cre-case-row-"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")!.replace("cre-case-row-", "")));
  return ids;
}

function internalCodes(text: string): string[] {
  return INTERNAL.flatMap((pattern) => {
    const match = pattern.exec(text);
    return match ? [`${pattern}: …${text.slice(Math.max(0, match.index - 40), match.index + 40)}…`] : [];
  });
}

describe("CRE case pages a physician can read", () => {
  let notificationUrl = "";

  it("the physician opens the 発生届 filled from a notifiable case, on one A4 page", async () => {
    const { context, page } = await signInAt(browser, server.url, "demo-physician", T0);
    try {
      await page.goto(`${server.url}/cre`);
      for (const id of await caseIds(page)) {
        await page.goto(`${server.url}/cre/${id}`);
        await page.getByTestId("cre-case").waitFor();
        if ((await page.getByTestId("cre-notification").getAttribute("data-notifiable")) === "true") break;
      }
      await page.getByTestId("cre-notification-form-link").click();
      await page.getByTestId("cre-notification-form").waitFor();
      notificationUrl = page.url();
      const form = await page.getByTestId("cre-notification-form").innerText();
      expect(form).toContain("カルバペネム耐性腸内細菌目細菌感染症 発生届");
      expect(form).toContain("第12条第1項");
      expect(internalCodes(form)).toEqual([]);
      expect(await page.getByTestId("notify-form-due").innerText()).toMatch(
        /^\d{4}年\d{1,2}月\d{1,2}日\(.\)$/,
      );
      await screenshot(page, "cre-notification-form-1024");
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, "cre-notification-form-390");
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4", path: `${SCREENSHOT_DIR}cre-notification-form.pdf` });
      // One A4 page: a PDF lists each page as a /Type /Page object.
      expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    } finally {
      await context.close();
    }
  }, 180_000);

  it("the physician sends it to the health centre, which finds it in its inbox as sent", async () => {
    const physician = await signInAt(browser, server.url, "demo-physician", T0);
    try {
      await physician.page.goto(notificationUrl);
      await physician.page.getByTestId("notify-send-button").click();
      const sent = physician.page.getByTestId("notify-sent");
      await sent.waitFor();
      expect(await sent.innerText()).toContain("みなと市保健所へ送りました");
      // 2026-12-02 (T0): the day sent is the day notified, recorded on the case.
      expect(await physician.page.getByTestId("notify-form-notified").innerText()).toBe("2026年12月2日(水)");
      await screenshot(physician.page, "cre-notification-sent-1024");
    } finally {
      await physician.context.close();
    }
    const hc = await signInAt(browser, server.url, "demo-hc", T0, { viewport: { width: 390, height: 844 } });
    try {
      const item = hc.page.getByTestId("inbox-cre-item");
      await item.waitFor();
      expect(await item.innerText()).toContain("みなと総合病院");
      expect(await item.innerText()).toContain("未読");
      await screenshot(hc.page, "cre-notification-inbox-390");
      await item.getByRole("link").click();
      await hc.page.getByTestId("received-from").waitFor();
      const form = await hc.page.getByTestId("cre-notification-form").innerText();
      expect(form).toContain("カルバペネム耐性腸内細菌目細菌感染症 発生届");
      expect(form).toContain("医師 誠");
      expect(internalCodes(form)).toEqual([]);
      await screenshot(hc.page, "cre-notification-received-390");
    } finally {
      await hc.context.close();
    }
  }, 180_000);

  for (const [username, width] of [
    ["demo-physician", 1024],
    ["demo-lab", 820],
    ["demo-ast", 390],
  ] as const) {
    it(`${username} at ${width} px sees every case without internal codes`, async () => {
      const { context, page } = await signInAt(browser, server.url, username, T0);
      await page.setViewportSize({ width, height: 900 });
      try {
        await page.goto(`${server.url}/cre`);
        const ids = await caseIds(page);
        for (const [i, id] of ids.entries()) {
          await page.goto(`${server.url}/cre/${id}`);
          await page.getByTestId("cre-case").waitFor();
          await page.waitForLoadState("networkidle");
          const text = await page.locator("main").innerText();
          await screenshot(page, `cre-readable-${username}-${width}-${i + 1}`);
          expect(internalCodes(text), `${username} case ${i + 1}`).toEqual([]);
        }
      } finally {
        await context.close();
      }
    }, 180_000);
  }
});

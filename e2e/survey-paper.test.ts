import { writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";
import { signInAt } from "./support/sign-in-at.ts";

// The CRE survey's definition on screen and on paper (issue 12 items 1, 2, 4): the secretariat opens the A4 paper form
// printed from the same Questionnaire the screens use, and tries the screen form — q1 「いいえ」 ends the survey
// (参考2 ②), 「はい」 opens q2–q21, the laboratory's q18–q21 are answered by the technologist (参考2, 別添).
const T0 = "2026-12-02T10:00:00+09:00";

let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  buildWeb();
  server = await startServer({ env: { MAMORI_FIXED_NOW: T0 } });
  browser = await launchBrowser();
  ({ context, page } = await signInAt(browser, server.url, "demo-secretariat", T0));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("the CRE survey's paper form and try-out", () => {
  it("prints the questionnaire as an A4 paper form", async () => {
    await page.goto(`${server.url}/survey/paper/cre-cefiderocol`);
    const paper = page.getByTestId("questionnaire-paper");
    await paper.waitFor();
    expect(await paper.locator('[data-link-id="q21"]').textContent()).toContain("検査体制がない");
    expect(
      await page.getByText("設問1で「はい」の場合は、ここからの設問にも回答してください。").count(),
    ).toBe(1);
    await screenshot(page, "survey-paper-01-tablet");
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${SCREENSHOT_DIR}survey-paper-cre-cefiderocol.pdf`, pdf);
    await page.emulateMedia({ media: "screen" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("tries the screen form: 「いいえ」 ends it, 「はい」 opens the rest; the laboratory part is the technologist's", async () => {
    await page.getByTestId("paper-back").click();
    const form = page.getByTestId("questionnaire-form");
    await form.waitFor();
    const q1 = page.getByTestId("qr-item-q1");
    await q1.getByLabel("いいえ").check();
    expect(await page.getByTestId("qr-item-q2").count()).toBe(0);
    await page.getByTestId("preview-check").click();
    expect(await page.getByTestId("preview-status").textContent()).toContain("回答はそろっています");
    await q1.getByLabel("はい").check();
    await page.getByTestId("qr-item-q2").getByLabel("血流感染").check();
    await page.getByTestId("qr-item-q15").getByRole("textbox").fill("120");
    expect(await page.getByTestId("qr-item-q15").getByRole("alert").textContent()).toContain(
      "1 日から 90 日",
    );
    expect(await page.getByTestId("qr-item-q20").getByRole("radio").count()).toBe(0);
    await screenshot(page, "survey-preview-02-tablet");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "survey-preview-03-phone");
    await page.getByLabel("臨床検査技師").first().check();
    await page.getByTestId("qr-item-q20").getByLabel("検査体制がない").check();
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByTestId("qr-item-q18.1").scrollIntoViewIfNeeded();
    await screenshot(page, "survey-preview-04-lab-tablet");
  });

  it("the paper form on a phone still reads", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/survey/paper/cre-cefiderocol`);
    await page.getByTestId("questionnaire-paper").waitFor();
    await screenshot(page, "survey-paper-05-phone");
  });
});

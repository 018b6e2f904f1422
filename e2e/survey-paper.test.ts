import { writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";
import { signInAt } from "./support/sign-in-at.ts";

// The CRE survey's definition on screen and on paper (issue 12 items 1, 2, 4): the secretariat opens the A4 paper form
// printed from the same Questionnaire the screens use, and tries the screen form — q1 「いいえ」 ends the survey
// (参考2 ②), 「はい」 opens q2–q21, the laboratory's q18–q21 are answered by the technologist (参考2, 別添). A paper
// response (別添2 「Web アンケートでの回答が困難な場合は、紙面での回答も可能」) is keyed in by two clerks, one
// difference is settled on the paper, and the response is counted.
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

/** Keys the demo paper form: a urinary E. coli, non-producer, the answers every required item needs; q21 as read. */
async function keyPaperForm(form: Locator, q21: string) {
  const item = (id: string) => form.getByTestId(`qr-item-${id}`);
  await item("q1").getByLabel("はい", { exact: true }).check();
  for (const [id, label] of [
    ["q2", "尿路感染"],
    ["q3", "はい"],
    ["q4", "Escherichia coli"],
    ["q5", "尿"],
    ["q6", "産生なし"],
    ["q8", "なかった"],
    ["q10", "はい"],
    ["q13", "8時間ごと"],
    ["q17", "改善"],
    ["q18.1", "はい"],
    ["q18.2", "はい"],
    ["q18.3", "はい"],
    ["q19.1", "はい"],
    ["q19.2", "いいえ"],
    ["q19.3", "はい"],
    ["q20", "はい"],
    ["q21", q21],
  ] as const) {
    await item(id).getByLabel(label, { exact: true }).check();
  }
  await item("q11").locator("input").fill("2026-11-20");
  await item("q12").getByRole("textbox").fill("2");
  await item("q15").getByRole("textbox").fill("10");
}

describe("a paper response keyed in twice", () => {
  let formUrl = "";

  it("the first clerk registers the form and keys it", async () => {
    await page.setViewportSize({ width: 1024, height: 1366 });
    await page.goto(`${server.url}/survey/secretariat`);
    await page.getByTestId("to-paper-entry").click();
    await page.getByTestId("paper-label").fill("封筒 101");
    await page.getByTestId("paper-prefecture").selectOption("大阪府");
    await page.getByRole("button", { name: "用紙を登録" }).click();
    const form = page.getByTestId("questionnaire-form");
    await form.waitFor();
    formUrl = page.url();
    await keyPaperForm(form, "はい");
    await screenshot(page, "survey-paper-entry-01-first-tablet");
    await page.getByTestId("paper-save-entry").click();
    await page.getByTestId("paper-wait-other").waitFor();
  });

  it("the second clerk keys it on a phone, reading q21 differently; the difference is settled on the paper", async () => {
    const second = await signInAt(browser, server.url, "demo-secretariat2", T0, {
      viewport: { width: 390, height: 844 },
    });
    try {
      const p = second.page;
      await p.goto(formUrl);
      const form = p.getByTestId("questionnaire-form");
      await form.waitFor();
      // Blind: the first clerk's answers are not on the second clerk's screen.
      expect(await form.getByTestId("qr-item-q1").getByLabel("はい", { exact: true }).isChecked()).toBe(
        false,
      );
      await keyPaperForm(form, "いいえ");
      await p.getByTestId("paper-save-entry").click();
      const diffs = p.getByTestId("entry-differences");
      await diffs.waitFor();
      expect(await diffs.locator("fieldset").count()).toBe(1);
      expect(await p.getByTestId("difference-q21-1").textContent()).toContain("はい");
      expect(await p.getByTestId("difference-q21-2").textContent()).toContain("いいえ");
      await screenshot(p, "survey-paper-entry-02-differences-phone");
      // The paper says 「はい」: the first reading is chosen.
      await p.getByTestId("difference-q21-1").click();
      await p.getByTestId("paper-settle").click();
      await p.getByTestId("paper-resolved").waitFor();
      await screenshot(p, "survey-paper-entry-03-registered-phone");
    } finally {
      await second.context.close();
    }
  });

  it("the response is counted", async () => {
    await page.goto(`${server.url}/survey/secretariat`);
    await page.getByTestId("overview-total").waitFor();
    // 48 paper responses in the demo plus this one (this journey's server has no web response).
    expect(await page.getByTestId("overview-total").textContent()).toContain("回答数 49 件");
    await page.goto(`${server.url}/survey/paper-entry`);
    await page.getByTestId("paper-forms").getByText("登録済み").waitFor();
    await screenshot(page, "survey-paper-entry-04-list-tablet");
  });
});

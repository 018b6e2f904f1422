import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";
import { signInAt } from "./support/sign-in-at.ts";

// Answering the cefiderocol survey (issue 12 item 3, 5; 記3, 参考2): the physician opens the demo case's survey with
// Mamori's answers filled in, hands questions 18–21 to the laboratory (別添), the technologist checks and returns them,
// the physician completes and submits, then corrects an answer with a reason (the history keeps both versions); the
// secretariat sees the response counted, small cells hidden.
const T0 = "2026-12-02T10:00:00+09:00";

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  buildWeb();
  server = await startServer({ env: { MAMORI_FIXED_NOW: T0 } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the cefiderocol survey from the physician to the secretariat", () => {
  let responseUrl = "";

  it("the physician opens the task with answers filled in and hands questions 18–21 to the laboratory", async () => {
    const { context, page } = await signInAt(browser, server.url, "demo-physician", T0);
    await page.setViewportSize({ width: 1024, height: 1366 });
    await page.goto(`${server.url}/survey`);
    await page.getByTestId("survey-tasks").waitFor();
    await screenshot(page, "survey-answer-01-tasks-tablet");
    await page.getByTestId("survey-tasks").getByRole("button").first().click();
    await page.getByTestId("questionnaire-form").waitFor();
    responseUrl = page.url();
    expect(await page.getByText("Mamori の記録から入れたもの").count()).toBe(1);
    expect(await page.getByTestId("qr-item-q1").getByLabel("はい").isChecked()).toBe(true);
    await screenshot(page, "survey-answer-02-prefilled-tablet");
    await page.getByRole("button", { name: "設問18～21を検査室に確認してもらう" }).click();
    await page.getByTestId("with-lab").waitFor();
    await context.close();
  });

  it("the technologist finds it in the queue, answers and returns it", async () => {
    const { context, page } = await signInAt(browser, server.url, "demo-lab", T0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/survey/lab`);
    await page.getByTestId("lab-queue").waitFor();
    await page.getByTestId("lab-queue").getByRole("button").first().click();
    await page.getByTestId("questionnaire-form").waitFor();
    await page.getByTestId("qr-item-q21").getByLabel("いいえ", { exact: true }).check();
    await page.getByTestId("save-state").getByText("保存しました").waitFor();
    await screenshot(page, "survey-answer-03-lab-phone");
    await page.getByRole("button", { name: "確認を終えて医師に戻す" }).click();
    await page.getByRole("button", { name: "確認を終えて医師に戻す" }).waitFor({ state: "detached" });
    await context.close();
  });

  it("the physician completes the remaining answers and submits", async () => {
    const { context, page } = await signInAt(browser, server.url, "demo-physician", T0);
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(responseUrl);
    await page.getByTestId("questionnaire-form").waitFor();
    const item = (id: string) => page.getByTestId(`qr-item-${id}`);
    // What the record cannot say, answered as a physician would.
    for (const [id, label] of [
      ["q3", "はい"],
      ["q8", "なかった"],
      ["q13", "8時間ごと"],
      ["q17", "改善"],
    ] as const) {
      await item(id).getByLabel(label, { exact: true }).check();
    }
    await item("q12").getByRole("textbox").fill("2");
    await item("q15").getByRole("textbox").fill("14");
    for (const id of ["q2", "q4", "q5", "q6", "q10", "q11", "q14"]) {
      const answered = await item(id).locator("input:checked, input[type=date]:not([value=''])").count();
      if (answered === 0 && id === "q10") await item(id).getByLabel("はい", { exact: true }).check();
      if (answered === 0 && id === "q14") await item(id).getByLabel("はい", { exact: true }).check();
    }
    await page.getByRole("button", { name: "送信する" }).click();
    const done = page.getByTestId("submitted").or(page.getByTestId("missing"));
    await done.waitFor();
    await screenshot(page, "survey-answer-04-submitted-tablet");
    expect(await page.getByTestId("missing").count()).toBe(0);
    expect(await page.getByTestId("submitted").textContent()).toContain("第1版");
    await context.close();
  });

  it("the physician corrects an answer on a phone, with a reason; the history shows both versions", async () => {
    const { context, page } = await signInAt(browser, server.url, "demo-physician", T0, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(responseUrl);
    await page.getByTestId("response-history").waitFor();
    await page.getByTestId("correction-start").click();
    await page.getByTestId("qr-item-q17").getByLabel("治癒", { exact: true }).check();
    await page.getByTestId("correction-reason").fill("退院時の評価に合わせて転帰を修正");
    await page.getByTestId("correction-send").click();
    await page.getByTestId("history-2").waitFor();
    expect(await page.getByTestId("submitted").textContent()).toContain("第2版");
    expect(await page.getByTestId("history-2").textContent()).toContain("設問17");
    await page.getByTestId("response-history").scrollIntoViewIfNeeded();
    await screenshot(page, "survey-answer-05-corrected-phone");
    await context.close();
  });

  it("the secretariat sees it counted, with cells under 5 hidden and no hospital named", async () => {
    const { context, page } = await signInAt(browser, server.url, "demo-secretariat", T0);
    await page.setViewportSize({ width: 1024, height: 1366 });
    await page.goto(`${server.url}/survey/secretariat`);
    await page.getByTestId("overview-total").waitFor();
    // 48 paper responses in the demo plus this one.
    expect(await page.getByTestId("overview-total").textContent()).toContain("回答数 49 件");
    expect(await page.getByText("5件未満").count()).toBeGreaterThan(0);
    expect(await page.getByText("みなと総合病院").count()).toBe(0);
    await screenshot(page, "survey-answer-06-secretariat-tablet");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "survey-answer-07-secretariat-phone");
    await context.close();
  });
});

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// The facility settings and accounts pages against the real server: the director renames the facility (the demo has
// one health centre and one municipality, already chosen); the administrator meets a taken username, creates a nurse's account, resets its password, and
// the nurse signs in with it.
let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
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

async function signIn(username: string, password = "mamori-demo") {
  await page.goto(server.url);
  await page.getByTestId("signin-username").fill(username);
  await page.getByTestId("signin-password").fill(password);
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("header-user").waitFor();
}

async function signOut() {
  await page.getByTestId("sign-out").click();
  await page.getByTestId("signin-username").waitFor();
}

describe("facility settings and accounts in the browser", () => {
  it("lets the director rename the facility, with its health centre and municipality chosen; no accounts tab", async () => {
    await signIn("demo-director");
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("setup-facility").click();
    const name = page.getByTestId("facility-name");
    await name.waitFor();
    await expect(page.getByTestId("setup-accounts").count()).resolves.toBe(0);
    await expect(page.getByTestId("facility-type").inputValue()).resolves.toBe("elderly_care");
    await expect(page.getByTestId("facility-time-zone").inputValue()).resolves.toBe("Asia/Tokyo");
    const healthCentre = page.getByTestId("facility-health-centre");
    await expect.poll(() => healthCentre.isEnabled()).toBe(true);
    await expect(healthCentre.locator("option:checked").textContent()).resolves.toBe("みなと市保健所");
    await screenshot(page, "setup-01-facility-director");

    // A zone Intl does not know is named beside the field before anything is sent.
    await page.getByTestId("facility-time-zone").selectOption("other");
    await page.getByTestId("facility-time-zone-custom").fill("Tokyo");
    await page.getByTestId("facility-save").click();
    await expect(page.getByTestId("field-error-timeZone").textContent()).resolves.toContain(
      "使えない時間帯です",
    );
    await screenshot(page, "setup-02-facility-time-zone-error");
    await page.getByTestId("facility-time-zone").selectOption("Asia/Tokyo");

    await name.fill("特別養護老人ホーム さくらの里 本館");
    await page.getByTestId("facility-save").click();
    await expect(page.getByTestId("facility-saved").textContent()).resolves.toBe(
      "施設の設定を保存しました。",
    );
    await page.reload();
    await expect
      .poll(() => page.getByTestId("facility-name").inputValue())
      .toBe("特別養護老人ホーム さくらの里 本館");
    await expect(page.getByTestId("header-org").textContent()).resolves.toContain("さくらの里");
    await signOut();
  });

  it("shows the care worker the settings to read", async () => {
    await signIn("demo-care");
    await page.goto(`${server.url}/setup/facility`);
    const facts = page.getByTestId("facility-facts");
    await facts.waitFor();
    await expect(facts.textContent()).resolves.toContain("特別養護老人ホーム等の高齢者施設");
    await expect(facts.textContent()).resolves.toContain("さくらの里 本館");
    await expect(page.getByTestId("facility-form").count()).resolves.toBe(0);
    await screenshot(page, "setup-03-facility-care-worker");
    await signOut();
  });

  it("lets the administrator list accounts with Japanese role names, and refuses a taken username on its field", async () => {
    await signIn("demo-admin");
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("setup-accounts").click();
    await page.getByTestId("accounts-table").waitFor();
    await expect(page.getByTestId("account-role-demo-care").textContent()).resolves.toBe("介護職員");
    await expect(page.getByTestId("account-role-demo-director").textContent()).resolves.toBe("施設長");
    await expect(page.getByTestId("account-role-demo-admin").textContent()).resolves.toBe("管理者");
    await screenshot(page, "setup-04-accounts-list");

    await page.getByTestId("account-add").click();
    const dialog = page.getByTestId("account-dialog");
    await dialog.getByTestId("account-username").fill("demo-care");
    await dialog.getByTestId("account-display-name").fill("介護 二人目");
    await dialog.getByTestId("account-password").fill("short");
    await dialog.getByTestId("account-save").click();
    await expect(dialog.getByTestId("field-error-password").textContent()).resolves.toBe(
      "10文字以上にしてください（いま5文字）。",
    );
    await dialog.getByTestId("account-password").fill("sakura-2026-04");
    await dialog.getByTestId("account-save").click();
    // The server's 409 for the taken username, on the username field.
    await expect
      .poll(() => dialog.getByTestId("field-error-username").textContent())
      .toBe("このユーザー名はすでに使われています。別の名前にしてください");
    await screenshot(page, "setup-05-account-username-taken");
  });

  it("creates a nurse's account, resets its password, and the nurse signs in with the new one", async () => {
    const dialog = page.getByTestId("account-dialog");
    await dialog.getByTestId("account-username").fill("nurse.sato");
    await dialog.getByTestId("account-display-name").fill("佐藤 久美");
    await dialog.getByTestId("account-role").selectOption("nurse");
    await dialog.getByTestId("account-save").click();
    await expect(page.getByTestId("account-done").textContent()).resolves.toBe(
      "佐藤 久美さんのアカウントを作りました。",
    );
    await expect
      .poll(() =>
        page
          .getByTestId("account-role-nurse.sato")
          .textContent()
          .catch(() => null),
      )
      .toBe("看護職員");

    await page.getByTestId("account-edit-nurse.sato").click();
    await page.getByTestId("account-dialog").getByTestId("account-role").selectOption("ic_lead");
    await page.getByTestId("account-dialog").getByTestId("account-save").click();
    await expect.poll(() => page.getByTestId("account-role-nurse.sato").textContent()).toBe("感染対策担当者");

    await page.getByTestId("account-password-nurse.sato").click();
    await screenshot(page, "setup-06-account-password-reset");
    await page.getByTestId("account-dialog").getByTestId("account-password").fill("hanamizuki-0042");
    await page.getByTestId("account-dialog").getByTestId("account-save").click();
    await expect(page.getByTestId("account-done").textContent()).resolves.toContain(
      "パスワードを再設定しました",
    );
    await screenshot(page, "setup-07-accounts-after");
    await signOut();

    await signIn("nurse.sato", "hanamizuki-0042");
    await expect(page.getByTestId("header-user").textContent()).resolves.toContain("感染対策担当者");
  });
});

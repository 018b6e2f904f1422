import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// CRE stewardship in the demo hospital みなと総合病院 (issue 5, steps 3–4): the laboratory enters an IMP-producing
// Klebsiella pneumoniae from blood (meropenem 4 mg/L, IMP by immunochromatography), the physician sees it classified as
// CRE / MBL with cefiderocol among the options and the notification day, orders cefiderocol, and the AST approves.
let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let caseId = "";

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
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

async function signIn(username: string) {
  await page.getByTestId("signin-username").fill(username);
  await page.getByTestId("signin-password").fill("mamori-demo");
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("header-user").waitFor();
}

async function signOut() {
  await page.getByTestId("sign-out").click();
  await page.getByTestId("signin-username").waitFor();
  await page.goto(server.url);
}

/** Today in Tokyo, as the date inputs take it. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
}

describe("CRE stewardship in the browser", () => {
  it("the laboratory sees the hospital's cases on signing in", async () => {
    await page.goto(server.url);
    await signIn("demo-lab");
    await page.getByTestId("cre-cases").waitFor();
    // The demo seeds three cases: a pending work-up, a non-CP cystitis to notify, an approved MBL case.
    await expect.poll(() => page.locator('[data-testid^="cre-case-row-"]').count()).toBe(3);
    await expect(page.getByTestId("cre-count-workup").textContent()).resolves.toContain("1");
    await screenshot(page, "cre-01-lab-list");
  });

  it("the laboratory enters an isolate; a bad MIC is flagged at once and nothing is sent", async () => {
    await page.getByTestId("cre-nav-new").click();
    await page.getByTestId("cre-patient").fill("0099-0001");
    await page.getByTestId("cre-organism-input").fill("肺炎");
    await page.getByTestId("cre-organism-option-Klebsiella_pneumoniae").click();
    await expect(page.getByTestId("cre-organism-input").inputValue()).resolves.toBe("Klebsiella pneumoniae");
    await page.getByTestId("cre-collected").fill(today());

    await page.getByTestId("cre-mic-meropenem").fill("R");
    await page.getByTestId("cre-mic-error-meropenem").waitFor();
    await screenshot(page, "cre-02-lab-bad-mic");
    await page.getByTestId("cre-mic-meropenem").fill("4");
    await expect(page.getByTestId("cre-mic-error-meropenem").count()).resolves.toBe(0);

    await page.getByTestId("cre-mic-imipenem").fill("2");
    // Typing the qualifier with the number moves it to the qualifier box.
    await page.getByTestId("cre-mic-cefmetazole").fill(">32");
    await expect(page.getByTestId("cre-mic-qualifier-cefmetazole").inputValue()).resolves.toBe(">");
    await page.getByTestId("cre-mic-levofloxacin").fill("<=0.12");
    await page.getByTestId("cre-mic-amikacin").fill("≤4");
    await page.getByTestId("cre-mic-colistin").fill("≤0.5");
    await page.getByTestId("cre-mic-cefiderocol").fill("1");
    await page.getByTestId("cre-mic-ceftazidime_avibactam").fill(">16");
    await page.getByTestId("cre-mic-aztreonam").fill(">16");
    await page.getByTestId("cre-mcim-zone").fill("6");
    await page.getByTestId("cre-ecim-zone").fill("17");
    await expect(page.getByTestId("cre-ecim-reading").getAttribute("data-result")).resolves.toBe(
      "mbl_positive",
    );
    await page.getByTestId("cre-ic-kit").selectOption("NG-Test CARBA 5");
    await page.getByTestId("cre-ic-enzyme-IMP").check();
    await screenshot(page, "cre-03-lab-isolate-form");

    await page.getByTestId("cre-isolate-save").click();
    await page.getByTestId("cre-case").waitFor();
    caseId = (await page.getByTestId("cre-case").getAttribute("data-case-id")) ?? "";
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByTestId("cre-classification").getAttribute("data-value")).resolves.toBe("true");
    await expect(page.getByTestId("cre-mechanism").getAttribute("data-category")).resolves.toBe("MBL");
    await expect(page.getByTestId("cre-awaiting-physician").isVisible()).resolves.toBe(true);
    await screenshot(page, "cre-04-lab-case");
  });

  it("the physician records the infection and severity, sees CRE / MBL, cefiderocol and the notification day", async () => {
    await signOut();
    await signIn("demo-physician");
    await page.getByTestId(`cre-case-link-${caseId}`).click();
    await page.getByTestId("cre-clinical-form").waitFor();
    // Blood is a sterile specimen: notifiable now; the 7 days run from the report day until the diagnosis is entered.
    await expect(page.getByTestId("cre-notification").getAttribute("data-notifiable")).resolves.toBe("true");
    await expect(page.getByTestId("cre-notification-due").getAttribute("data-basis")).resolves.toBe("report");

    await page.getByTestId("cre-site").selectOption("bloodstream");
    await page.getByTestId("cre-causative").selectOption("yes");
    await page.getByTestId("cre-severity-item-VASOPRESSOR_REQUIRED").check();
    await expect(
      page.getByTestId("cre-severity-hemodynamicallyStable-notmet").getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await page.getByTestId("cre-order-cefiderocol").check();
    await page.getByTestId("cre-diagnosed-on").fill(today());
    await screenshot(page, "cre-05-physician-form");
    await page.getByTestId("cre-clinical-save").click();

    await page.getByTestId("cre-options").waitFor();
    await expect(page.getByTestId("cre-classification").getAttribute("data-value")).resolves.toBe("true");
    await expect(page.getByTestId("cre-mechanism").getAttribute("data-category")).resolves.toBe("MBL");
    await expect(page.getByTestId("cre-option-0").getAttribute("data-drugs")).resolves.toBe("cefiderocol");
    await expect(page.getByTestId("cre-notification-due").getAttribute("data-basis")).resolves.toBe(
      "diagnosis",
    );
    const due = await page.getByTestId("cre-notification-due").getAttribute("data-date");
    // 感染症法 第12条: within 7 days of the diagnosis (today), the first day not counted.
    const expected = new Date(`${today()}T12:00:00+09:00`);
    expected.setUTCDate(expected.getUTCDate() + 7);
    expect(due).toBe(expected.toISOString().slice(0, 10));
    // No one consulted yet: the order waits for it (seeds/000_93415025af6d4950.txt 記2 「…相談の上、投与すること」).
    await expect(page.getByTestId("cre-verdict").getAttribute("data-verdict")).resolves.toBe(
      "pending_consultation",
    );
    await expect(page.getByTestId("cre-verdict").textContent()).resolves.toContain("相談待ち");
    // 表6 「推奨投与量 (肝腎機能正常者)」: the dose says it is for normal liver and kidney function.
    await expect(page.getByTestId("cre-option-0").textContent()).resolves.toContain(
      "肝機能・腎機能が正常な場合の推奨量",
    );
    await expect(page.getByTestId("cre-order-status").getAttribute("data-status")).resolves.toBe(
      "awaiting_decision",
    );
    await expect(page.getByTestId("cre-survey").isVisible()).resolves.toBe(true);
    await screenshot(page, "cre-06-physician-case");
  });

  it("the AST approves the cefiderocol order with a note; the history keeps it", async () => {
    await signOut();
    await signIn("demo-ast");
    await page.getByTestId(`cre-case-row-${caseId}`).getByTestId("cre-state-order").waitFor();
    await expect(
      page.getByTestId(`cre-case-row-${caseId}`).getByTestId("cre-state-order").getAttribute("data-status"),
    ).resolves.toBe("awaiting_decision");
    await screenshot(page, "cre-07-ast-list");
    await page.getByTestId(`cre-case-link-${caseId}`).click();
    await page
      .getByTestId("cre-consultation-note")
      .fill("IMP型MBL産生・敗血症性ショック: セフィデロコルを承認。");
    await page.getByTestId("cre-decision-approve").check();
    await page.getByTestId("cre-consultation-save").click();
    await expect
      .poll(() => page.getByTestId("cre-order-status").getAttribute("data-status"))
      .toBe("approved");
    await expect(
      page.locator('[data-testid^="cre-consultation-"][data-decision="approved"]').count(),
    ).resolves.toBe(1);
    // The consultation on record removes the "no consultation" finding (MHLW 事務連絡 2024-01-25 記2).
    await expect(
      page.locator('[data-testid="cre-verdict-reasons"] [data-code="NO_CONSULTATION"]').count(),
    ).resolves.toBe(0);
    await expect(page.getByTestId("cre-verdict").getAttribute("data-verdict")).resolves.toBe("appropriate");
    await screenshot(page, "cre-08-ast-approved");
  });

  it("reads on a tablet and prints on A4", async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.reload();
    await page.getByTestId("cre-case").waitFor();
    await screenshot(page, "cre-09-tablet-case");
    await page.goto(`${server.url}/cre`);
    await page.getByTestId("cre-cases").waitFor();
    await screenshot(page, "cre-10-tablet-list");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId(`cre-case-link-${caseId}`).click();
    await page.getByTestId("cre-case").waitFor();
    // Nothing sticks out sideways on a phone.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await screenshot(page, "cre-10b-phone-case");
    await page.goto(`${server.url}/cre`);
    await page.getByTestId("cre-cases").waitFor();
    await page.getByTestId(`cre-case-link-${caseId}`).click();
    await page.getByTestId("cre-case").waitFor();
    // A4 at 96 dpi is 794 px wide; the print rules hide forms and navigation.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("cre-consultation-form").isVisible()).resolves.toBe(false);
    await screenshot(page, "cre-11-print");
    await page.emulateMedia({ media: "screen" });
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// The care worker's morning (issue 2, item 11): sign in on a tablet, do the round of one floor, record vomiting for one
// resident and 38.4 °C for another, see both flagged, and open the 健康調査日報 for printing.
let server: StartedServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({
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

async function rowIds(): Promise<string[]> {
  // Rows carry their state; other test ids that start with "row-" (a row's symptom marks) do not.
  const rows = page.locator('[data-testid^="row-"][data-status]');
  await rows.first().waitFor();
  const ids: string[] = [];
  for (const row of await rows.all())
    ids.push(((await row.getAttribute("data-testid")) ?? "").slice("row-".length));
  return ids;
}

describe("the daily round in the browser", () => {
  it("signs in as demo-care", async () => {
    await page.goto(server.url);
    await page.getByTestId("signin-username").fill("demo-care");
    await page.getByTestId("signin-password").fill("mamori-demo");
    await screenshot(page, "round-01-sign-in");
    await page.getByTestId("signin-submit").click();
    await expect.poll(() => page.getByTestId("header-user").textContent()).toContain("介護");
    await screenshot(page, "round-02-home");
  });

  it("records vomiting for one resident and 38.4 °C for another, then clears the rest of the floor", async () => {
    await page.locator('[data-testid^="home-unit-"]').first().click();
    await page.getByTestId("unchecked-count").waitFor();
    const [first, second] = await rowIds();
    expect(first && second).toBeTruthy();
    const total = Number(await page.getByTestId("unchecked-count").getAttribute("data-count"));
    expect(total).toBeGreaterThan(5);
    await screenshot(page, "round-03-unit-unchecked");

    await page.getByTestId(`open-${first}`).click();
    await page.getByTestId("symptom-vomiting").click();
    await screenshot(page, "round-04-vomiting-entry");
    await page.getByTestId("save-entry").click();

    await page.getByTestId(`open-${second}`).click();
    for (const key of ["3", "8", "4"]) await page.getByTestId(`keypad-${key}`).click();
    await expect.poll(() => page.getByTestId("fever-badge").first().getAttribute("data-class")).toBe("fever");
    await screenshot(page, "round-05-fever-entry");
    await page.getByTestId("save-entry").click();

    await page.getByTestId("all-clear").click();
    await page.getByTestId("all-clear-confirm-yes").click();
    // 全員変わりなし is for residents and short-stay guests; day-service users and staff are checked one by one.
    const rest = page.locator('[data-testid^="round-rows-"] [data-testid^="clear-"]');
    while ((await rest.count()) > 0) await rest.first().click();
    await expect.poll(() => page.getByTestId("unchecked-count").getAttribute("data-count")).toBe("0");
    await expect.poll(() => page.getByTestId(`row-${first}`).getAttribute("data-status")).toBe("finding");
    await expect.poll(() => page.getByTestId(`row-${second}`).getAttribute("data-status")).toBe("finding");
    await expect(page.getByTestId(`row-symptom-${first}-vomiting`).isVisible()).resolves.toBe(true);
    await expect(
      page.getByTestId(`row-${second}`).getByTestId("fever-badge").getAttribute("data-class"),
    ).resolves.toBe("fever");
    await screenshot(page, "round-06-floor-done");
  });

  it("keeps the entries on the server: a reload shows the same round", async () => {
    await page.reload();
    await page.getByTestId("unchecked-count").waitFor();
    await expect.poll(() => page.getByTestId("unchecked-count").getAttribute("data-count")).toBe("0");
    const [first, second] = await rowIds();
    await expect(page.getByTestId(`row-${first}`).getAttribute("data-status")).resolves.toBe("finding");
    await expect(
      page.getByTestId(`row-${second}`).getByTestId("fever-badge").getAttribute("data-class"),
    ).resolves.toBe("fever");
  });

  it("opens the 健康調査日報 for the unit and day, laid out for A4", async () => {
    const [first, second] = await rowIds();
    await page.getByTestId("print-link").click();
    await page.getByTestId("daily-report").waitFor();
    await expect(page.getByTestId("daily-report").textContent()).resolves.toMatch(
      /健\s*康\s*調\s*査\s*日\s*報/,
    );
    await expect(page.getByTestId(`report-row-${second}`).textContent()).resolves.toContain("38.4");
    await expect(page.getByTestId(`report-row-${first}`).textContent()).resolves.toMatch(/嘔吐|○|●/);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "round-07-print-view");
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});

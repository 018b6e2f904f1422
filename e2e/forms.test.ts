import { writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// The manual's outbreak forms (付録4② and ③) and the disinfectant calculator (付録5) on the demo: the nurse opens both
// forms on the week of the demo's gastrointestinal cluster on 2F, the counts on screen are the API's, both print as A4
// PDFs (③ landscape); then the calculator makes 0.1% from 5% household bleach for a 500 ml bottle = 10 ml.
let server: StartedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

type WeeklyBody = {
  weekStart: string;
  residents: number;
  rows: { column: string; counts: number[]; total: number }[];
};
type ReportBody = {
  days: string[];
  lines: { personId: string; marks: string[] }[];
  tally: { row: string; kind: string; unitName: string | null; total: number }[];
};

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function signIn(username: string) {
  context = await browser.newContext({
    viewport: { width: 1024, height: 800 },
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(server.url);
  await page.getByTestId("signin-username").fill(username);
  await page.getByTestId("signin-password").fill("mamori-demo");
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("header-user").waitFor();
}

/** A GET through the signed-in page, as the web app makes it. */
async function api<T>(path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, path);
}

function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Screenshots of the screen at a tablet's and a phone's widths, and the print as an A4 PDF. */
async function lookAt(name: string): Promise<Buffer> {
  for (const width of [1024, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1024, height: 800 });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SCREENSHOT_DIR}${name}.pdf`, pdf);
  return pdf;
}

/** The page size of every page of a PDF, as [width, height] in points (A4: 595 × 842). */
function pageSizes(pdf: Buffer): number[][] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
}

let facilityId = "";
let clusterDay = "";

describe("outbreak forms and the disinfectant calculator in the browser", () => {
  it("shows the nurse the weekly trend (付録4②) of the cluster's week with the API's counts, and prints it on A4", async () => {
    await signIn("demo-nurse");
    facilityId = (await api<{ facility: { id: string } }>("/api/facility")).facility.id;
    const alerts = await api<{ alerts: { code: string; day: string }[] }>(
      `/api/facilities/${facilityId}/alerts?lookback=14`,
    );
    clusterDay = alerts.alerts.find((a) => a.code === "NORO_CLUSTER_24H")?.day ?? "";
    expect(clusterDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.getByTestId("nav-forms").click();
    await page.getByTestId("weekly-sheet").waitFor();
    const weekStart = mondayOf(clusterDay);
    await page.getByTestId("week-input").fill(weekStart);
    const sheet = page.getByTestId("weekly-sheet");
    await expect
      .poll(() => page.getByTestId("form-period").textContent())
      .toContain(`${Number(weekStart.slice(5, 7))}月${Number(weekStart.slice(8, 10))}日`);

    const expected = await api<WeeklyBody>(
      `/api/facilities/${facilityId}/forms/weekly?weekStart=${weekStart}`,
    );
    expect(
      expected.rows.find((r) => r.column === "vomiting")!.total +
        expected.rows.find((r) => r.column === "diarrhea")!.total,
    ).toBeGreaterThan(1);
    for (const row of expected.rows) {
      expect(await sheet.getByTestId(`weekly-total-${row.column}`).textContent()).toBe(String(row.total));
      const cells = await sheet.getByTestId(`weekly-row-${row.column}`).locator("td").allTextContents();
      expect(cells.slice(0, 7)).toEqual(row.counts.map(String));
    }
    expect(await sheet.getByTestId("weekly-residents").textContent()).toBe(
      `入所者数：${expected.residents}人`,
    );

    const pdf = await lookAt("forms-01-weekly");
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBe(1);
    expect(sizes[0]).toEqual([595, 842]); // A4 portrait
  });

  it("shows the physician report (付録4③) around the cluster with the API's lines and tally, and prints it on A4 landscape", async () => {
    await page.getByTestId("forms-tab-physician").click();
    await page.getByTestId("physician-sheet").waitFor();
    const from = addDays(clusterDay, -2);
    await page.goto(`${server.url}/forms/physician-report?from=${from}&days=6`);
    const sheet = page.getByTestId("physician-sheet");
    await sheet.waitFor();

    const expected = await api<ReportBody>(
      `/api/facilities/${facilityId}/forms/physician-report?from=${from}&days=6`,
    );
    expect(expected.lines.length).toBeGreaterThan(1);
    expect(await sheet.locator("[data-testid^='physician-line-']").count()).toBe(expected.lines.length);
    for (const line of expected.lines) {
      const cells = await sheet
        .getByTestId(`physician-line-${line.personId}`)
        .locator("td")
        .allTextContents();
      expect(cells.slice(2, 8)).toEqual(line.marks);
    }
    const totals = await sheet.getByTestId("tally-total").allTextContents();
    expect(totals).toEqual(expected.tally.map((row) => `${row.total}人`));
    const twoF = expected.tally.find((row) => row.unitName?.startsWith("2"));
    expect(twoF?.total ?? 0).toBeGreaterThan(0);
    await screenshot(page, "forms-02-physician-screen");

    const pdf = await lookAt("forms-02-physician");
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const size of sizes) expect(size).toEqual([842, 595]); // A4 landscape
  });

  it("computes 0.1% from 5% household bleach for 500 ml = 10 ml, from the episode's deep link", async () => {
    await page.getByTestId("nav-disinfection").click();
    await page.getByTestId("dilution-calculator").waitFor();
    await page.goto(`${server.url}/disinfection?use=vomit`);
    await page.getByTestId("stock-bleach5").check();
    await page.getByTestId("total-ml").fill("500");
    expect(await page.getByTestId("dilution-target").textContent()).toContain("0.1%（1000ppm）");
    expect(await page.getByTestId("result-stock-ml").textContent()).toBe("10ml");
    expect(await page.getByTestId("result-water-ml").textContent()).toBe("490ml");
    expect(await page.getByTestId("result-pet-caps").textContent()).toContain("約2杯");
    expect(await page.getByTestId("alt-objects").textContent()).toContain("0.5%");
    await lookAt("forms-03-disinfection");
  });
});

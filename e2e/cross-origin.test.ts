import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { buildWeb, type StartedServer, startServer } from "./support/server.ts";

// Cross-site request forgery, tried as the tester did: a page served from another port of the same host (same site, so
// the SameSite=Lax cookie travels) makes the signed-in nurse's browser post a CSV of residents to Mamori. The server
// must refuse it, and nothing may be created.
let server: StartedServer;
let browser: Browser;
let page: Page;
let attacker: Server;
let attackerUrl: string;

const FORGED_NAME = "偽造 太郎";
const csv = `name,name_kana,kind,unit,room,baseline_temp_c\n${FORGED_NAME},,入所者,,,\n`;

function attackPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>attack</title>
<form id="form" method="POST" action="${target}/api/people/import" enctype="text/plain" target="sink">
  <input name="${csv.replaceAll('"', "&quot;").replaceAll("\n", "&#10;")}" value="">
</form>
<iframe name="sink"></iframe>
<script>
window.results = {};
fetch(${JSON.stringify(`${target}/api/people/import`)}, {
  method: "POST", mode: "no-cors", credentials: "include",
  headers: { "content-type": "text/plain" }, body: ${JSON.stringify(csv)}
}).then(() => { window.results.fetch = "sent"; }, (e) => { window.results.fetch = String(e); });
fetch(${JSON.stringify(`${target}/api/people/import`)}, {
  method: "POST", credentials: "include",
  headers: { "content-type": "text/csv" }, body: ${JSON.stringify(csv)}
}).then((r) => { window.results.cors = r.status; }, (e) => { window.results.cors = "blocked"; });
document.getElementById("form").submit();
</script>`;
}

beforeAll(async () => {
  buildWeb();
  server = await startServer();
  attacker = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(attackPage(server.url));
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const address = attacker.address();
  attackerUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "ja-JP" })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => attacker?.close(resolve));
});

describe("a page of another origin cannot act with the user's session", () => {
  it("refuses the forged CSV import in every form a page can send it, and creates nobody", async () => {
    await page.goto(server.url);
    await page.getByTestId("signin-username").fill("demo-nurse");
    await page.getByTestId("signin-password").fill("mamori-demo");
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("header-user").waitFor();

    const refused: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/api/people/import")) refused.push(response.status());
    });
    await page.goto(attackerUrl);
    await page.waitForFunction(() => {
      const r = (window as unknown as { results: Record<string, unknown> }).results;
      return r && "fetch" in r && "cors" in r;
    });
    await page.waitForTimeout(1000);
    await screenshot(page, "cross-origin-attack-page");
    // The no-cors fetch and the form reach the server and are refused; the CSV-typed fetch is stopped by the browser
    // at its preflight, which Mamori never grants.
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const status of refused) expect([403, 415]).toContain(status);

    await page.goto(server.url);
    const names = await page.evaluate(async () => {
      const response = await fetch("/api/people", { credentials: "same-origin" });
      const body = (await response.json()) as { people: { name: string }[] };
      return body.people.map((p) => p.name);
    });
    expect(names.length).toBeGreaterThan(10);
    expect(names).not.toContain(FORGED_NAME);
  });
});

import type { Browser, BrowserContext, Page } from "playwright-core";

/**
 * A new tablet-sized browser context whose clock agrees with the server's fixed clock (MAMORI_FIXED_NOW), signed in as a
 * demo user. Page errors fail the journey.
 */
export async function signInAt(
  browser: Browser,
  serverUrl: string,
  username: string,
  now: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 800 },
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  await context.clock.setFixedTime(new Date(now));
  const page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(serverUrl);
  await page.getByTestId("signin-username").fill(username);
  await page.getByTestId("signin-password").fill("mamori-demo");
  await page.getByTestId("signin-submit").click();
  await page.getByTestId("header-user").waitFor();
  return { context, page };
}

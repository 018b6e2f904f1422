import { generate } from "otplib";
import type { Browser, BrowserContext, Page } from "playwright-core";

/**
 * The second factor of a user who has set one up: the Base32 secret of their authenticator app, and how many seconds
 * after the server's fixed clock the app's number is taken (each 30-second step's number signs in once, so a second
 * sign-in at the same fixed clock takes the next step's: `offsetS: 30`).
 */
export type SecondFactor = { secret: string; offsetS?: number };

/** The number an authenticator app shows at `now` plus `offsetS` seconds (RFC 6238, as the server checks it). */
export function totpCodeAt(secret: string, now: string, offsetS = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(new Date(now).getTime() / 1000) + offsetS });
}

/**
 * A new tablet-sized browser context whose clock agrees with the server's fixed clock (MAMORI_FIXED_NOW), signed in as a
 * demo user — with the authenticator app's number when `options.secondFactor` is given. Page errors fail the journey.
 */
export async function signInAt(
  browser: Browser,
  serverUrl: string,
  username: string,
  now: string,
  options: { secondFactor?: SecondFactor; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 800 },
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
  if (options.secondFactor) {
    const { secret, offsetS = 0 } = options.secondFactor;
    await page.getByTestId("second-step-code").fill(await totpCodeAt(secret, now, offsetS));
    await page.getByTestId("second-step-submit").click();
  }
  await page.getByTestId("header-user").waitFor();
  return { context, page };
}

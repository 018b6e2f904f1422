import { createHash } from "node:crypto";
import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Executor } from "../db/database.ts";
import { signInFailures } from "../db/schema/index.ts";

/**
 * Limits on guessing passwords, counted from failed sign-ins stored in the database (so a restart or a second server
 * process does not reset them). A successful sign-in is never counted.
 * - per account: 10 failures in 15 minutes close the account to sign-in until the oldest of them is 15 minutes old,
 *   from every address (10 source addresses no longer give 100 guesses);
 * - per address: 100 failures in 15 minutes, across usernames, close that address (guessing many accounts).
 */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 10, perAddress: 100 } as const;

/** The stored name of an account in the failure log: a digest of the lower-cased username, never the name itself. */
export function accountKey(username: string): string {
  return createHash("sha256").update(username.trim().toLowerCase()).digest("hex");
}

export type SignInBlock = { by: "account" | "address"; retryAfterS: number };

/** Whether this username or address has used up its failures in the window ending `now`. */
export async function signInBlocked(
  db: Executor,
  username: string,
  address: string,
  now: Date,
): Promise<SignInBlock | null> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const retryAfterS = SIGN_IN_LIMITS.windowMinutes * 60;
  const [account] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.accountKey, accountKey(username)), gt(signInFailures.at, since)));
  if ((account?.n ?? 0) >= SIGN_IN_LIMITS.perAccount) return { by: "account", retryAfterS };
  const [fromAddress] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.address, address), gt(signInFailures.at, since)));
  if ((fromAddress?.n ?? 0) >= SIGN_IN_LIMITS.perAddress) return { by: "address", retryAfterS };
  return null;
}

/** Records one failed sign-in, and drops failures too old to count (the table stays small). */
export async function recordSignInFailure(
  db: Executor,
  username: string,
  address: string,
  now: Date,
): Promise<void> {
  await db.insert(signInFailures).values({ at: now, accountKey: accountKey(username), address });
  const expired = new Date(now.getTime() - 24 * 3600_000);
  await db.delete(signInFailures).where(lt(signInFailures.at, expired));
}

import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@mamori/contract/permissions";
import { and, eq, gt, ne } from "drizzle-orm";
import type { Database, Executor } from "../db/database.ts";
import { organisations, sessions, users } from "../db/schema/index.ts";
import { SECOND_STEP_MINUTES, secondFactorRequired } from "./second-factor.ts";
import type { SessionCache } from "./session-cache.ts";

export const SESSION_COOKIE = "mamori_session";
export const SESSION_HOURS = 12;

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: string; facilityType: string | null };
  secondFactor: { enabled: boolean; required: boolean };
  /**
   * How far sign-in has come: `complete`; `second_factor` after the password of a user with a second factor, until the
   * code; `enrolment` for a user who must have a second factor and has none yet. Only `complete` opens the API; the
   * other two open the sign-in steps alone (app.ts).
   */
  stage: SignInStage;
};

export type SignInStage = "complete" | "second_factor" | "enrolment";

/** Ends every session of a user but the one of `keepToken` (after a password change: other devices sign in again). */
export async function closeOtherSessions(db: Executor, userId: string, keepToken: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenDigest, digest(keepToken))));
}

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Opens a session and returns the token for the cookie (256 random bits; only its digest is stored). A session waiting
 * for the second factor lasts minutes, not hours.
 */
export async function openSession(
  db: Executor,
  userId: string,
  now: Date,
  stage: "full" | "second_factor" = "full",
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const lifetimeMs = stage === "full" ? SESSION_HOURS * 3600_000 : SECOND_STEP_MINUTES * 60_000;
  await db.insert(sessions).values({
    tokenDigest: digest(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
    stage,
  });
  return token;
}

export async function closeSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenDigest, digest(token)));
}

/**
 * The user behind a session token, or null when the token is unknown or expired. With a cache, a session looked up in
 * the last seconds is answered from memory (session-cache.ts says when it is emptied).
 */
export async function findSessionUser(
  db: Database,
  token: string,
  now: Date,
  cache?: SessionCache,
): Promise<SessionUser | null> {
  const tokenDigest = digest(token);
  const cached = cache?.get(tokenDigest, now);
  if (cached) return cached;
  const ticket = cache?.ticket() ?? 0;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      facilityType: organisations.facilityType,
      requireSecondFactor: organisations.requireSecondFactor,
      totpEnabledAt: users.totpEnabledAt,
      stage: sessions.stage,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.tokenDigest, tokenDigest), gt(sessions.expiresAt, now)));
  if (!row) return null;
  const enabled = row.totpEnabledAt !== null;
  const required = secondFactorRequired(row.role, row.requireSecondFactor);
  const user: SessionUser = {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisation: {
      id: row.organisationId,
      name: row.organisationName,
      kind: row.organisationKind,
      facilityType: row.facilityType,
    },
    secondFactor: { enabled, required },
    // Decided on every request, so a second factor reset by an administrator or an organisation that starts requiring
    // it leads the user to enrol at once.
    stage: row.stage === "second_factor" ? "second_factor" : required && !enabled ? "enrolment" : "complete",
  };
  cache?.set(ticket, tokenDigest, user, row.expiresAt);
  return user;
}

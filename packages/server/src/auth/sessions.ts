import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, ne } from "drizzle-orm";
import type { Database, Executor } from "../db/database.ts";
import { organisations, sessions, users } from "../db/schema/index.ts";
import type { Role } from "./roles.ts";

export const SESSION_COOKIE = "mamori_session";
export const SESSION_HOURS = 12;

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: string };
};

/** Ends every session of a user but the one of `keepToken` (after a password change: other devices sign in again). */
export async function closeOtherSessions(db: Executor, userId: string, keepToken: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenDigest, digest(keepToken))));
}

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Opens a session and returns the token for the cookie (256 random bits; only its digest is stored). */
export async function openSession(db: Database, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    tokenDigest: digest(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
  });
  return token;
}

export async function closeSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenDigest, digest(token)));
}

/** The user behind a session token, or null when the token is unknown or expired. */
export async function findSessionUser(db: Database, token: string, now: Date): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.tokenDigest, digest(token)), gt(sessions.expiresAt, now)));
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisation: { id: row.organisationId, name: row.organisationName, kind: row.organisationKind },
  };
}

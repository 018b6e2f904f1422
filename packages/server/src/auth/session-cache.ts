import type { SessionUser } from "./sessions.ts";

/** How long a looked-up session is trusted without asking the database again. */
export const SESSION_CACHE_TTL_MS = 10_000;

/**
 * The routes whose writes can change who a session belongs to or what it may do: signing in and out, passwords, the
 * second factor, accounts (role, password, disabling) and the organisation's settings (requiring a second factor). A
 * successful write to any of them empties the cache, after its transaction has committed.
 */
const ACCOUNT_ROUTE_PREFIXES = ["/api/auth", "/api/users", "/api/facility"];

type Entry = { user: SessionUser; expiresAtMs: number; cachedAtMs: number };

/**
 * Remembers the user behind each session token for a few seconds, so a signed-in device's stream of writes does not
 * pay a database round trip per request for its session. One per app (per process): an account write through this app
 * empties it at once (`clearAfterWrite`); a change made elsewhere (another process, the CLI, by hand in the database)
 * is seen after at most `ttlMs`. Keyed by the token's digest, never the token.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped on every clear: a lookup that began before a clear does not store what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
    private readonly monotonicMs: () => number = () => performance.now(),
  ) {}

  /** The cached user of a token digest, unless the entry is older than the TTL or the session expired by `now`. */
  get(tokenDigest: string, now: Date): SessionUser | null {
    const entry = this.entries.get(tokenDigest);
    if (!entry) return null;
    if (this.monotonicMs() - entry.cachedAtMs > this.ttlMs || now.getTime() >= entry.expiresAtMs) {
      this.entries.delete(tokenDigest);
      return null;
    }
    return entry.user;
  }

  /** A ticket to take before reading the database: `set` ignores it if the cache was cleared meanwhile. */
  ticket(): number {
    return this.generation;
  }

  set(ticket: number, tokenDigest: string, user: SessionUser, expiresAt: Date): void {
    if (ticket !== this.generation) return;
    // Bounded: a flood of distinct tokens (all valid, so all signed in) cannot grow it without end.
    if (this.entries.size >= 50_000) this.entries.clear();
    this.entries.set(tokenDigest, { user, expiresAtMs: expiresAt.getTime(), cachedAtMs: this.monotonicMs() });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Empties the cache after a successful write to a route that can change sessions or accounts. */
  clearAfterWrite(method: string, routeUrl: string | undefined, status: number): void {
    if (method === "GET" || method === "HEAD" || method === "OPTIONS" || status >= 400 || !routeUrl) return;
    if (ACCOUNT_ROUTE_PREFIXES.some((prefix) => routeUrl === prefix || routeUrl.startsWith(`${prefix}/`)))
      this.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { Config, PostgresSettings } from "../config.ts";
import { classifyDatabaseError } from "../http/database-errors.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import type { Database } from "./database.ts";
import * as schema from "./schema/index.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export type Connection = {
  db: Database;
  close: () => Promise<void>;
  /** Whether the database answers, and whether it accepts writes (a read-only server or a standby does not). */
  probe: () => Promise<{ reachable: boolean; writable: boolean }>;
};

export type ConnectEvents = {
  /** A failed attempt to reach a PostgreSQL server at start-up, before the next try. */
  onRetry?: (attempt: number, of: number, reason: string, waitMs: number) => void;
  /** A connection of the pool broke while idle (server restarted, backend terminated); the pool replaces it. */
  onIdleConnectionError?: (error: Error) => void;
};

/**
 * Opens the configured database and applies pending migrations (forward only). The embedded database is locked for the
 * life of the connection. A PostgreSQL server that cannot be reached yet is tried again with a growing pause, up to
 * its `connectAttempts`; then the last error is thrown as a DatabaseUnreachableError with a plain message.
 */
export async function connect(database: DatabaseTarget, events: ConnectEvents = {}): Promise<Connection> {
  if (database.kind === "postgres") return connectPostgres(fillDefaults(database), events);
  const release = lockDataDir(database.dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create(database.dataDir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Database,
      close: async () => {
        await client.close();
        release();
      },
      probe: async () => {
        try {
          await client.query("select 1");
          return { reachable: true, writable: true };
        } catch {
          return { reachable: false, writable: false };
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Where to connect: the configured database, or a PostgreSQL URL with the defaults for the rest. */
export type DatabaseTarget =
  | Exclude<Config["database"], PostgresSettings>
  | (Partial<PostgresSettings> & { kind: "postgres"; url: string });

/** The database could not be reached at start-up; the message names where and why, without the password. */
export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnreachableError";
  }
}

function fillDefaults(database: Partial<PostgresSettings> & { url: string }): PostgresSettings {
  // Tests, benchmarks and the CLI tools try once; `mamori start` passes its configured attempts.
  return { poolSize: 20, statementTimeoutMs: 30_000, connectAttempts: 1, ...database, kind: "postgres" };
}

async function connectPostgres(settings: PostgresSettings, events: ConnectEvents): Promise<Connection> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    // A request waits at most this long for a connection when the server is away, then gets a 503.
    connectionTimeoutMillis: 5_000,
    statement_timeout: settings.statementTimeoutMs,
  });
  // Without a listener an idle connection that breaks (pg_terminate_backend, a restart) would end the process.
  pool.on("error", (error) => events.onIdleConnectionError?.(error));
  // The pool listens only while a connection is idle: one that breaks while checked out, between two statements of a
  // transaction, would emit an error nobody hears and end the process. The statement then fails (503) and the pool
  // drops the connection when it comes back.
  pool.on("connect", (client) => client.on("error", () => {}));

  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect();
      client.release();
      break;
    } catch (error) {
      const reason = describeConnectError(error);
      if (attempt >= settings.connectAttempts || classifyDatabaseError(error) !== "unavailable") {
        await pool.end().catch(() => {});
        throw new DatabaseUnreachableError(
          `PostgreSQL at ${where(settings.url)} cannot be reached: ${reason}`,
        );
      }
      const waitMs = Math.min(10_000, 500 * 2 ** (attempt - 1));
      events.onRetry?.(attempt, settings.connectAttempts, reason, waitMs);
      await sleep(waitMs);
    }
  }
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Database,
    close: () => pool.end(),
    probe: async () => {
      try {
        const { rows } = await pool.query<{ read_only: string; in_recovery: boolean }>(
          "select current_setting('transaction_read_only') as read_only, pg_is_in_recovery() as in_recovery",
        );
        const row = rows[0];
        return { reachable: true, writable: row?.read_only === "off" && row.in_recovery === false };
      } catch {
        return { reachable: false, writable: false };
      }
    },
  };
}

/** host:port/database of a connection URL, never its password. */
function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "the configured address";
  }
}

function describeConnectError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(" ") || String(error);
}

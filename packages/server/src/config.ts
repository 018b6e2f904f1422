import { resolve } from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["silent", "fatal", "error", "warn", "info", "debug"] as const;

/** Environment settings, parsed once at start-up; a bad value stops the server with the variable's name. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Loopback unless told otherwise: the demo's accounts have a published password.
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  MAMORI_DATA_DIR: z.string().default("./data"),
  MAMORI_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  MAMORI_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  MAMORI_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  MAMORI_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  MAMORI_DB_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(30),
  /** The key sealing the second-factor secrets at rest (auth/secret-key.ts): 32 bytes in base64. */
  MAMORI_SECRET_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  NODE_ENV: z.string().default("development"),
  /** For browser journeys only: the server's "now" is this instant (ISO with offset), fixed; refused in production. */
  MAMORI_FIXED_NOW: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.iso.datetime({ offset: true, error: "expected an ISO 8601 time with offset" }).optional(),
  ),
});

export type PostgresSettings = {
  kind: "postgres";
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** How many times start-up tries to reach the server before it gives up. */
  connectAttempts: number;
};

export type Config = {
  port: number;
  host: string;
  database: PostgresSettings | { kind: "pglite"; dataDir: string };
  secureCookies: boolean;
  logLevel: Exclude<(typeof LOG_LEVELS)[number], "silent"> | false;
  /** A fixed "now" for tests (MAMORI_FIXED_NOW); null: the wall clock. */
  fixedNow: Date | null;
  /** MAMORI_SECRET_KEY as given (checked when the database is open), or null. */
  secretKey: string | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.MAMORI_FIXED_NOW && e.NODE_ENV === "production")
    throw new Error("environment variable MAMORI_FIXED_NOW: a fixed clock is for tests, never in production");
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: "postgres",
          url: e.DATABASE_URL,
          poolSize: e.MAMORI_DB_POOL_SIZE,
          statementTimeoutMs: e.MAMORI_STATEMENT_TIMEOUT_MS,
          connectAttempts: e.MAMORI_DB_CONNECT_ATTEMPTS,
        }
      : { kind: "pglite", dataDir: resolve(e.MAMORI_DATA_DIR) },
    secureCookies: e.MAMORI_SECURE_COOKIES ? e.MAMORI_SECURE_COOKIES === "true" : e.NODE_ENV === "production",
    logLevel: e.MAMORI_LOG_LEVEL === "silent" ? false : e.MAMORI_LOG_LEVEL,
    fixedNow: e.MAMORI_FIXED_NOW ? new Date(e.MAMORI_FIXED_NOW) : null,
    secretKey: e.MAMORI_SECRET_KEY ?? null,
  };
}

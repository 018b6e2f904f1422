import { resolve } from "node:path";
import { z } from "zod";

/** Environment settings, parsed once at start-up; a bad value stops the server with the variable's name. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  MAMORI_DATA_DIR: z.string().default("./data"),
  MAMORI_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  NODE_ENV: z.string().default("development"),
  /** For browser journeys only: the server's "now" is this instant (ISO with offset), fixed; refused in production. */
  MAMORI_FIXED_NOW: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.iso.datetime({ offset: true, error: "expected an ISO 8601 time with offset" }).optional(),
  ),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  secureCookies: boolean;
  /** A fixed "now" for tests (MAMORI_FIXED_NOW); null: the wall clock. */
  fixedNow: Date | null;
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
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: resolve(e.MAMORI_DATA_DIR) },
    secureCookies: e.MAMORI_SECURE_COOKIES ? e.MAMORI_SECURE_COOKIES === "true" : e.NODE_ENV === "production",
    fixedNow: e.MAMORI_FIXED_NOW ? new Date(e.MAMORI_FIXED_NOW) : null,
  };
}

import { readFileSync } from "node:fs";
import { inject } from "vitest";
import type { Database } from "../db/database.ts";
import * as schema from "../db/schema/index.ts";

/**
 * The database of one test file: a PGlite loaded from the migrated template, or a pool on the PostgreSQL server of
 * DATABASE_URL. Tests share it and stay apart by making their own facility with random ids.
 */
export async function openTestDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (process.env.MAMORI_TEST_DB === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("the server-postgres tests need DATABASE_URL");
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({ connectionString: url, max: 5 });
    return { db: drizzle(pool, { schema }) as unknown as Database, close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const template = readFileSync(inject("pgliteTemplate"));
  const client = await PGlite.create({ loadDataDir: new Blob([template]) });
  return { db: drizzle(client, { schema }) as unknown as Database, close: () => client.close() };
}

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../app.ts";
import type { Database } from "../db/database.ts";
import { openTestDatabase } from "./test-database.ts";

/**
 * The app of one test file, running in process on the file's test database. Call at the top of a file; the returned
 * object is filled in before the first test runs.
 */
export function useTestApp(options: { clock?: () => Date } = {}): { app: FastifyInstance; db: Database } {
  const context = {} as { app: FastifyInstance; db: Database };
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase();
    close = opened.close;
    context.db = opened.db;
    context.app = await buildApp({ db: opened.db, ...(options.clock ? { clock: options.clock } : {}) });
  });
  afterAll(async () => {
    await context.app?.close();
    await close?.();
  });
  return context;
}

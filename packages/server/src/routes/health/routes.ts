import { healthResponse } from "@mamori/contract/health";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../../db/database.ts";

export type DatabaseProbe = () => Promise<{ reachable: boolean; writable: boolean }>;

/**
 * `GET /api/health`: 200 when the database answers and accepts writes; 503 saying which when it cannot be reached or
 * accepts no writes, so a load balancer or a monitor sees the real state.
 */
export const healthRoutes =
  (db: Database, probe?: DatabaseProbe): FastifyPluginAsyncZod =>
  async (app) => {
    const check = probe ?? (() => selectOne(db));
    app.get(
      "/health",
      { schema: { response: { 200: healthResponse, 503: healthResponse } } },
      async (_request, reply) => {
        const { reachable, writable } = await check();
        if (!reachable) return reply.status(503).send({ status: "unavailable", database: "unreachable" });
        if (!writable) return reply.status(503).send({ status: "read_only", database: "read_only" });
        return { status: "ok" as const, database: "ok" as const };
      },
    );
  };

async function selectOne(db: Database): Promise<{ reachable: boolean; writable: boolean }> {
  try {
    await db.execute(sql`select 1`);
    return { reachable: true, writable: true };
  } catch {
    return { reachable: false, writable: false };
  }
}

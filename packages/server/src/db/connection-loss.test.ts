import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import {
  freePort,
  type PrivatePostgres,
  postgresBin,
  startPrivatePostgres,
} from "../test/private-postgres.ts";
import { makeFacility, signIn } from "../test/test-facility.ts";
import { connect, DatabaseUnreachableError } from "./connect.ts";

// A database that goes away must never take the server with it (issue: one dropped connection killed the process).
// The PostgreSQL cases need the server binaries; they run in the PostgreSQL project, which CI always runs.
const onPostgres = process.env.MAMORI_TEST_DB === "postgres";
const mamori = fileURLToPath(new URL("../../bin/mamori.mjs", import.meta.url));
const run = promisify(execFile);

describe("start-up while PostgreSQL cannot be reached", () => {
  it("retries, then says where and why in one line and exits 1 — no stack trace", async () => {
    const port = await freePort();
    const failure = await run(process.execPath, [mamori, "start"], {
      env: {
        ...process.env,
        DATABASE_URL: `postgres://mamori:secret@127.0.0.1:${port}/mamori`,
        MAMORI_DB_CONNECT_ATTEMPTS: "2",
        PORT: String(await freePort()),
      },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/cannot be reached .*ECONNREFUSED.*trying again in 0\.5 s \(1 of 2\)/);
    expect(failure.stderr).toMatch(
      new RegExp(`PostgreSQL at 127\\.0\\.0\\.1:${port}/mamori cannot be reached`),
    );
    expect(failure.stderr).not.toMatch(/secret|\n\s+at /);
  });

  it("connect() throws a DatabaseUnreachableError after its attempts", async () => {
    const port = await freePort();
    await expect(
      connect({ kind: "postgres", url: `postgres://x@127.0.0.1:${port}/x`, connectAttempts: 1 }),
    ).rejects.toBeInstanceOf(DatabaseUnreachableError);
  });
});

describe.runIf(onPostgres)("PostgreSQL connections lost while serving", () => {
  let pg: PrivatePostgres;
  beforeAll(async () => {
    if (!postgresBin())
      throw new Error("the PostgreSQL tests need the server binaries: apt-get install postgresql");
    pg = await startPrivatePostgres();
  }, 120_000);
  afterAll(() => pg?.destroy());

  it("survives a connection terminated between two statements of a transaction", async () => {
    const connection = await connect({ kind: "postgres", url: pg.url, poolSize: 2 });
    try {
      const { default: pgDriver } = await import("pg");
      const { sql } = await import("drizzle-orm");
      const failed = connection.db.transaction(async (tx) => {
        const result = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
          rows: { pid: number }[];
        };
        const admin = new pgDriver.Client({ connectionString: pg.url });
        await admin.connect();
        await admin.query("select pg_terminate_backend($1)", [result.rows[0]!.pid]);
        await admin.end();
        // The connection breaks while this transaction holds it and no statement is running.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.execute(sql`select 1`);
      });
      await expect(failed).rejects.toThrow();
      expect((await connection.probe()).reachable).toBe(true);
    } finally {
      await connection.close();
    }
  }, 60_000);

  it("survives idle connections terminated by the server, answers 503 while it is stopped, and recovers by itself", async () => {
    const lost: Error[] = [];
    const connection = await connect(
      { kind: "postgres", url: pg.url, poolSize: 4 },
      { onIdleConnectionError: (error) => lost.push(error) },
    );
    const app = await buildApp({ db: connection.db, probe: connection.probe });
    try {
      const f = await makeFacility(connection.db, { roles: ["nurse"] });
      const cookie = await signIn(app, f.usernames.nurse!);
      const list = () => app.inject({ method: "GET", url: "/api/people", headers: { cookie } });
      // Open several pooled connections so some sit idle.
      await Promise.all([list(), list(), list()]);

      const { default: pgDriver } = await import("pg");
      const admin = new pgDriver.Client({ connectionString: pg.url });
      await admin.connect();
      const { rowCount } = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where state = 'idle' and pid <> pg_backend_pid() and datname = current_database()",
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(lost.length).toBeGreaterThan(0);
      expect((await list()).statusCode).toBe(200);

      pg.stop();
      const whileDown = await list();
      expect(whileDown.statusCode).toBe(503);
      expect(whileDown.json().error.id).toBe("database_unavailable");
      expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(503);
      const write = await app.inject({
        method: "POST",
        url: "/api/observations",
        headers: { cookie },
        payload: {
          observations: [
            { id: randomUUID(), personId: f.people[0]!.id, at: new Date().toISOString(), symptoms: [] },
          ],
        },
      });
      expect(write.statusCode).toBe(503);

      pg.start();
      expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
      expect((await list()).statusCode).toBe(200);
    } finally {
      await app.close();
      await connection.close();
    }
  }, 120_000);
});

import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../../packages/server/src/app.ts";
import { hashPassword } from "../../packages/server/src/auth/password.ts";
import { connect } from "../../packages/server/src/db/connect.ts";
import { organisations, users } from "../../packages/server/src/db/schema/index.ts";
import { insertSyntheticResponses } from "../../packages/server/src/routes/survey/synthetic-responses.ts";

/**
 * The survey secretariat's overview benchmark (issue 12): `GET /api/survey/secretariat/overview` over 10,000 submitted
 * responses in an embedded database (PGlite) through the real schema and migrations. Server time is each request
 * through the whole app in process (session cookie, authorisation, the grouped scan, suppression, JSON), without the
 * network. Target: p95 under 200 ms. Run: `npm run bench:survey` (BENCH_RESPONSES, BENCH_RUNS to change the size).
 */
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const PASSWORD = "mamori-bench-password";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const dataDir = mkdtempSync(join(tmpdir(), "mamori-bench-survey-"));
const connection = await connect({ kind: "pglite", dataDir });
try {
  const now = new Date("2026-03-31T09:00:00+09:00");
  const [secretariat] = await connection.db
    .insert(organisations)
    .values({ kind: "secretariat", name: "事務局", requireSecondFactor: false })
    .returning();
  const [user] = await connection.db
    .insert(users)
    .values({
      organisationId: secretariat!.id,
      username: "bench-secretariat",
      displayName: "事務局",
      role: "secretariat",
      passwordHash: await hashPassword(PASSWORD),
    })
    .returning();
  const loadStart = performance.now();
  const stored = await insertSyntheticResponses(connection.db, {
    count: RESPONSES,
    seed: 12,
    createdBy: user!.id,
    now,
  });
  console.log(
    `${stored} submitted responses stored in ${((performance.now() - loadStart) / 1000).toFixed(1)} s (PGlite)`,
  );
  // What autovacuum does after a bulk load on a PostgreSQL server: statistics and the visibility map, which lets the
  // overview read its covering index alone.
  await connection.db.execute(sql`vacuum analyze survey_responses`);
  const app = await buildApp({ db: connection.db, clock: () => now });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "bench-secretariat", password: PASSWORD },
  });
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  const times: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const start = performance.now();
    const response = await app.inject({
      method: "GET",
      url: "/api/survey/secretariat/overview",
      headers: { cookie },
    });
    const elapsed = performance.now() - start;
    if (response.statusCode !== 200) throw new Error(`overview: ${response.statusCode} ${response.body}`);
    if (run === 0) {
      const body = response.json();
      const suppressed = Object.values(
        body.dimensions as Record<string, { cells: { suppressed: boolean }[] }>,
      )
        .flatMap((d) => d.cells)
        .filter((c) => c.suppressed).length;
      console.log(`overview: ${body.total} responses, ${body.creTotal} CRE, ${suppressed} cells suppressed`);
    }
    if (run >= WARMUP) times.push(elapsed);
  }
  const exportStart = performance.now();
  const csv = await app.inject({
    method: "GET",
    url: "/api/survey/secretariat/export?format=csv",
    headers: { cookie },
  });
  console.log(
    `CSV export: ${(csv.body.length / 1024 / 1024).toFixed(1)} MB in ${(performance.now() - exportStart).toFixed(0)} ms`,
  );
  const p95 = percentile(times, 95);
  console.log(
    `overview p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms ` +
      `over ${RUNS} requests; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  console.log(p95 < 200 ? "target (p95 < 200 ms): met" : "target (p95 < 200 ms): NOT met");
  await app.close();
} finally {
  await connection.close();
  rmSync(dataDir, { recursive: true, force: true });
}

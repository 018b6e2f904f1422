import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../../packages/server/src/app.ts";
import { connect } from "../../packages/server/src/db/connect.ts";
import { storeRulesFacility } from "../rules/store-facility.ts";

/**
 * The surveillance home benchmark (issue 10): the three calls the home of the nurse, the lead and the director makes —
 * the alerts of 7 days, the line list and the 28-day epidemic curve — for a 100-person facility with a year of rounds
 * (the facility of `bench/rules`, stored in an embedded database through the real schema and migrations). Server time
 * is the time of each request through the whole app in process (sign-in cookie, validation, queries, domain, response
 * schema), without the network. Each run times `BENCH_REQUESTS` homes (30); the p95 of each call per run is printed, then
 * the median of the runs' p95 (`BENCH_RUNS`, 3 by default) with the CPU time per home and the load average. Target: p95
 * under 100 ms per call. Run: `npm run bench:home`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const WARMUP = 3;
const PASSWORD = "mamori-bench-password";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const dataDir = mkdtempSync(join(tmpdir(), "mamori-bench-home-"));
const connection = await connect({ kind: "pglite", dataDir });
try {
  const stored = await storeRulesFacility(connection.db, PASSWORD);
  const asOf = new Date(String(stored.scenario.asOf));
  const app = await buildApp({ db: connection.db, clock: () => asOf });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: stored.username, password: PASSWORD },
  });
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  console.log(
    `facility: ${stored.scenario.people.length} people, ${stored.observations} observations over 365 days, ` +
      `${stored.cases} recorded cases, as of ${asOf.toISOString()} (embedded PostgreSQL, PGlite)`,
  );
  const base = `/api/facilities/${stored.facilityId}`;
  const calls = {
    alerts: `${base}/alerts?lookback=7`,
    "line-list": `${base}/line-list`,
    "epidemic-curve": `${base}/epidemic-curve?days=28`,
  };
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const home = async () => {
    const elapsed: Record<string, number> = {};
    for (const [name, url] of Object.entries(calls)) {
      const start = performance.now();
      const response = await app.inject({ method: "GET", url, headers: { cookie } });
      elapsed[name] = performance.now() - start;
      if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
    }
    return elapsed;
  };
  // Warm-up: the first requests build the kept onsets of the facility (stored without the write path), compile the
  // queries and the JIT.
  for (let i = 0; i < WARMUP; i++) await home();
  const lineList = await app.inject({ method: "GET", url: calls["line-list"], headers: { cookie } });
  console.log(`line list: ${lineList.json().entries.length} current cases`);

  const perRun: { p95: Record<string, number>; home: number; cpu: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
    const homeTimes: number[] = [];
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) {
      const elapsed = await home();
      for (const [name, ms] of Object.entries(elapsed)) times[name]!.push(ms);
      homeTimes.push(Object.values(elapsed).reduce((sum, ms) => sum + ms, 0));
    }
    const cpu = process.cpuUsage(cpuStart);
    const p95 = Object.fromEntries(
      Object.entries(times).map(([name, values]) => [name, percentile(values, 95)]),
    );
    perRun.push({ p95, home: percentile(homeTimes, 50), cpu: (cpu.user + cpu.system) / 1000 / REQUESTS });
    console.log(
      `run ${run}: ${Object.entries(times)
        .map(
          ([name, values]) =>
            `${name} p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`,
        )
        .join("; ")} (${REQUESTS} homes); whole home p50 ${percentile(homeTimes, 50).toFixed(1)} ms; ` +
        `CPU ${perRun[run - 1]!.cpu.toFixed(1)} ms per home; load average ${loadavg()[0]!.toFixed(1)}`,
    );
  }
  const medians = Object.fromEntries(
    Object.keys(calls).map((name) => [name, median(perRun.map((r) => r.p95[name]!))]),
  );
  console.log(
    `median of ${RUNS} runs: ${Object.entries(medians)
      .map(([name, ms]) => `${name} p95 ${ms.toFixed(1)} ms`)
      .join(", ")}; whole home p50 ${median(perRun.map((r) => r.home)).toFixed(1)} ms; ` +
      `CPU ${median(perRun.map((r) => r.cpu)).toFixed(1)} ms per home (3 calls); ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const worst = Math.max(...Object.values(medians));
  console.log(
    worst < 100 ? "target (p95 < 100 ms per call): met" : "target (p95 < 100 ms per call): NOT met",
  );
  await app.close();
} finally {
  await connection.close();
  rmSync(dataDir, { recursive: true, force: true });
}

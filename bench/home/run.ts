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
 * schema), without the network. Target: p95 under 100 ms per call. Run: `npm run bench:home`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
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
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
  const homeTimes: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let run = 0; run < WARMUP + RUNS; run++) {
    let home = 0;
    for (const [name, url] of Object.entries(calls)) {
      const start = performance.now();
      const response = await app.inject({ method: "GET", url, headers: { cookie } });
      const elapsed = performance.now() - start;
      if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
      if (run === 0 && name === "line-list")
        console.log(`line list: ${response.json().entries.length} current cases`);
      home += elapsed;
      if (run >= WARMUP) times[name]!.push(elapsed);
    }
    if (run >= WARMUP) homeTimes.push(home);
  }
  const cpu = process.cpuUsage(cpuStart);
  for (const [name, values] of Object.entries(times)) {
    console.log(
      `${name.padEnd(15)} p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, ` +
        `max ${Math.max(...values).toFixed(1)} ms over ${RUNS} requests`,
    );
  }
  console.log(
    `whole home (3 calls) p50 ${percentile(homeTimes, 50).toFixed(1)} ms, p95 ${percentile(homeTimes, 95).toFixed(1)} ms; ` +
      `CPU ${((cpu.user + cpu.system) / 1000 / (WARMUP + RUNS)).toFixed(1)} ms per home; ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const worst = Math.max(...Object.values(times).map((values) => percentile(values, 95)));
  console.log(
    worst < 100 ? "target (p95 < 100 ms per call): met" : "target (p95 < 100 ms per call): NOT met",
  );
  await app.close();
} finally {
  await connection.close();
  rmSync(dataDir, { recursive: true, force: true });
}

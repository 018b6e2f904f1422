/**
 * `npm run bench:api` — observation batches through the API of a real `mamori start` process, signed in and audited,
 * at 50 concurrent clients, on PostgreSQL and on the embedded PGlite. See bench/README.md for what is measured.
 *
 *   npm run bench:api                                # PGlite, plus PostgreSQL when DATABASE_URL is set
 *   npm run bench:api -- --start-postgres            # PGlite, plus a throwaway PostgreSQL of the benchmark's own
 *   npm run bench:api -- --only postgres --start-postgres --runs 5 --duration 15
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Result } from "autocannon";
import { connect } from "../../packages/server/src/db/connect.ts";
import type { Database } from "../../packages/server/src/db/database.ts";
import { BENCH_PASSWORD, type BenchFacility, countStored, createBenchFacility } from "./bench-facility.ts";
import {
  type CpuShares,
  describeCpu,
  postmasterPid,
  startCpuMeter,
  waitForQuietMachine,
} from "./cpu-meter.ts";
import { ObservationLoad, signInAll, windowFigures } from "./load.ts";
import { startThrowawayPostgres } from "./postgres.ts";
import { type ServerDatabase, startServer } from "./server-process.ts";

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "15" },
    warmup: { type: "string", default: "5" },
    settle: { type: "string", default: "3" },
    runs: { type: "string", default: "3" },
    "max-batch": { type: "string", default: "5" },
    people: { type: "string", default: "50" },
    facilities: { type: "string", default: "1" },
    only: { type: "string" },
    "start-postgres": { type: "boolean", default: false },
    "quiet-cores": { type: "string", default: "0.5" },
    "max-wait": { type: "string", default: "120" },
  },
});
const connections = Number(args.connections);
const durationS = Number(args.duration);
const warmupS = Number(args.warmup);
const settleS = Number(args.settle);
const runs = Number(args.runs);
const maxBatch = Number(args["max-batch"]);
const peopleCount = Number(args.people);
/** The care workers are shared out among this many facilities, each with `peopleCount` residents (default one). */
const facilityCount = Number(args.facilities);
const quietCores = Number(args["quiet-cores"]);
const maxWaitS = Number(args["max-wait"]);

type RunFigures = {
  reqPerS: number;
  obsPerS: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  cpu: CpuShares;
};
type BackendReport = {
  backend: "postgres" | "pglite";
  runs: RunFigures[];
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  failures: Map<string, number>;
  observationsBuilt: number;
  rows: number;
  auditCreates: number;
  verified: boolean;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function benchBackend(
  backend: "postgres" | "pglite",
  database: ServerDatabase,
  postgresDataDir?: string,
): Promise<BackendReport> {
  console.log(`\n== ${backend} ==`);
  // Set up before the server starts: the embedded database admits one process at a time.
  const setup = await connect(database);
  const facilities: BenchFacility[] = [];
  for (let i = 0; i < facilityCount; i++)
    facilities.push(
      await createBenchFacility(setup.db, {
        peopleCount,
        userCount: Math.floor(connections / facilityCount) + (i < connections % facilityCount ? 1 : 0),
      }),
    );
  if (database.kind === "pglite") await setup.close();
  for (const f of facilities)
    console.log(`facility ${f.facilityId}: ${peopleCount} residents, ${f.usernames.length} care workers`);

  const server = await startServer({ database });
  console.log(
    `mamori start (pid ${server.pid}) ready after ${fmt(server.firstHealthMs)} ms on ${server.url}`,
  );
  const report: BackendReport = {
    backend,
    runs: [],
    requests: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    failures: new Map(),
    observationsBuilt: 0,
    rows: 0,
    auditCreates: 0,
    verified: false,
  };
  let stopped = false;
  try {
    const clients = (
      await Promise.all(
        facilities.map(async (f) =>
          (
            await signInAll(server.url, f.usernames, BENCH_PASSWORD)
          ).map((c) => ({ ...c, personIds: f.personIds })),
        ),
      )
    ).flat();
    console.log(`${clients.length} care workers signed in (one session cookie per connection)`);
    const load = new ObservationLoad(server.url, clients, maxBatch);

    const account = (result: Result) => {
      report.requests += result["2xx"] + result.non2xx;
      report.non2xx += result.non2xx;
      report.errors += result.errors;
      report.timeouts += result.timeouts;
    };
    const warm = await load.run(connections, warmupS);
    account(warm);
    console.log(`warm-up ${warmupS} s: ${fmt(warm["2xx"] / warm.duration)} req/s (not counted)`);
    for (let i = 1; i <= runs; i++) {
      if (maxWaitS > 0) {
        const quiet = await waitForQuietMachine(quietCores, maxWaitS);
        console.log(
          `machine before run ${i}: ${quiet.busyCores?.toFixed(2) ?? "?"} cores busy with other work` +
            (quiet.waitedS > 3 ? ` (waited ${quiet.waitedS} s for it to calm down)` : ""),
        );
      }
      server.assertRunning();
      // The CPU meter covers the measured window only: from `settle` seconds in to the end of the run.
      let meter: (() => CpuShares) | null = null;
      const meterStart = setTimeout(() => {
        meter = startCpuMeter({
          server: server.pid,
          postmaster: postgresDataDir ? postmasterPid(postgresDataDir) : null,
        });
      }, settleS * 1000);
      const result = await load.run(connections, settleS + durationS);
      clearTimeout(meterStart);
      const cpu = (meter as (() => CpuShares) | null)?.() ?? null;
      server.assertRunning();
      account(result);
      const w = windowFigures(load.answers, settleS, settleS + durationS);
      if (!cpu) throw new Error("the run ended before its measured window began");
      const f: RunFigures = { ...w, cpu };
      report.runs.push(f);
      console.log(
        `run ${i}/${runs}: ${fmt(f.reqPerS)} req/s (${fmt(f.obsPerS)} observations/s), latency p50 ${fmt(f.p50)} ms, ` +
          `p90 ${fmt(f.p90)} ms, p95 ${fmt(f.p95)} ms, p99 ${fmt(f.p99)} ms, max ${fmt(f.max)} ms; non-2xx ${result.non2xx}, ` +
          `errors ${result.errors}, timeouts ${result.timeouts}; ${describeCpu(cpu)}`,
      );
      console.log(
        `  with the first ${settleS} s (50 new connections) included, as autocannon counts: ` +
          `${fmt(result["2xx"] / result.duration)} req/s, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      );
    }

    server.assertRunning();
    const resent = await load.resendOutstanding();
    console.log(
      `resent ${resent.batches} batches cut off when runs stopped: ${resent.saved} saved, ` +
        `${resent.duplicates} already stored`,
    );
    report.failures = load.failures;
    for (const sample of load.failureSamples) console.log(`  failure: ${sample}`);
    report.observationsBuilt = load.observationsBuilt;

    let stored: { observations: number; auditCreates: number };
    if (database.kind === "pglite") {
      // Counted after a clean shutdown, from the data directory the server wrote.
      await server.stop();
      stopped = true;
      const check = await connect(database);
      stored = await countStoredIn(check.db, facilities);
      await check.close();
    } else {
      stored = await countStoredIn(setup.db, facilities);
    }
    report.rows = stored.observations;
    report.auditCreates = stored.auditCreates;
    report.verified =
      load.failures.size === 0 &&
      report.non2xx === 0 &&
      report.errors === 0 &&
      report.timeouts === 0 &&
      load.outstanding.size === 0 &&
      stored.observations === load.observationsBuilt &&
      stored.auditCreates === load.observationsBuilt;
    console.log(
      `verification: ${fmt(load.observationsBuilt)} observations sent, ${fmt(stored.observations)} rows stored, ` +
        `${fmt(stored.auditCreates)} audit entries, ${report.non2xx} non-2xx, ${report.errors} errors ` +
        `(${report.timeouts} timeouts), ` +
        `${[...load.failures.values()].reduce((a, b) => a + b, 0)} failed answers → ` +
        (report.verified ? "OK" : "MISMATCH"),
    );
  } finally {
    if (!stopped) {
      const code = await server.stop();
      if (code !== 0 && code !== null) console.log(`server exited with ${code}:\n${server.output()}`);
    }
    if (database.kind === "postgres") await setup.close();
  }
  return report;
}

/** Observation rows and audit entries of their creation, over all the benchmark's facilities. */
async function countStoredIn(db: Database, facilities: BenchFacility[]) {
  let observations = 0;
  let auditCreates = 0;
  for (const f of facilities) {
    const stored = await countStored(db, f.facilityId);
    observations += stored.observations;
    auditCreates += stored.auditCreates;
  }
  return { observations, auditCreates };
}

function otherWork(r: BackendReport): string {
  const others = r.runs.map((x) => x.cpu.other).filter((x): x is number => x !== null);
  return others.length ? median(others).toFixed(2) : "?";
}

/** The target of `POST /api/observations` at 50 signed-in clients on PostgreSQL (issue 8 item 17). */
const TARGET = { p99Ms: 50, reqPerS: 1500 } as const;

function targetVerdict(r: BackendReport): string {
  const p99 = median(r.runs.map((x) => x.p99));
  const reqPerS = median(r.runs.map((x) => x.reqPerS));
  const met = p99 < TARGET.p99Ms && reqPerS >= TARGET.reqPerS;
  return (
    `target p99 < ${TARGET.p99Ms} ms at ≥ ${fmt(TARGET.reqPerS)} req/s: ${met ? "MET" : "NOT MET"} ` +
    `(p99 ${fmt(p99, 1)} ms, ${fmt(reqPerS)} req/s${connections === 50 ? "" : `, at ${connections} connections`}` +
    `${facilityCount === 1 ? "" : `, shared out among ${facilityCount} facilities`})`
  );
}

/**
 * CPU time a request costs the server, the database and the load generator (medians of the runs, in ms), and the
 * throughput at which they would use every core of this machine: the most these costs allow here, with nothing else
 * running and no time lost to waiting.
 */
function cpuBudget(r: BackendReport): string {
  const perRequest = (share: (c: CpuShares) => number | null) => {
    const values = r.runs
      .map((x) => {
        const cores = share(x.cpu);
        return cores === null ? null : (cores / x.reqPerS) * 1000;
      })
      .filter((x): x is number => x !== null);
    return values.length ? median(values) : null;
  };
  const server = perRequest((c) => c.server);
  const database = perRequest((c) => c.postgres);
  const generator = perRequest((c) => c.loadGenerator);
  if (server === null || generator === null) return "CPU per request: not measured";
  const total = server + (database ?? 0) + generator;
  const cores = availableParallelism();
  return (
    `CPU per request: server ${fmt(server, 2)} ms, ` +
    (database === null ? "database in the server process, " : `PostgreSQL ${fmt(database, 2)} ms, `) +
    `load generator ${fmt(generator, 2)} ms — at most ${fmt((cores / total) * 1000)} req/s on this machine's ` +
    `${cores} cores with all three on them and nothing else`
  );
}

function summary(r: BackendReport): string {
  const ok = r.verified ? "every request answered 200, every row stored" : "FAILED";
  return (
    `api ${r.backend}: ${fmt(median(r.runs.map((x) => x.reqPerS)))} req/s ` +
    `(${fmt(median(r.runs.map((x) => x.obsPerS)))} observations/s), ` +
    `p50 ${fmt(median(r.runs.map((x) => x.p50)))} ms, p95 ${fmt(median(r.runs.map((x) => x.p95)))} ms, ` +
    `p99 ${fmt(median(r.runs.map((x) => x.p99)))} ms ` +
    `(median of ${r.runs.length} × ${durationS} s, ${connections} connections` +
    `${facilityCount === 1 ? "" : ` in ${facilityCount} facilities`}, 1–${maxBatch} observations per request, ` +
    `each run measured after ${settleS} s of settling); ` +
    `non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}; ` +
    `other work on the machine ${otherWork(r)} cores; ` +
    `${fmt(r.rows)} rows = ${fmt(r.observationsBuilt)} sent: ${ok}`
  );
}

const loadBefore = loadavg()
  .map((x) => x.toFixed(2))
  .join(" ");
const reports: BackendReport[] = [];
let throwaway: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
const pgliteDir = mkdtempSync(join(tmpdir(), "mamori-bench-api-"));
try {
  const wantPostgres = args.only !== "pglite" && (args["start-postgres"] || process.env.DATABASE_URL);
  const wantPglite = args.only !== "postgres";
  if (wantPostgres) {
    let url = process.env.DATABASE_URL;
    if (args["start-postgres"]) {
      throwaway = await startThrowawayPostgres();
      url = throwaway.url;
      console.log(`throwaway PostgreSQL at ${url}`);
    }
    reports.push(await benchBackend("postgres", { kind: "postgres", url: url! }, throwaway?.dataDir));
  } else if (args.only === "postgres") {
    throw new Error("--only postgres needs DATABASE_URL or --start-postgres");
  }
  if (wantPglite) reports.push(await benchBackend("pglite", { kind: "pglite", dataDir: pgliteDir }));
} finally {
  if (throwaway) await throwaway.stop();
  rmSync(pgliteDir, { recursive: true, force: true });
}

console.log(
  "\nFigures from a shared 2-core machine: load generator, server and database run on the same 2 cores, " +
    "alongside other work.",
);
console.log(
  `load average before the runs: ${loadBefore}; after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
for (const r of reports) {
  console.log(summary(r));
  console.log(`  ${cpuBudget(r)}`);
  console.log(`  ${targetVerdict(r)}`);
}
if (reports.some((r) => !r.verified)) process.exitCode = 1;

/**
 * `node --import tsx bench/api/profile.ts --start-postgres` — where the time of `POST /api/observations` goes under
 * the load of `npm run bench:api` (50 signed-in clients, batches of 1–5). Runs the instrumented server of
 * `profile-server.ts` in its own process and prints, per request: the wall time of each step (session lookup, body
 * parsing and validation, person check, each statement of the transaction, pool waits, sending), the server's CPU
 * per request split by package and by Mamori function (V8 CPU profile of the measured window only), event-loop
 * delay, Argon2 calls, and — on PostgreSQL with pg_stat_statements — each statement's execution time inside
 * PostgreSQL.
 *
 *   node --import tsx bench/api/profile.ts --start-postgres [--duration 15] [--pool-max 50] [--proposal]
 *   DATABASE_URL=… node --import tsx bench/api/profile.ts
 *   node --import tsx bench/api/profile.ts --pglite
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { connect } from "../../packages/server/src/db/connect.ts";
import { BENCH_PASSWORD, countStored, createBenchFacility } from "./bench-facility.ts";
import { describeCpu, postmasterPid, startCpuMeter, waitForQuietMachine } from "./cpu-meter.ts";
import { ObservationLoad, signInAll } from "./load.ts";
import { enableStatementStatistics, startThrowawayPostgres } from "./postgres.ts";
import { classifyQuery, type RequestTrace } from "./profile-types.ts";
import { type ServerDatabase, startServer } from "./server-process.ts";

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "15" },
    warmup: { type: "string", default: "5" },
    "max-batch": { type: "string", default: "5" },
    "start-postgres": { type: "boolean", default: false },
    pglite: { type: "boolean", default: false },
    "save-profile": { type: "string" },
    "quiet-cores": { type: "string", default: "0.5" },
    "max-wait": { type: "string", default: "120" },
    "pool-max": { type: "string" },
    proposal: { type: "boolean", default: false },
  },
});
const connections = Number(args.connections);

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};
type WindowStats = {
  seconds: number;
  cpuSeconds: number;
  cpuSystemSeconds: number;
  argon2Calls: number;
  eventLoopDelayMs: { mean: number; p50: number; p99: number; max: number };
  traces: RequestTrace[];
  profile: CpuProfile;
};

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

/** Splits one request's wall time into its steps. Pool waits are charged to the query they waited for. */
function steps(t: RequestTrace): Record<string, number> {
  const handlerStart = t.handlerStartMs ?? 0;
  const handlerEnd = t.handlerEndMs ?? t.totalMs;
  const queries = t.spans.filter((s) => s.kind !== "pool wait").sort((a, b) => a.startMs - b.startMs);
  const waits = t.spans.filter((s) => s.kind === "pool wait");
  const waitFor = (kind: string) =>
    waits
      .filter((w) => {
        const end = w.startMs + w.ms;
        const next = queries.find((q) => q.startMs >= end - 0.05);
        return next?.kind === kind;
      })
      .reduce((a, w) => a + w.ms, 0);
  const q = (kind: string) => queries.filter((s) => s.kind === kind).reduce((a, s) => a + s.ms, 0);
  const r: Record<string, number> = {};
  r["session lookup: wait for a pooled connection"] = waitFor("session lookup");
  r["session lookup: query"] = q("session lookup");
  r["rest before the handler: body parsing, zod validation, waiting for the event loop"] =
    handlerStart - r["session lookup: wait for a pooled connection"]! - r["session lookup: query"]!;
  r["person check: wait for a pooled connection"] = waitFor("person check");
  r["person check: query"] = q("person check");
  r["transaction: wait for a pooled connection"] = waitFor("begin");
  r["transaction: BEGIN"] = q("begin");
  r["transaction: INSERT observations … RETURNING"] = q("insert observations");
  r["transaction: INSERT audit_log (the audit)"] = q("insert audit");
  r["transaction: COMMIT"] = q("commit");
  r["proposal: one-statement write: wait for a pooled connection"] = waitFor("one-statement write");
  r["proposal: one-statement write: query"] = q("one-statement write");
  const accounted = [
    "person check: wait for a pooled connection",
    "person check: query",
    "transaction: wait for a pooled connection",
    "transaction: BEGIN",
    "transaction: INSERT observations … RETURNING",
    "transaction: INSERT audit_log (the audit)",
    "transaction: COMMIT",
    "proposal: one-statement write: wait for a pooled connection",
    "proposal: one-statement write: query",
  ].reduce((a, k) => a + r[k]!, 0);
  r["rest of the handler: JavaScript between queries, waiting for the event loop"] =
    handlerEnd - handlerStart - accounted;
  r["after the handler: response serialisation and sending"] = t.totalMs - handlerEnd;
  r.total = t.totalMs;
  return r;
}

function printSteps(traces: RequestTrace[]): void {
  const rows = traces.map(steps);
  const slow = quantile(
    traces.map((t) => t.totalMs),
    0.99,
  );
  const tail = rows.filter((r) => r.total! >= slow);
  const keys = Object.keys(rows[0] ?? {});
  console.log(
    `\nwall time per request, ms (${traces.length} requests answered 200; ` +
      `"slowest 1%" = mean over the ${tail.length} requests at or above p99 = ${f1(slow)} ms)`,
  );
  console.log(
    `${"step".padEnd(84)} ${"mean".padStart(7)} ${"p50".padStart(7)} ${"p99".padStart(7)} slowest 1%`,
  );
  for (const k of keys) {
    const xs = rows.map((r) => r[k]!);
    console.log(
      `${k.padEnd(84)} ${f1(mean(xs)).padStart(7)} ${f1(quantile(xs, 0.5)).padStart(7)} ` +
        `${f1(quantile(xs, 0.99)).padStart(7)} ${f1(mean(tail.map((r) => r[k]!))).padStart(10)}`,
    );
  }
}

function category(url: string, functionName: string): string {
  if (!url) return functionName; // (program), (garbage collector), (idle), (root)
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const parts = url.slice(nm + "/node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const server = url.indexOf("/packages/server/src/");
  if (server >= 0) return `mamori server: ${url.slice(server + "/packages/server/src/".length)}`;
  if (url.includes("/packages/domain/src/")) return "mamori domain";
  if (url.includes("/bench/")) return "profiling instruments (bench/api)";
  if (url.startsWith("node:")) return `node: ${url.replace(/^node:(internal\/)?/, "").split("/")[0]}`;
  return url;
}

function printCpu(stats: WindowStats, requests: number): void {
  const { nodes, samples, timeDeltas } = stats.profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (timeDeltas[i] ?? 0));
  });
  let idle = 0;
  let busy = 0;
  const byCategory = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    busy += us;
    const c = category(n.callFrame.url, n.callFrame.functionName);
    byCategory.set(c, (byCategory.get(c) ?? 0) + us);
  }
  // Inclusive time of Mamori functions: a node counts when no ancestor is the same function.
  const totalUs = new Map<number, number>();
  const total = (id: number): number => {
    const known = totalUs.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const t = (selfUs.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + total(c), 0);
    totalUs.set(id, t);
    return t;
  };
  const inclusive = (match: (n: (typeof nodes)[number]) => boolean) => {
    let sum = 0;
    for (const n of nodes) {
      if (!match(n)) continue;
      let p = parent.get(n.id);
      let nested = false;
      while (p !== undefined) {
        if (match(byId.get(p)!)) {
          nested = true;
          break;
        }
        p = parent.get(p);
      }
      if (!nested) sum += total(n.id);
    }
    return sum;
  };
  const perReq = (us: number) => `${f1(us / requests).padStart(7)} µs/request`;
  console.log(
    `\nserver CPU: ${f2(stats.cpuSeconds / stats.seconds)} cores busy over ${f1(stats.seconds)} s = ` +
      `${f2((stats.cpuSeconds * 1000) / requests)} ms CPU per request, of which ` +
      `${f2((stats.cpuSystemSeconds * 1000) / requests)} ms in the kernel (process.cpuUsage); the V8 profile saw ` +
      `${f1(busy / 1000)} ms busy, ${f1(idle / 1000)} ms idle`,
  );
  console.log("self time by package / file (top 18):");
  for (const [c, us] of [...byCategory].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
    console.log(`  ${c.padEnd(60)} ${f1((100 * us) / busy).padStart(5)}%  ${perReq(us)}`);
  }
  const fn = (name: string, file?: string) => (n: (typeof nodes)[number]) =>
    n.callFrame.functionName === name && (file === undefined || n.callFrame.url.includes(file));
  const named: [string, (n: (typeof nodes)[number]) => boolean][] = [
    ["findSessionUser (session lookup, incl. SHA-256 and Drizzle)", fn("findSessionUser")],
    ["recordObservations (person check + transaction, sync parts)", fn("recordObservations")],
    ["appendAudit", fn("appendAudit")],
    ["fastify validation (zod schema of the body)", fn("validate", "fastify/lib/validation.js")],
    ["fastify JSON body parser", fn("defaultJsonParser")],
    ["Drizzle query building (toSQL / buildQueryFromSourceParams)", fn("sqlToQuery")],
    ["Drizzle row mapping (mapResultRow)", fn("mapResultRow")],
    ["pg: Client.query (protocol)", fn("query", "pg/lib/client.js")],
    ["argon2 (must be 0)", (n) => n.callFrame.url.includes("@node-rs/argon2")],
  ];
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === "(idle)") continue;
    const key = `${n.callFrame.functionName || "(anonymous)"} ${category(n.callFrame.url, "")}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  console.log("self time by function (top 15):");
  for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${k.slice(0, 60).padEnd(60)} ${f1((100 * us) / busy).padStart(5)}%  ${perReq(us)}`);
  }
  console.log("inclusive time of selected functions (synchronous parts):");
  for (const [label, match] of named) {
    const us = inclusive(match);
    console.log(`  ${label.padEnd(60)} ${f1((100 * us) / busy).padStart(5)}%  ${perReq(us)}`);
  }
}

type StatementRow = { query: string; calls: string; total_exec_time: number; mean_exec_time: number };

let throwaway: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
const pgliteDir = mkdtempSync(join(tmpdir(), "mamori-bench-profile-"));
let database: ServerDatabase;
let statementStats = false;
try {
  if (args.pglite) database = { kind: "pglite", dataDir: pgliteDir };
  else if (args["start-postgres"]) {
    throwaway = await startThrowawayPostgres();
    database = { kind: "postgres", url: throwaway.url };
    await enableStatementStatistics(throwaway.url, throwaway.dataDir);
    statementStats = true;
  } else if (process.env.DATABASE_URL) database = { kind: "postgres", url: process.env.DATABASE_URL };
  else throw new Error("give --start-postgres, --pglite, or DATABASE_URL");

  const setup = await connect(database);
  const facility = await createBenchFacility(setup.db, { peopleCount: 50, userCount: connections });
  if (database.kind === "pglite") await setup.close();
  if (args["pool-max"]) process.env.MAMORI_PROFILE_POOL_MAX = args["pool-max"];
  if (args.proposal) process.env.MAMORI_PROFILE_PROPOSAL = "1";
  const path = args.proposal ? "/api/observations-proposal" : "/api/observations";
  const server = await startServer({ database, entry: ["--import", "tsx", "bench/api/profile-server.ts"] });
  try {
    const clients = (await signInAll(server.url, facility.usernames, BENCH_PASSWORD)).map((c) => ({
      ...c,
      personIds: facility.personIds,
    }));
    const load = new ObservationLoad(server.url, clients, Number(args["max-batch"]), path);
    await load.run(connections, Number(args.warmup));
    const quiet = await waitForQuietMachine(Number(args["quiet-cores"]), Number(args["max-wait"]));
    console.log(
      `machine before the window: ${quiet.busyCores?.toFixed(2) ?? "?"} cores busy with other work`,
    );

    const statements = async (sql: string) => {
      if (!statementStats || database.kind !== "postgres") return [] as StatementRow[];
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const result = await client.query<StatementRow>(sql);
      await client.end();
      return result.rows;
    };
    await statements("SELECT pg_stat_statements_reset()");
    await fetch(`${server.url}/__profile/start`, { method: "POST" });
    const meter = startCpuMeter({
      server: server.pid,
      postmaster: throwaway ? postmasterPid(throwaway.dataDir) : null,
    });
    // What PostgreSQL's backends are doing, sampled every 50 ms: running, idle in a transaction, or waiting on what.
    const waits = new Map<string, number>();
    let sampling = database.kind === "postgres";
    const sampler = (async () => {
      if (database.kind !== "postgres") return;
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      while (sampling) {
        const { rows } = await client.query<{ what: string; n: string }>(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'running (CPU)') || ' [' || state || ']' AS what,
                  count(*) AS n
           FROM pg_stat_activity
           WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'
           GROUP BY 1`,
        );
        for (const r of rows) waits.set(r.what, (waits.get(r.what) ?? 0) + Number(r.n));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.end();
    })();
    const result = await load.run(connections, Number(args.duration));
    sampling = false;
    await sampler;
    const cpu = meter();
    const stats = (await (
      await fetch(`${server.url}/__profile/stop`, { method: "POST" })
    ).json()) as WindowStats;
    const rows = await statements(
      "SELECT query, calls, total_exec_time, mean_exec_time FROM pg_stat_statements ORDER BY total_exec_time DESC",
    );
    if (args["save-profile"]) writeFileSync(args["save-profile"], JSON.stringify(stats.profile));

    const ok = stats.traces.filter((t) => t.method === "POST" && t.url === path && t.status === 200);
    console.log(
      `\n${database.kind}: ${f1(result["2xx"] / result.duration)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, max ${result.latency.max} ms (autocannon, ${connections} connections, ` +
        `${args.duration} s); server-side slowest ${f1(Math.max(...ok.map((t) => t.totalMs)))} ms; ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}; ${describeCpu(cpu)}`,
    );
    console.log(
      `event-loop delay of the server: mean ${f1(stats.eventLoopDelayMs.mean)} ms, p99 ` +
        `${f1(stats.eventLoopDelayMs.p99)} ms, max ${f1(stats.eventLoopDelayMs.max)} ms; ` +
        `Argon2 calls during the window: ${stats.argon2Calls}`,
    );
    printSteps(ok);
    printCpu(stats, ok.length);
    if (waits.size) {
      const total = [...waits.values()].reduce((a, b) => a + b, 0);
      console.log("\nPostgreSQL backends not idle, sampled every 50 ms (share of samples):");
      for (const [what, n] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
        console.log(`  ${what.padEnd(50)} ${f1((100 * n) / total).padStart(5)}%`);
      }
    }
    if (rows.length) {
      const byKind = new Map<string, { calls: number; ms: number }>();
      for (const r of rows) {
        const k = classifyQuery(r.query);
        const e = byKind.get(k) ?? { calls: 0, ms: 0 };
        e.calls += Number(r.calls);
        e.ms += r.total_exec_time;
        byKind.set(k, e);
      }
      console.log("\ninside PostgreSQL (pg_stat_statements, execution time only):");
      for (const [k, e] of [...byKind].sort((a, b) => b[1].ms - a[1].ms)) {
        console.log(
          `  ${k.padEnd(24)} ${String(e.calls).padStart(7)} calls, mean ${f2(e.ms / e.calls).padStart(6)} ms, ` +
            `${f2(e.ms / ok.length)} ms per request`,
        );
      }
    }
    await load.resendOutstanding();
    if (database.kind === "postgres") {
      const stored = await countStored(setup.db, facility.facilityId);
      console.log(
        `\nverification: ${load.observationsBuilt} sent, ${stored.observations} rows, ${stored.auditCreates} audit ` +
          `entries, ${load.failures.size ? [...load.failures].join(", ") : "no failed answers"}`,
      );
      await setup.close();
    }
  } finally {
    await server.stop();
  }
} finally {
  if (throwaway) await throwaway.stop();
  rmSync(pgliteDir, { recursive: true, force: true });
}

/**
 * `npm run bench:start` — how long `mamori start` takes to serve on the embedded database: the first start into an
 * empty data directory (creating the database and seeding the demo), then `--restarts` starts of that existing
 * database, each measured from spawning the process to its "Mamori is ready" line and to the first `GET /api/health`
 * answered 200. See bench/README.md.
 *
 *   npm run bench:start
 *   npm run bench:start -- --restarts 9
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { machineBusySeconds, processCpuSeconds, waitForQuietMachine } from "../api/cpu-meter.ts";
import { type RunningServer, type ServerDatabase, startServer } from "../api/server-process.ts";

const { values: args } = parseArgs({
  options: {
    restarts: { type: "string", default: "7" },
    "quiet-cores": { type: "string", default: "0.5" },
    "max-wait": { type: "string", default: "30" },
  },
});
const restarts = Number(args.restarts);

type TimedStart = { server: RunningServer; otherCores: number | null };

/**
 * One start, after waiting (up to --max-wait s) for the rest of the machine to quieten; also the CPU cores other
 * work used while it started (machine busy time minus the server's and this process's).
 */
async function timedStart(database: ServerDatabase): Promise<TimedStart> {
  if (Number(args["max-wait"]) > 0)
    await waitForQuietMachine(Number(args["quiet-cores"]), Number(args["max-wait"]));
  const machine0 = machineBusySeconds();
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  const server = await startServer({ database });
  const seconds = (performance.now() - t0) / 1000;
  const machine1 = machineBusySeconds();
  const self = process.cpuUsage(self0);
  const serverCpu = processCpuSeconds(server.pid);
  const otherCores =
    machine0 !== null && machine1 !== null && serverCpu !== null
      ? Math.max(0, machine1 - machine0 - serverCpu - (self.user + self.system) / 1e6) / seconds
      : null;
  return { server, otherCores };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;

function line(label: string, { server: s, otherCores }: TimedStart): string {
  return (
    `${label}: ready line ${ms(s.readyLineMs)}, first health ${ms(s.firstHealthMs)}` +
    ` (server's own count from its command start: ${s.selfReportedMs === null ? "?" : ms(s.selfReportedMs)};` +
    ` other work meanwhile ${otherCores === null ? "?" : otherCores.toFixed(2)} cores,` +
    ` load average ${loadavg()[0]!.toFixed(1)})`
  );
}

const dataDir = mkdtempSync(join(tmpdir(), "mamori-bench-start-"));
const database = { kind: "pglite" as const, dataDir };
const readyLine: number[] = [];
const firstHealth: number[] = [];
let first: RunningServer;
try {
  const firstStart = await timedStart(database);
  first = firstStart.server;
  if (!first.output().includes("Demo data created")) {
    await first.stop();
    throw new Error(`the first start did not seed the demo:\n${first.output()}`);
  }
  console.log(line("first start (new database, demo seed)", firstStart));
  const code = await first.stop();
  if (code !== 0) throw new Error(`mamori start exited with ${code}:\n${first.output()}`);

  for (let i = 1; i <= restarts; i++) {
    const start = await timedStart(database);
    const server = start.server;
    if (server.output().includes("Demo data created")) throw new Error("a restart reseeded the demo");
    console.log(line(`restart ${i}/${restarts}`, start));
    readyLine.push(server.readyLineMs);
    firstHealth.push(server.firstHealthMs);
    const stopped = await server.stop();
    if (stopped !== 0) throw new Error(`mamori start exited with ${stopped}:\n${server.output()}`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  "\nFigures from a shared 2-core machine (other work running beside it). Measured: spawn of " +
    "`node packages/server/bin/mamori.mjs start` (what `npm start` runs after building the web app) to ready.",
);
console.log(
  `start first (PGlite, new database + demo seed): ready line ${ms(first.readyLineMs)}, ` +
    `first health ${ms(first.firstHealthMs)}`,
);
console.log(
  `start existing (PGlite): ready line ${ms(median(readyLine))}, first health ${ms(median(firstHealth))} ` +
    `(median of ${restarts}; range ${ms(Math.min(...firstHealth))}–${ms(Math.max(...firstHealth))})`,
);

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
import { type RunningServer, startServer } from "../api/server-process.ts";

const { values: args } = parseArgs({ options: { restarts: { type: "string", default: "7" } } });
const restarts = Number(args.restarts);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;

function line(label: string, s: RunningServer): string {
  return (
    `${label}: ready line ${ms(s.readyLineMs)}, first health ${ms(s.firstHealthMs)}` +
    ` (server's own count from its command start: ${s.selfReportedMs === null ? "?" : ms(s.selfReportedMs)};` +
    ` load average ${loadavg()[0]!.toFixed(1)})`
  );
}

const dataDir = mkdtempSync(join(tmpdir(), "mamori-bench-start-"));
const database = { kind: "pglite" as const, dataDir };
const readyLine: number[] = [];
const firstHealth: number[] = [];
let first: RunningServer;
try {
  first = await startServer({ database });
  if (!first.output().includes("Demo data created")) {
    await first.stop();
    throw new Error(`the first start did not seed the demo:\n${first.output()}`);
  }
  console.log(line("first start (new database, demo seed)", first));
  const code = await first.stop();
  if (code !== 0) throw new Error(`mamori start exited with ${code}:\n${first.output()}`);

  for (let i = 1; i <= restarts; i++) {
    const server = await startServer({ database });
    if (server.output().includes("Demo data created")) throw new Error("a restart reseeded the demo");
    console.log(line(`restart ${i}/${restarts}`, server));
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

/**
 * Detection benchmark: our engine against R's surveillance package on the same series in the same run.
 *
 *   npm run bench:detection -- [--series 75000] [--r-series 400] [--ears-series 15000] [--r-ears-series 300]
 *                              [--threads 2] [--r-processes 2] [--seed 1]
 *
 * Farrington: weekly series of 264 weeks (the 5 years of history that b = 5, w = 3 need, plus the evaluated week),
 * mixed levels (0.05–200 cases a week); the latest week of every series is evaluated with the Noufaily parameters
 * (b = 5, w = 3, noPeriods = 10, pastWeeksNotIncluded = 26, weightsThreshold = 2.58, nbPlugin, alpha = 0.05).
 * Ours runs on worker threads (one per core); R runs the first --r-series of the same series in as many Rscript
 * processes, and its rate is extrapolated from that sample (R needs minutes for what we do in seconds). Only the
 * evaluation is timed on both sides: not generating series, starting threads or R, or loading the package.
 * The R sample is also compared with our results (alarms identical, upper bounds within 1e-6).
 * EARS C2: daily series of 365 days, every day from day 10 (the first with a full baseline) evaluated.
 * Both wall-clock and CPU-time rates are printed: this machine's 2 cores are shared, and wall-clock rates swing
 * with whatever else runs, so the last line — `detection: ours <N> series/s, R <M> series/s, ratio <X>` — gives
 * rates from CPU time for the same number of cores on each side (what an otherwise idle machine achieves).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { earsC, FARRINGTON_NOUFAILY, farringtonFlexible } from "@mamori/domain/detection";
import { dailySeries, weeklySeries } from "./series.ts";
import type { WorkerReport, WorkerTask } from "./worker.ts";

const WEEKS = 52 * 5 + 3 + 1;
const DAYS = 365;

const { values } = parseArgs({
  options: {
    series: { type: "string", default: "75000" },
    "r-series": { type: "string", default: "400" },
    "ears-series": { type: "string", default: "15000" },
    "r-ears-series": { type: "string", default: "300" },
    threads: { type: "string", default: "2" },
    "r-processes": { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
  },
});
const positive = (name: keyof typeof values): number => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const seriesCount = positive("series");
const rSeries = Math.min(positive("r-series"), seriesCount);
const earsCount = positive("ears-series");
const rEarsSeries = Math.min(positive("r-ears-series"), earsCount);
const threads = positive("threads");
const rProcesses = positive("r-processes");
const seed = positive("seed");

const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// Worker threads do not inherit tsx from `--import`: a tiny ES module registers it, then loads worker.ts.
const workerBootstrap = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); ` +
      `await import(${JSON.stringify(new URL("./worker.ts", import.meta.url).href)});`,
  )}`,
);

/** Runs `total` series on `threads` workers; times from "go" to the last report. */
async function runOurs(kind: WorkerTask["kind"], total: number, length: number) {
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  const reports: Promise<WorkerReport>[] = [];
  for (let w = 0; w < threads; w++) {
    const task: WorkerTask = {
      kind,
      seed,
      from: Math.floor((total * w) / threads),
      to: Math.floor((total * (w + 1)) / threads),
      length,
    };
    const worker = new Worker(workerBootstrap, { workerData: task });
    workers.push(worker);
    ready.push(
      new Promise((resolve, reject) => worker.once("message", () => resolve()).once("error", reject)),
    );
  }
  await Promise.all(ready);
  for (const worker of workers) {
    reports.push(new Promise((resolve, reject) => worker.once("message", resolve).once("error", reject)));
  }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const worker of workers) worker.postMessage("go");
  const done = await Promise.all(reports);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await Promise.all(workers.map((w) => w.terminate()));
  return {
    wallMs,
    cpuS: (cpu.user + cpu.system) / 1e6,
    alarms: done.reduce((s, r) => s + r.alarms, 0),
    nulls: done.reduce((s, r) => s + r.nulls, 0),
  };
}

/** Runs the series through R in `rProcesses` parallel Rscript processes; elapsed = the slowest loop. */
async function runR(kind: "farrington" | "ears", series: number[][]) {
  const dir = mkdtempSync(join(tmpdir(), "mamori-bench-r-"));
  const script = new URL("./surveillance.R", import.meta.url).pathname;
  const parts = Array.from({ length: rProcesses }, (_, p) =>
    series.slice(
      Math.floor((series.length * p) / rProcesses),
      Math.floor((series.length * (p + 1)) / rProcesses),
    ),
  );
  try {
    const outputs = await Promise.all(
      parts.map(async (part, p) => {
        const input = join(dir, `in-${p}.txt`);
        const output = join(dir, `out-${p}.txt`);
        writeFileSync(input, `${part.map((s) => s.join(" ")).join("\n")}\n`);
        await new Promise<void>((resolve, reject) => {
          const child = spawn("Rscript", [script, kind, input, output], {
            stdio: ["ignore", "ignore", "pipe"],
          });
          let stderr = "";
          child.stderr.on("data", (d) => {
            stderr += String(d);
          });
          child.on("error", (e) =>
            reject(new Error(`cannot run Rscript (${e.message}); install r-cran-surveillance`)),
          );
          child.on("exit", (code) =>
            code === 0 ? resolve() : reject(new Error(`Rscript failed (${code}): ${stderr}`)),
          );
        });
        const lines = readFileSync(output, "utf8").trimEnd().split("\n");
        const [, elapsed = "", , cpu = ""] = (lines.pop() ?? "").split(" ");
        return { lines, elapsed: Number(elapsed), cpu: Number(cpu) };
      }),
    );
    return {
      elapsedS: Math.max(...outputs.map((o) => o.elapsed)),
      cpuS: outputs.reduce((s, o) => s + o.cpu, 0),
      lines: outputs.flatMap((o) => o.lines),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `detection benchmark — seed ${seed}; ours on ${threads} worker threads, R (surveillance) in ${rProcesses} ` +
    "Rscript processes; only the evaluation loops are timed",
);

// Farrington (Noufaily) on the latest week.
const ours = await runOurs("farrington", seriesCount, WEEKS);
const oursRate = (seriesCount / ours.wallMs) * 1000;
// Rates from CPU time, for the same parallelism: what the run gives when nothing else competes for the cores.
const oursCpuRate = seriesCount / (ours.cpuS / threads);
console.log(
  `Farrington, Noufaily parameters, latest week of weekly series of ${WEEKS} weeks (mixed levels 0.05–200/week):`,
);
console.log(
  `  ours: ${fmt(seriesCount)} series in ${fmt(ours.wallMs / 1000, 2)} s wall-clock → ${fmt(oursRate)} series/s; ` +
    `${fmt(ours.cpuS, 2)} s CPU → ${fmt(oursCpuRate)} series/s on ${threads} cores ` +
    `(${fmt(ours.alarms)} alarms, ${fmt(ours.nulls)} without threshold: fewer than 5 cases in 4 weeks)`,
);

// EARS C2 on daily series, every day of the year.
const ears = await runOurs("ears", earsCount, DAYS);
const earsRate = (earsCount / ears.wallMs) * 1000;
const earsCpuRate = earsCount / (ears.cpuS / threads);
console.log(
  `EARS C2 on daily series of ${DAYS} days, every day from day 10 (${DAYS - 9} evaluations per series):`,
);
console.log(
  `  ours: ${fmt(earsCount)} series in ${fmt(ears.wallMs / 1000, 3)} s wall-clock → ${fmt(earsRate)} series/s; ` +
    `${fmt(ears.cpuS, 3)} s CPU → ${fmt(earsCpuRate)} series/s on ${threads} cores (${fmt(ears.alarms)} alarms)`,
);

// R on samples of the same series.
const weeklySample = Array.from({ length: rSeries }, (_, i) => weeklySeries(seed, i, WEEKS));
const rFarrington = await runR("farrington", weeklySample);
const rRate = rSeries / rFarrington.elapsedS;
const rCpuRate = rSeries / (rFarrington.cpuS / rProcesses);
const dailySample = Array.from({ length: rEarsSeries }, (_, i) => dailySeries(seed, i, DAYS));
const rEars = await runR("ears", dailySample);
const rEarsCpuRate = rEarsSeries / (rEars.cpuS / rProcesses);

// Agreement on the samples.
const control = { ...FARRINGTON_NOUFAILY, range: [WEEKS] };
let sameAlarm = 0;
let sameBound = 0;
let worst = 0;
weeklySample.forEach((observed, i) => {
  const result = farringtonFlexible(observed, { frequency: 52, control });
  const [u = "", a = ""] = (rFarrington.lines[i] ?? "").split(" ");
  const rUpper = u === "NA" ? null : Number(u);
  const ourUpper = result.upperbound[0] ?? null;
  if ((a === "1") === result.alarm[0]) sameAlarm++;
  if (rUpper === null || ourUpper === null) {
    if (rUpper === ourUpper) sameBound++;
  } else {
    const diff = Math.abs(ourUpper - rUpper);
    if (diff > 1e-9) worst = Math.max(worst, diff / Math.abs(rUpper));
    if (diff <= Math.max(1e-6 * Math.abs(rUpper), 1e-9)) sameBound++;
  }
});
let sameEars = 0;
const earsRange = Array.from({ length: DAYS - 9 }, (_, j) => j + 10);
dailySample.forEach((observed, i) => {
  const alarms = earsC(observed, { method: "C2", alpha: 0.001, range: earsRange })
    .alarm.map((a) => (a ? "1" : "0"))
    .join("");
  if (alarms === rEars.lines[i]) sameEars++;
});

console.log(
  `  R:    ${fmt(rSeries)} series (sample) in ${fmt(rFarrington.elapsedS, 2)} s wall-clock → ${fmt(rRate, 1)} series/s; ` +
    `${fmt(rFarrington.cpuS, 2)} s CPU → ${fmt(rCpuRate, 1)} series/s on ${rProcesses} cores ` +
    `(extrapolated from the sample: ${fmt(seriesCount)} series would take ${fmt(seriesCount / rCpuRate / 60, 1)} min)`,
);
console.log(
  `  agreement on the R sample: ${sameAlarm}/${rSeries} identical alarms, ${sameBound}/${rSeries} upper bounds ` +
    `within 1e-6 (null where R gives NA), largest relative difference ${worst.toExponential(1)}`,
);
console.log(
  `  EARS C2 in R: ${fmt(rEarsSeries)} series (sample) in ${fmt(rEars.elapsedS, 2)} s wall-clock ` +
    `(${fmt(rEarsSeries / rEars.elapsedS, 1)} series/s); ` +
    `${fmt(rEars.cpuS, 2)} s CPU → ${fmt(rEarsCpuRate, 1)} series/s on ${rProcesses} cores (extrapolated); ` +
    `ratio ${fmt(earsCpuRate / rEarsCpuRate)}; identical alarm vectors ${sameEars}/${rEarsSeries}`,
);
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(" ");
console.log(
  `wall-clock on this run (load average ${load} on ${cpus().length} cores shared with other work): ` +
    `ours ${fmt(oursRate)} series/s, R ${fmt(rRate, 1)} series/s, ratio ${fmt(oursRate / rRate)}; ` +
    "the last line uses CPU time (the rates of an otherwise idle machine, both sides on the same number of cores)",
);
console.log(
  `detection: ours ${Math.round(oursCpuRate)} series/s, R ${rCpuRate.toFixed(1)} series/s, ratio ${Math.round(oursCpuRate / rCpuRate)}`,
);

import { evaluateFacility } from "@mamori/domain/surveillance";
import { generateFacility } from "./generate.ts";

/**
 * Rules benchmark (issue 3, "Measure"): evaluate a 100-person facility with 365 days of rounds for one as-of day.
 * Target: median under 50 ms on the project machine. Run: `npm run bench:rules`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

const scenario = generateFacility();
console.log(
  `facility: ${scenario.people.length} people, ${scenario.observations.length} observations, ` +
    `${(scenario.bathUse ?? []).length} bath uses, ${(scenario.cases ?? []).length} recorded cases, as of ${String(scenario.asOf)}`,
);

// Wall-clock time is the target; CPU time of this process is printed beside it because the machine is shared (2 cores)
// and other work running at the same time stretches wall-clock time without changing the work done.
const times: number[] = [];
const cpuTimes: number[] = [];
let alertCount = 0;
for (let run = 0; run < WARMUP + RUNS; run++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = evaluateFacility(scenario);
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  alertCount = result.alerts.length;
  if (run >= WARMUP) {
    times.push(elapsed);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = (await import("node:os")).loadavg()[0]!;
const codes = new Map<string, number>();
for (const alert of evaluateFacility({ ...scenario, lookbackDays: 365 }).alerts) {
  codes.set(alert.code, (codes.get(alert.code) ?? 0) + 1);
}
console.log(
  `alerts on the as-of day: ${alertCount}; over the whole year by code: ${JSON.stringify(Object.fromEntries(codes))}`,
);
console.log(
  `evaluateFacility, one as-of day: median ${median(times).toFixed(1)} ms wall-clock over ${RUNS} runs ` +
    `(min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms, after ${WARMUP} warm-up runs); ` +
    `median CPU time ${median(cpuTimes).toFixed(1)} ms; load average ${load.toFixed(1)} on ${(await import("node:os")).availableParallelism()} cores`,
);
console.log(median(times) < 50 ? "target (< 50 ms wall-clock): met" : "target (< 50 ms wall-clock): NOT met");

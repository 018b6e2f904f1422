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

const times: number[] = [];
let alertCount = 0;
for (let run = 0; run < WARMUP + RUNS; run++) {
  const start = performance.now();
  const result = evaluateFacility(scenario);
  const elapsed = performance.now() - start;
  alertCount = result.alerts.length;
  if (run >= WARMUP) times.push(elapsed);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const codes = new Map<string, number>();
for (const alert of evaluateFacility({ ...scenario, lookbackDays: 365 }).alerts) {
  codes.set(alert.code, (codes.get(alert.code) ?? 0) + 1);
}
console.log(
  `alerts on the as-of day: ${alertCount}; over the whole year by code: ${JSON.stringify(Object.fromEntries(codes))}`,
);
console.log(
  `evaluateFacility, one as-of day: median ${median.toFixed(1)} ms over ${RUNS} runs ` +
    `(min ${times[0]!.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms, after ${WARMUP} warm-up runs)`,
);
console.log(median < 50 ? "target (< 50 ms): met" : "target (< 50 ms): NOT met");

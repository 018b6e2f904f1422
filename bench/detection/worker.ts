/**
 * A benchmark worker: generates its share of the series (not timed), waits for "go", then evaluates every series
 * with our engine and reports the time it took.
 */
import { parentPort, workerData } from "node:worker_threads";
import { earsC, FARRINGTON_NOUFAILY, farringtonFlexible } from "@mamori/domain/detection";
import { dailySeries, weeklySeries } from "./series.ts";

export interface WorkerTask {
  kind: "farrington" | "ears";
  seed: number;
  from: number;
  to: number;
  /** Weeks (farrington) or days (ears) per series. */
  length: number;
}

export interface WorkerReport {
  elapsedMs: number;
  series: number;
  alarms: number;
  nulls: number;
}

const task = workerData as WorkerTask;
const port = parentPort;
if (!port) throw new Error("worker.ts runs as a worker thread");

const series: number[][] = [];
for (let i = task.from; i < task.to; i++) {
  series.push(
    task.kind === "farrington"
      ? weeklySeries(task.seed, i, task.length)
      : dailySeries(task.seed, i, task.length),
  );
}

port.once("message", () => {
  let alarms = 0;
  let nulls = 0;
  const started = performance.now();
  if (task.kind === "farrington") {
    const control = { ...FARRINGTON_NOUFAILY, range: [task.length] };
    for (const observed of series) {
      const result = farringtonFlexible(observed, { frequency: 52, control });
      if (result.alarm[0]) alarms++;
      if (result.upperbound[0] === null) nulls++;
    }
  } else {
    const range: number[] = [];
    for (let t = 10; t <= task.length; t++) range.push(t);
    const control = { method: "C2" as const, alpha: 0.001, range };
    for (const observed of series) {
      const result = earsC(observed, control);
      for (const a of result.alarm) if (a) alarms++;
    }
  }
  const report: WorkerReport = {
    elapsedMs: performance.now() - started,
    series: series.length,
    alarms,
    nulls,
  };
  port.postMessage(report);
});
port.postMessage("ready");

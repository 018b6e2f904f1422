import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; fields after it start with the state (field 3).
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used so far, from /proc (Linux); null when it cannot be read. */
export function processCpuSeconds(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : null;
}

/**
 * CPU seconds of a process and its direct children (a PostgreSQL postmaster and its backends): those running now, and
 * those that ended (the process's cutime and cstime: a backend whose connection closed during a run would otherwise take
 * its CPU with it, and it would be counted as other work).
 */
export function familyCpuSeconds(pid: number): number {
  const own = statFields(pid);
  let total = own ? own.slice(11, 15).reduce((sum, field) => sum + Number(field), 0) / TICKS_PER_SECOND : 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid)
      total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  }
  return total;
}

/** Busy CPU seconds of the whole machine (all cores), from the first line of /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const [line] = readFileSync("/proc/stat", "utf8").split("\n");
    const ticks = line!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return (ticks.reduce((a, b) => a + b, 0) - idle) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The PostgreSQL postmaster's pid from its data directory's postmaster.pid. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export type CpuShares = {
  server: number | null;
  loadGenerator: number;
  postgres: number | null;
  /** Everything else the machine did meanwhile: other people's work. */
  other: number | null;
  loadAverage: number;
};

/**
 * Measures, over one interval, the CPU used (in cores) by the server process, by this process (the load generator),
 * by a local PostgreSQL server when its postmaster pid is known, and by everything else on the machine. On a shared
 * machine this says how much of the 2 cores the measured system actually had.
 */
export function startCpuMeter(pids: { server: number; postmaster?: number | null }): () => CpuShares {
  const startedAt = performance.now();
  const server0 = processCpuSeconds(pids.server);
  const postgres0 = pids.postmaster ? familyCpuSeconds(pids.postmaster) : null;
  const machine0 = machineBusySeconds();
  const self0 = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const server1 = processCpuSeconds(pids.server);
    const postgres1 = pids.postmaster ? familyCpuSeconds(pids.postmaster) : null;
    const machine1 = machineBusySeconds();
    const selfUsage = process.cpuUsage(self0);
    const loadGenerator = (selfUsage.user + selfUsage.system) / 1e6 / seconds;
    const server = server0 !== null && server1 !== null ? (server1 - server0) / seconds : null;
    const postgres = postgres0 !== null && postgres1 !== null ? (postgres1 - postgres0) / seconds : null;
    const machine = machine0 !== null && machine1 !== null ? (machine1 - machine0) / seconds : null;
    const other =
      machine !== null && server !== null
        ? Math.max(0, machine - server - loadGenerator - (postgres ?? 0))
        : null;
    return { server, loadGenerator, postgres, other, loadAverage: loadavg()[0]! };
  };
}

export function describeCpu(c: CpuShares): string {
  const f = (n: number | null) => (n === null ? "?" : n.toFixed(2));
  return (
    `cpu cores: server ${f(c.server)}, load generator ${f(c.loadGenerator)}` +
    (c.postgres !== null ? `, postgres ${f(c.postgres)}` : "") +
    `, other work ${f(c.other)}; load average ${c.loadAverage.toFixed(1)}`
  );
}

/** CPU cores the machine is busy with right now (sampled over `sampleMs`). */
export async function machineBusyCores(sampleMs = 1000): Promise<number | null> {
  const a = machineBusySeconds();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const b = machineBusySeconds();
  return a !== null && b !== null ? (b - a) / (sampleMs / 1000) : null;
}

/**
 * Waits until the rest of the machine uses less than `maxBusyCores` (checked each second over 3 s windows), for at
 * most `maxWaitS`; returns what it found. Called between runs, when the benchmark itself is idle.
 */
export async function waitForQuietMachine(
  maxBusyCores: number,
  maxWaitS: number,
): Promise<{ busyCores: number | null; waitedS: number }> {
  const startedAt = performance.now();
  let busy = await machineBusyCores(3000);
  while (busy !== null && busy > maxBusyCores && (performance.now() - startedAt) / 1000 < maxWaitS) {
    busy = await machineBusyCores(3000);
  }
  return { busyCores: busy, waitedS: Math.round((performance.now() - startedAt) / 1000) };
}

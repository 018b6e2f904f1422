import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far, from /proc (Linux); null elsewhere. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * What the machine was doing during one measured interval: the CPU share of the server process and of this process
 * (the load generator), in cores, and the one-minute load average at the end. On a shared machine these say how much
 * of the figures is ours.
 */
export function startCpuMeter(serverPid: number): () => string {
  const startedAt = performance.now();
  const server0 = processCpuSeconds(serverPid);
  const self0 = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const server1 = processCpuSeconds(serverPid);
    const self = process.cpuUsage(self0);
    const selfCores = (self.user + self.system) / 1e6 / seconds;
    const serverCores = server0 !== null && server1 !== null ? (server1 - server0) / seconds : null;
    return (
      `cpu: server ${serverCores === null ? "?" : serverCores.toFixed(2)} cores, ` +
      `load generator ${selfCores.toFixed(2)} cores, load average ${loadavg()[0]!.toFixed(1)}`
    );
  };
}

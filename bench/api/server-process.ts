import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAMORI_BIN = "packages/server/bin/mamori.mjs";
/** How much of the server's first and of its latest output is kept (to show when it fails, and to check its start). */
const OUTPUT_KEPT = 64 * 1024;

/** The database a started server uses: the embedded one in a data directory, or a PostgreSQL server. */
export type ServerDatabase = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export type RunningServer = {
  url: string;
  pid: number;
  /** Milliseconds from spawning `mamori start` to its "Mamori is ready" line. */
  readyLineMs: number;
  /** Milliseconds from spawning to the first `GET /api/health` answered 200 `{"status":"ok"}`. */
  firstHealthMs: number;
  /** The server's own figure from its "ready in N ms" line (from the start of the command, after Node and tsx load). */
  selfReportedMs: number | null;
  /** Everything the server printed so far. */
  output: () => string;
  /** Null while the process runs; how it ended otherwise. */
  exit: () => { code: number | null; signal: NodeJS.Signals | null; afterMs: number } | null;
  /** Throws, with how the server ended and what it printed, when it is no longer running. */
  assertRunning: () => void;
  /** SIGTERM, then wait for the process to exit (SIGKILL after 15 s). */
  stop: () => Promise<number | null>;
};

/** A free TCP port on loopback, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`);
    if (response.status !== 200) return false;
    const body = (await response.json()) as { status?: string };
    return body.status === "ok";
  } catch {
    return false;
  }
}

/**
 * Spawns `node packages/server/bin/mamori.mjs start` as its own process, as `npm start` runs it after building the web
 * app, and waits until it prints its ready line and answers `GET /api/health`. The health endpoint is polled every
 * `pollMs` from the moment of spawning, so `firstHealthMs` is the time a client would first get an answer.
 */
export async function startServer(options: {
  database: ServerDatabase;
  port?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** Extra flags for node (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** Another entry point instead of `mamori start`, taking the same environment (the profiling server). */
  entry?: string[];
  /** More environment for the server (`MAMORI_SECRET_KEY`). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.MAMORI_DATA_DIR;
  Object.assign(env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    MAMORI_SECURE_COOKIES: "false",
    ...(options.database.kind === "pglite"
      ? { MAMORI_DATA_DIR: options.database.dataDir }
      : { DATABASE_URL: options.database.url }),
    ...options.env,
  });

  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...(options.entry ?? [MAMORI_BIN, "start"])],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let head = "";
  let tail = "";
  let exit: { code: number | null; signal: NodeJS.Signals | null; afterMs: number } | null = null;
  let stopping = false;
  child.once("exit", (code, signal) => {
    exit = { code, signal, afterMs: performance.now() - spawnedAt };
    if (!stopping)
      process.stderr.write(`mamori start (pid ${child.pid}) ended unexpectedly: ${code ?? signal}\n`);
  });
  let readyLineMs: number | null = null;
  let selfReportedMs: number | null = null;
  child.stdout!.setEncoding("utf8");
  child.stderr!.setEncoding("utf8");
  // The server logs each request: only the first and the last part of its output are kept, and the start-up lines are
  // looked for only until found, so that reading the log costs this process next to nothing under load.
  const keep = (chunk: string) => {
    if (head.length < OUTPUT_KEPT) head += chunk.slice(0, OUTPUT_KEPT - head.length);
    else tail = (tail + chunk).slice(-OUTPUT_KEPT);
  };
  const output = () => (tail ? `${head}\n…\n${tail}` : head);
  let startUp = "";
  child.stdout!.on("data", (chunk: string) => {
    keep(chunk);
    if (readyLineMs !== null && selfReportedMs !== null) return;
    startUp += chunk;
    if (readyLineMs === null && startUp.includes("Mamori is ready"))
      readyLineMs = performance.now() - spawnedAt;
    const self = /ready in (\d+) ms/.exec(startUp);
    if (self) selfReportedMs = Number(self[1]);
  });
  child.stderr!.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const done = exited(child);
    stopping = true;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const code = await done;
    clearTimeout(killer);
    return code;
  };

  const timeoutMs = options.timeoutMs ?? 120_000;
  const pollMs = options.pollMs ?? 10;
  let firstHealthMs: number | null = null;
  while (firstHealthMs === null) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `mamori start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    if (performance.now() - spawnedAt > timeoutMs) {
      await stop();
      throw new Error(`mamori start was not ready within ${timeoutMs} ms:\n${output()}`);
    }
    if (await healthy(url)) firstHealthMs = performance.now() - spawnedAt;
    else await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  // The ready line is written right after the server starts listening; give the pipe a moment to deliver it.
  const waitedFrom = performance.now();
  while (readyLineMs === null && performance.now() - waitedFrom < 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (readyLineMs === null) {
    await stop();
    throw new Error(`mamori start answered /api/health but printed no ready line:\n${output()}`);
  }
  return {
    url,
    pid: child.pid!,
    readyLineMs,
    firstHealthMs,
    selfReportedMs,
    output,
    exit: () => exit,
    assertRunning: () => {
      if (exit) {
        throw new Error(
          `mamori start (pid ${child.pid}) ended after ${Math.round(exit.afterMs / 1000)} s with ` +
            `${exit.code ?? exit.signal}; it printed:\n${output()}`,
        );
      }
    },
    stop,
  };
}

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export type StartedServer = { url: string; dataDir: string; stop: () => Promise<void> };

/**
 * Builds the web app as `npm start` does — only when its sources changed since the last build — so that the journeys
 * test what `npm start` serves without a Vite build per journey.
 */
export function buildWeb(): void {
  execFileSync("npm", ["run", "build:if-changed", "-w", "@mamori/web"], { cwd: root, stdio: "pipe" });
}

/**
 * Seeding the demo takes most of a first start. Within one test run, journeys on the same clock start from a copy of
 * one freshly seeded database (made by a real first start and a clean stop), which is what a restarted `npm start`
 * finds. The templates live in a directory made for the run (`MAMORI_E2E_TEMPLATES`, made by e2e-global-setup.ts); without
 * it every journey seeds its own.
 */
async function seededCopy(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const templates = process.env.MAMORI_E2E_TEMPLATES;
  if (!templates) return undefined;
  // Without a fixed clock the demo is seeded relative to the real time: a template serves within the hour.
  const clock = env.MAMORI_FIXED_NOW ?? `now-${new Date().toISOString().slice(0, 13)}`;
  const template = join(templates, clock.replace(/[^0-9A-Za-z-]/g, "_"));
  if (!existsSync(template)) {
    mkdirSync(templates, { recursive: true });
    const first = await startServer({ env, keepData: true, fresh: true });
    await first.stop();
    renameSync(first.dataDir, template);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "mamori-e2e-"));
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

/**
 * Starts `mamori start` as `npm start` does, on a fresh embedded database in a temporary directory (so the demo is
 * seeded) and a free port; resolves once the server says it is ready. `dataDir` starts on an existing database
 * (kept by an earlier `keepData` server), `env` adds settings such as `MAMORI_FIXED_NOW`; `fresh` seeds a database of
 * its own instead of copying the run's seeded one.
 */
export async function startServer(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; keepData?: boolean; fresh?: boolean } = {},
): Promise<StartedServer> {
  const dataDir =
    options.dataDir ??
    (options.fresh ? undefined : await seededCopy(options.env ?? {})) ??
    mkdtempSync(join(tmpdir(), "mamori-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PORT: String(port),
    MAMORI_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, "packages/server/bin/mamori.mjs"), "start"],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (output.includes("Mamori is ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

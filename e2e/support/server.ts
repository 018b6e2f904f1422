import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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

/** Builds the web app once per run (the journeys test what `npm start` serves). */
export function buildWeb(): void {
  execFileSync("npm", ["run", "build", "-w", "@mamori/web"], { cwd: root, stdio: "pipe" });
}

/**
 * Starts `mamori start` as `npm start` does, on a fresh embedded database in a temporary directory (so the demo is
 * seeded) and a free port; resolves once the server says it is ready. `dataDir` starts on an existing database
 * (kept by an earlier `keepData` server), `env` adds settings such as `MAMORI_FIXED_NOW`.
 */
export async function startServer(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; keepData?: boolean } = {},
): Promise<StartedServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "mamori-e2e-"));
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

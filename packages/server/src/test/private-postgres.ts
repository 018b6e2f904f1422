import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/** The newest PostgreSQL server binaries Debian installed, or undefined when there are none. */
export function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? join(root, newest, "bin") : undefined;
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export type PrivatePostgres = { url: string; stop: () => void; start: () => void; destroy: () => void };

/**
 * A PostgreSQL server of one test's own, on a free loopback port, that the test may stop and start again (the shared
 * server of DATABASE_URL must never be stopped). Runs as the `postgres` user when the tests run as root.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL server binaries are needed: apt-get install postgresql");
  const base = mkdtempSync(join(tmpdir(), "mamori-pg-"));
  const asRoot = userInfo().uid === 0;
  const postgresUid = asRoot ? Number(execFileSync("id", ["-u", "postgres"]).toString().trim()) : undefined;
  if (postgresUid !== undefined) chownSync(base, postgresUid, postgresUid);
  const data = join(base, "data");
  const port = await freePort();
  const run = (command: string, args: string[]) => {
    const full = [join(bin, command), ...args];
    if (asRoot)
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", full.map(quote).join(" ")], { stdio: "pipe" });
    else execFileSync(full[0]!, full.slice(1), { stdio: "pipe" });
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const start = () =>
    run("pg_ctl", [
      "-D",
      data,
      "-o",
      `-p ${port} -k ${base} -c listen_addresses=127.0.0.1`,
      "-l",
      join(base, "log"),
      "-w",
      "start",
    ]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

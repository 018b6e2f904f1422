import { execFile } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { loadConfig } from "../config.ts";
import { DataDirLockedError, lockDataDir } from "../db/data-dir-lock.ts";

const run = promisify(execFile);

/**
 * `mamori backup FILE`: a complete copy of the configured database in one file.
 * - Embedded database: a compressed copy of its data directory (PGlite's own dump), taken under the directory's lock,
 *   so the server must be stopped first.
 * - PostgreSQL server: `pg_dump --format=custom`, a consistent snapshot taken while the server keeps serving.
 * `mamori restore FILE` puts either back into an empty database.
 */
export async function runBackup(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) {
    process.stderr.write("usage: mamori backup FILE\n");
    return 2;
  }
  const config = loadConfig(env);
  if (config.database.kind === "postgres") {
    try {
      await run("pg_dump", [
        "--format=custom",
        "--no-owner",
        `--file=${file}`,
        `--dbname=${config.database.url}`,
      ]);
    } catch (error) {
      process.stderr.write(
        `mamori: pg_dump failed: ${(error as { stderr?: string }).stderr ?? String(error)}\n`,
      );
      return 1;
    }
    process.stdout.write(`Backup of the PostgreSQL database written to ${file}\n`);
    return 0;
  }
  const { dataDir } = config.database;
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
    process.stderr.write(`mamori: there is no database in ${dataDir}\n`);
    return 1;
  }
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`mamori: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create(dataDir);
    const dump = await client.dumpDataDir("gzip");
    await client.close();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    release();
  }
  process.stdout.write(`Backup of the embedded database in ${dataDir} written to ${file}\n`);
  return 0;
}

export { runBackup as run };

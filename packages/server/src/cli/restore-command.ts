import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import { loadConfig } from "../config.ts";
import { connect } from "../db/connect.ts";
import { DataDirLockedError, lockDataDir } from "../db/data-dir-lock.ts";
import type { Database } from "../db/database.ts";
import * as schema from "../db/schema/index.ts";
import { countRowsPerTable } from "../db/table-counts.ts";

const run = promisify(execFile);

/** What a backup file holds, from its first bytes. */
function backupKind(file: string): "pglite" | "postgres" | undefined {
  const head = readFileSync(file).subarray(0, 5);
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  if (head.toString("latin1") === "PGDMP") return "postgres";
  return undefined;
}

/**
 * `mamori restore FILE`: puts a backup made by `mamori backup` into an empty database of the same kind — an empty
 * (or missing) data directory for the embedded database, a database without Mamori's tables on a PostgreSQL server —
 * then applies any newer migrations and prints the rows per table. A database that holds anything is refused.
 */
export async function runRestore(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) {
    process.stderr.write("usage: mamori restore FILE\n");
    return 2;
  }
  if (!existsSync(file)) {
    process.stderr.write(`mamori: no such file: ${file}\n`);
    return 2;
  }
  const config = loadConfig(env);
  const kind = backupKind(file);
  if (kind !== config.database.kind) {
    const what =
      kind === undefined
        ? "not a Mamori backup"
        : `a backup of ${kind === "pglite" ? "an embedded database" : "a PostgreSQL server"}`;
    process.stderr.write(
      `mamori: ${file} is ${what}; the configured database is ${config.database.kind === "pglite" ? "embedded" : "a PostgreSQL server"}\n`,
    );
    return 2;
  }
  if (config.database.kind === "postgres") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: config.database.url });
    await client.connect();
    const { rows } = await client.query(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    await client.end();
    if ((rows[0]?.n ?? 0) > 0) {
      process.stderr.write("mamori: the target database is not empty; restore only into an empty database\n");
      return 1;
    }
    try {
      await run("pg_restore", [
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${config.database.url}`,
        file,
      ]);
    } catch (error) {
      process.stderr.write(
        `mamori: pg_restore failed: ${(error as { stderr?: string }).stderr ?? String(error)}\n`,
      );
      return 1;
    }
    const connection = await connect(config.database);
    try {
      report(await countRowsPerTable(connection.db));
    } finally {
      await connection.close();
    }
    return 0;
  }

  const { dataDir } = config.database;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    process.stderr.write(`mamori: ${dataDir} is not empty; restore only into an empty directory\n`);
    return 1;
  }
  mkdirSync(dataDir, { recursive: true });
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
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    report(await countRowsPerTable(drizzle(client, { schema }) as unknown as Database));
    await client.close();
  } finally {
    release();
  }
  // Newer migrations, if the backup is older than this version of Mamori.
  const connection = await connect(config.database);
  await connection.close();
  return 0;
}

function report(counts: Record<string, number>): void {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `Restored ${Object.keys(counts).length} tables, ${total} rows (audit log: ${counts.audit_log ?? 0} entries)\n`,
  );
}

export { runRestore as run };

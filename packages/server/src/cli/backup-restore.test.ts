import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connect, type DatabaseTarget } from "../db/connect.ts";
import { auditLog } from "../db/schema/index.ts";
import { countRowsPerTable } from "../db/table-counts.ts";
import { seedDemoIfEmpty } from "../demo/seed-demo.ts";
import { runBackup } from "./backup-command.ts";
import { runRestore } from "./restore-command.ts";

// `mamori backup` then `mamori restore` into an empty database gives back every row of every table and every audit
// entry, on the embedded database and on a PostgreSQL server.

async function snapshot(target: DatabaseTarget) {
  const connection = await connect(target);
  try {
    const counts = await countRowsPerTable(connection.db);
    const audit = await connection.db.select().from(auditLog).orderBy(asc(auditLog.id));
    const { rows: partitions } = (await connection.db.execute(
      sql`select inhparent::regclass::text as parent, inhrelid::regclass::text as name from pg_inherits order by 1, 2`,
    )) as unknown as { rows: { parent: string; name: string }[] };
    return { counts, audit, partitions };
  } finally {
    await connection.close();
  }
}

async function seeded(target: DatabaseTarget) {
  const connection = await connect(target);
  try {
    expect(await seedDemoIfEmpty(connection.db, new Date("2026-12-01T09:00:00+09:00"))).toBe(true);
  } finally {
    await connection.close();
  }
}

// Each database kind in its own test project: the embedded one in server-pglite, the server in server-postgres.
describe.runIf(process.env.MAMORI_TEST_DB !== "postgres")(
  "backup and restore of the embedded database",
  () => {
    it("restores into an empty directory with every row and audit entry; refuses a directory that holds a database", async () => {
      const source = mkdtempSync(join(tmpdir(), "mamori-backup-src-"));
      const target = join(mkdtempSync(join(tmpdir(), "mamori-backup-dst-")), "data");
      const file = join(mkdtempSync(join(tmpdir(), "mamori-backup-file-")), "mamori.tar.gz");
      await seeded({ kind: "pglite", dataDir: source });
      const before = await snapshot({ kind: "pglite", dataDir: source });
      expect(before.counts.observations).toBeGreaterThan(1000);
      expect(before.audit.length).toBeGreaterThan(0);
      expect(before.partitions).toContainEqual({ parent: "observations", name: "observations_default" });

      expect(await runBackup([file], { MAMORI_DATA_DIR: source })).toBe(0);
      expect(await runRestore([file], { MAMORI_DATA_DIR: target })).toBe(0);
      const after = await snapshot({ kind: "pglite", dataDir: target });
      expect(after.counts).toEqual(before.counts);
      expect(after.audit).toEqual(before.audit);
      expect(after.partitions).toEqual(before.partitions);

      expect(await runRestore([file], { MAMORI_DATA_DIR: target })).toBe(1);
      expect(await runRestore([join(tmpdir(), `missing-${randomUUID()}`)], { MAMORI_DATA_DIR: target })).toBe(
        2,
      );
    }, 180_000);
  },
);

describe.runIf(process.env.MAMORI_TEST_DB === "postgres")(
  "backup and restore of a PostgreSQL database",
  () => {
    it("restores a pg_dump into an empty database with every row and audit entry", async () => {
      const serverUrl = process.env.DATABASE_URL!;
      const { default: pg } = await import("pg");
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const names = [
        `mamori_bk_src_${randomUUID().slice(0, 8)}`,
        `mamori_bk_dst_${randomUUID().slice(0, 8)}`,
      ];
      for (const name of names) await admin.query(`create database ${name}`);
      const urlOf = (name: string) => {
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        return url.toString();
      };
      const file = join(mkdtempSync(join(tmpdir(), "mamori-backup-file-")), "mamori.dump");
      try {
        const source = { kind: "postgres" as const, url: urlOf(names[0]!) };
        await seeded(source);
        const before = await snapshot(source);
        expect(await runBackup([file], { DATABASE_URL: source.url })).toBe(0);
        expect(await runRestore([file], { DATABASE_URL: urlOf(names[1]!) })).toBe(0);
        const after = await snapshot({ kind: "postgres", url: urlOf(names[1]!) });
        expect(after.counts).toEqual(before.counts);
        expect(after.audit).toEqual(before.audit);
        expect(after.partitions).toEqual(before.partitions);
        expect(before.partitions).toContainEqual({ parent: "audit_log", name: "audit_log_default" });
        expect(await runRestore([file], { DATABASE_URL: urlOf(names[1]!) })).toBe(1);
      } finally {
        for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }, 180_000);
  },
);

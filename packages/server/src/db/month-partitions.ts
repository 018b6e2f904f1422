import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { Database } from "./database.ts";

/** How often the running server makes the coming months' partitions. */
const UPKEEP_INTERVAL_MS = 24 * 60 * 60_000;

/** The tables partitioned by month (migration 0018). */
const PARTITIONED_TABLES = ["observations", "audit_log"] as const;

/**
 * How a partition waits for the tables' locks. Making a partition needs every transaction that uses the table to end,
 * and while it waits for them, every new one waits behind it: so it waits `lockTimeoutMs` at most, then lets the
 * writes through for a pause that doubles from `firstBackoffMs`, `attempts` times in all.
 */
export type PartitionPatience = { lockTimeoutMs: number; attempts: number; firstBackoffMs: number };

/** A write waits a quarter of a second at most; the partition tries for about half a minute. */
const PATIENCE: PartitionPatience = { lockTimeoutMs: 250, attempts: 8, firstBackoffMs: 250 };

/** PostgreSQL's lock_not_available: lock_timeout expired. */
const LOCK_NOT_AVAILABLE = "55P03";

/**
 * Makes the monthly partitions of observations and the audit log around `around` (the month before to three months
 * after) that are missing; answers how many were made. A row of a month without a partition lands in the table's
 * default partition and is read as any other (migration 0018); when its month's partition is made, the row moves into
 * it (migration 0021). Each partition is made in a transaction of its own, which takes the table's locks first
 * (migration 0023) and, when they are not granted within the patience's lock timeout, is tried again after a pause.
 */
export async function ensureMonthPartitions(
  db: Database,
  around: Date,
  patience: PartitionPatience = PATIENCE,
): Promise<number> {
  let made = 0;
  for (const table of PARTITIONED_TABLES)
    for (const month of monthsAround(around))
      if (await createMonthPartition(db, table, month, patience)) made++;
  return made;
}

/** The first days (YYYY-MM-01, UTC) of the month before `around` to the third month after it. */
function monthsAround(around: Date): string[] {
  return [-1, 0, 1, 2, 3].map((offset) =>
    new Date(Date.UTC(around.getUTCFullYear(), around.getUTCMonth() + offset, 1)).toISOString().slice(0, 10),
  );
}

async function createMonthPartition(
  db: Database,
  table: (typeof PARTITIONED_TABLES)[number],
  month: string,
  patience: PartitionPatience,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('lock_timeout', ${`${patience.lockTimeoutMs}ms`}, true)`);
        const result = (await tx.execute(
          sql`select mamori_create_month_partition(${table}, ${month}::date) as made`,
        )) as unknown as { rows: { made: boolean }[] };
        return result.rows[0]?.made === true;
      });
    } catch (error) {
      if (attempt >= patience.attempts || !isLockTimeout(error)) throw error;
      await sleep(patience.firstBackoffMs * 2 ** (attempt - 1));
    }
  }
}

/** Whether the error (or the driver's error it wraps) is PostgreSQL's lock timeout. */
function isLockTimeout(error: unknown): boolean {
  for (let e = error; e instanceof Object; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return true;
  return false;
}

/**
 * Keeps the partitions ahead of the clock while the server runs: once now, then once a day. A failure is reported and
 * tried again the next day (the default partition takes the rows meanwhile). Answers a function that stops it.
 */
export async function keepMonthPartitions(
  db: Database,
  clock: () => Date,
  report: (line: string) => void,
): Promise<() => void> {
  const upkeep = async () => {
    try {
      const made = await ensureMonthPartitions(db, clock());
      if (made > 0) report(`${made} monthly partitions made for observations and the audit log`);
    } catch (error) {
      report(`the monthly partitions could not be made (${(error as Error).message}); trying again tomorrow`);
    }
  };
  await upkeep();
  const timer = setInterval(upkeep, UPKEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

import { sql } from "drizzle-orm";
import type { Executor } from "./database.ts";

/** How often the running server makes the coming months' partitions. */
const UPKEEP_INTERVAL_MS = 24 * 60 * 60_000;

/**
 * Makes the monthly partitions of observations and the audit log around `around` (the month before to three months
 * after) that are missing; answers how many were made. A row of a month without a partition lands in the table's
 * default partition and is read as any other (migration 0018); when its month's partition is made, the row moves into
 * it in the same transaction (migration 0021).
 */
export async function ensureMonthPartitions(db: Executor, around: Date): Promise<number> {
  const result = (await db.execute(
    sql`select mamori_ensure_month_partitions(${around.toISOString()}::timestamptz) as made`,
  )) as unknown as { rows: { made: number }[] };
  return Number(result.rows[0]?.made ?? 0);
}

/**
 * Keeps the partitions ahead of the clock while the server runs: once now, then once a day. A failure is reported and
 * tried again the next day (the default partition takes the rows meanwhile). Answers a function that stops it.
 */
export async function keepMonthPartitions(
  db: Executor,
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

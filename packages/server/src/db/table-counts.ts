import { sql } from "drizzle-orm";
import type { Database } from "./database.ts";

/**
 * Rows per table of Mamori's schema (the migrations' own bookkeeping left out), for a restore to be checked against. A
 * partitioned table counts once, with the rows of all its partitions.
 */
export async function countRowsPerTable(db: Database): Promise<Record<string, number>> {
  const tables = (await db.execute(
    sql`select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  )) as unknown as { rows: { table_name: string }[] };
  const counts: Record<string, number> = {};
  for (const { table_name: name } of tables.rows) {
    const result = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    )) as unknown as {
      rows: { n: number }[];
    };
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

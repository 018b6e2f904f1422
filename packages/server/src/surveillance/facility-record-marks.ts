import { sql } from "drizzle-orm";
import type { Database } from "../db/database.ts";

/**
 * The latest audit entry filed under each facility (0 for none), in one index descent per facility and month
 * (the audit log's primary key, `(organisation_id, id, at)`). Every write to a facility's records appends one (docs/ARCHITECTURE.md, "Storage"), so
 * while a facility's mark and day stay the same, whatever is computed from its records stays the same too.
 */
export async function facilityRecordMarks(
  db: Database,
  facilityIds: readonly string[],
): Promise<Map<string, number>> {
  if (facilityIds.length === 0) return new Map();
  const result = (await db.execute(sql`
    select o.id as "facilityId",
      coalesce((select max(a.id) from audit_log a where a.organisation_id = o.id), 0)::text as mark
    from organisations o
    where o.id in (${sql.join(
      facilityIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`)) as unknown as { rows: { facilityId: string; mark: string }[] };
  return new Map(result.rows.map((r) => [r.facilityId, Number(r.mark)]));
}

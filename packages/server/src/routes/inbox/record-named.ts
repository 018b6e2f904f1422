import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { organisations } from "../../db/schema/index.ts";
import { ambiguousId, notFound } from "../../errors.ts";

/**
 * The one record an id names among those the caller may see. None is a 404, as for an id that does not exist. Several
 * can only be an office's: ids are each facility's own, so two facilities sending to one office may use the same —
 * then a 409 `ambiguous_id` lists those facilities (only those whose record the caller may see), and the caller names
 * one with `?facility=` instead of being answered either.
 */
export async function recordNamed<T>(
  db: Executor,
  what: string,
  visible: readonly T[],
  facilityOf: (record: T) => string,
): Promise<T> {
  const [first, ...others] = visible;
  if (first === undefined) throw notFound(what);
  if (others.length === 0) return first;
  const ids = [...new Set(visible.map(facilityOf))];
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  const name = new Map(rows.map((r) => [r.id, r.name]));
  throw ambiguousId(
    what,
    ids.map((id) => ({ id, name: name.get(id) ?? "" })),
  );
}

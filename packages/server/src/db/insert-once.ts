import { isDeepStrictEqual } from "node:util";
import { and, eq } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { type AuditEntry, appendAudit } from "../audit/audit.ts";
import { conflict } from "../errors.ts";
import type { Executor } from "./database.ts";

/** A table of an organisation's rows, keyed by (organisation, id). */
type TableWithId = PgTable & { id: PgColumn };

/** The organisation a row belongs to: the table's organisation column and its value. */
export type RowOwner = { column: PgColumn; id: string };

const ownRow = (table: TableWithId, owner: RowOwner, id: string) =>
  and(eq(owner.column, owner.id), eq(table.id, id));

/** Who writes the audit entry, for which organisation, and under which action and entity name. */
type AuditOf = Pick<AuditEntry, "actorUserId" | "organisationId" | "action" | "entity">;

/**
 * Inserts a row once under the id the client chose, so a create sent again (a retry after a lost answer) is safe.
 * Ids are the organisation's own (`owner`): an id another organisation uses is a new row of this one. When the
 * organisation already holds the id, the stored row is answered (`created: false`) if it is the caller's (`isOwn`,
 * when given) and `content` of the stored row equals `content` of the stored row overlaid with the new values;
 * otherwise a 409 conflict naming the id. A new row is audited inside the caller's transaction.
 */
export async function insertOnce<T extends TableWithId>(
  tx: Executor,
  command: {
    table: T;
    values: T["$inferInsert"] & { id: string };
    owner: RowOwner;
    isOwn?: (stored: T["$inferSelect"]) => boolean;
    content: (row: T["$inferSelect"]) => unknown;
    audit: AuditOf;
    conflictMessage: string;
    conflictReason: string;
  },
): Promise<{ row: T["$inferSelect"]; created: boolean }> {
  const { table, values } = command;
  const [created] = (await tx
    .insert(table)
    .values(values as PgInsertValue<T>)
    .onConflictDoNothing({ target: [command.owner.column, table.id] })
    .returning()) as T["$inferSelect"][];
  if (created) {
    await appendAudit(tx, [{ ...command.audit, entityId: values.id, after: created }]);
    return { row: created, created: true };
  }
  const [stored] = (await tx
    .select()
    .from(table as PgTable)
    .where(ownRow(table, command.owner, values.id))) as T["$inferSelect"][];
  if (
    !stored ||
    (command.isOwn && !command.isOwn(stored)) ||
    !isDeepStrictEqual(command.content(stored), command.content({ ...stored, ...values }))
  ) {
    throw conflict(command.conflictMessage, [{ path: "id", message: command.conflictReason }]);
  }
  return { row: stored, created: false };
}

/**
 * Writes `changes` to the row `current` of the organisation `owner` (already read, and locked where the caller needs
 * it) and audits the change with the row before and after, inside the caller's transaction. Returns the row as stored.
 */
export async function updateAudited<T extends TableWithId>(
  tx: Executor,
  command: {
    table: T;
    current: T["$inferSelect"] & { id: string };
    owner: RowOwner;
    changes: Partial<T["$inferInsert"]>;
    audit: AuditOf;
  },
): Promise<T["$inferSelect"]> {
  const { table, current } = command;
  const [after] = (await tx
    .update(table)
    .set(command.changes as PgUpdateSetSource<T>)
    .where(ownRow(table, command.owner, current.id))
    .returning()) as T["$inferSelect"][];
  await appendAudit(tx, [{ ...command.audit, entityId: current.id, before: current, after }]);
  return after!;
}

import type { Executor } from "../db/database.ts";
import { auditLog } from "../db/schema/index.ts";

export type AuditEntry = {
  actorUserId: string | null;
  organisationId: string | null;
  action:
    | "create"
    | "create_refused"
    | "update"
    | "delete"
    | "import"
    | "sign_in"
    | "sign_in_failed"
    | "sign_out";
  entity: string;
  entityId: string;
  /** When, by the app's clock; the database's clock when left out. */
  at?: Date;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends entries to the audit log inside the caller's transaction, so a write and its audit entry commit together or
 * not at all.
 */
export async function appendAudit(executor: Executor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(auditLog).values(
    entries.map((e) => ({
      actorUserId: e.actorUserId,
      organisationId: e.organisationId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      ...(e.at ? { at: e.at } : {}),
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

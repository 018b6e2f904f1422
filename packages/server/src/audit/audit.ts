import type { Executor } from "../db/database.ts";
import { auditLog } from "../db/schema/index.ts";

export type AuditEntry = {
  actorUserId: string | null;
  /** The organisation the entry is filed under; `NO_ORGANISATION` for an entry that belongs to none. */
  organisationId: string;
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
 * The fields that name or identify a person (a resident's or a staff member's name and birth date, an account's
 * username and display name, `name` where the entity is a person or a user, a hospital's patient id) or open an
 * account (password hashes, second-factor secrets). The audit log records what changed, by whom, in which
 * organisation: these are left out of `before` and `after`, which list their names under `withheld` instead, so that
 * the log can be read, exported and kept for years without becoming a register of people.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  "nameKana",
  "displayName",
  "username",
  "birthDate",
  "patientLabel",
  "passwordHash",
  "totpSecret",
  "totpPendingSecret",
]);

/** Entities whose `name` is a person's name (a unit's, a room's or an organisation's name is kept). */
const NAMED_PEOPLE: ReadonlySet<string> = new Set(["person", "user"]);

/** A row for the audit log: the same content without the personal fields (see PERSONAL_FIELDS). */
export function withoutPersonalData(value: unknown, entity = ""): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, entity));
  const kept: Record<string, unknown> = {};
  const withheld: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (PERSONAL_FIELDS.has(key) || (key === "name" && NAMED_PEOPLE.has(entity))) withheld.push(key);
    else kept[key] = withoutPersonalData(field, entity);
  }
  if (withheld.length > 0) kept.withheld = withheld;
  return kept;
}

/**
 * Appends entries to the audit log inside the caller's transaction, so a write and its audit entry commit together or
 * not at all. Personal fields are left out of the content (PERSONAL_FIELDS).
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
      before: withoutPersonalData(e.before ?? null, e.entity),
      after: withoutPersonalData(e.after ?? null, e.entity),
    })),
  );
}

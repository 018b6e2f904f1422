import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only record of every write: who, when, what, before and after. A trigger in the migrations refuses UPDATE,
 * DELETE and TRUNCATE on this table, so no API and no later bug can rewrite it. Partitioned by month of `at`
 * (migration 0018); `id` still grows with every entry, so it orders the log. Keyed by the organisation first, as
 * every per-organisation table (docs/scaling.md): an entry of no organisation is filed under `NO_ORGANISATION`
 * (audit/audit.ts).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    organisationId: uuid("organisation_id").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    // Also an organisation's latest entry in one descent per month's index: what the region view's alerts are kept
    // against.
    primaryKey({ columns: [t.organisationId, t.id, t.at] }),
    index("audit_entity_idx").on(t.entity, t.entityId),
  ],
);

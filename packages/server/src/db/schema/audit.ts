import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only record of every write: who, when, what, before and after. A trigger in the migrations refuses UPDATE,
 * DELETE and TRUNCATE on this table, so no API and no later bug can rewrite it.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    organisationId: uuid("organisation_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    // An organisation's latest entry in one index descent: what the region view's alerts are kept against.
    index("audit_organisation_idx").on(t.organisationId, t.id),
  ],
);

import { customType, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations.ts";
import { users } from "./users.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A municipality's own report form (manual p.48: 各市町村指定の報告書用紙書式): an .xlsx whose cells are addressed by
 * defined names, used when its facilities download a report as Excel. One per municipality; an upload replaces it
 * (audited), and without one the Mamori default form is used.
 */
export const reportTemplates = pgTable("report_templates", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => organisations.id),
  fileName: text("file_name").notNull(),
  xlsx: bytea("xlsx").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  /** The defined names the template uses (all known to Mamori). */
  names: jsonb("names").$type<string[]>().notNull(),
  uploadedBy: uuid("uploaded_by")
    .notNull()
    .references(() => users.id),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
});

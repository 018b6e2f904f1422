import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { NO_ORGANISATION } from "../../audit/no-organisation.ts";

/**
 * Every organisation that signs in: facilities (elderly care, childcare, disability, hospital), the health centres and
 * municipalities they report to, and the survey secretariat. A facility reports to one health centre and one
 * municipality — two overseers, not a tree.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["facility", "health_centre", "municipality", "secretariat"] }).notNull(),
    name: text("name").notNull(),
    facilityType: text("facility_type", { enum: ["elderly_care", "childcare", "disability", "hospital"] }),
    timeZone: text("time_zone").notNull().default("Asia/Tokyo"),
    /** The prefecture (都道府県) of a facility, the finest place the survey secretariat sees. */
    prefecture: text("prefecture"),
    ruleProfile: text("rule_profile").notNull().default("mhlw-2005"),
    healthCentreId: uuid("health_centre_id").references((): AnyPgColumn => organisations.id),
    municipalityId: uuid("municipality_id").references((): AnyPgColumn => organisations.id),
    /**
     * Whether administrators, directors and officers of this organisation must sign in with a second factor (TOTP).
     * On for every organisation unless set off; the seeded demo organisations set it off so that the published demo
     * accounts sign in with their password alone.
     */
    requireSecondFactor: boolean("require_second_factor").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Since when a facility shares its daily new-onset counts per group (付録4② numbers, no names) with its health
     * centre's region view; null while it does not. Off until the director or administrator turns it on (audited).
     */
    sharesCountsSince: timestamp("shares_counts_since", { withTimezone: true }),
  },
  (t) => [
    check("facility_has_type", sql`(${t.kind} = 'facility') = (${t.facilityType} is not null)`),
    // The audit log's "no organisation" (audit/no-organisation.ts) is never an organisation's id.
    check("organisation_not_none", sql`${t.id} <> ${sql.raw(`'${NO_ORGANISATION}'::uuid`)}`),
  ],
);

/** A floor or unit (階・ユニット) of a facility; the daily round is done per unit. */
export const units = pgTable(
  "units",
  {
    id: uuid("id").notNull().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    floor: text("floor").notNull(),
    sortOrder: text("sort_order").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.id] })],
);

/** A room (号室) within a unit. */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").notNull().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    unitId: uuid("unit_id").notNull(),
    name: text("name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.id] }),
    foreignKey({
      name: "rooms_unit_fk",
      columns: [t.facilityId, t.unitId],
      foreignColumns: [units.facilityId, units.id],
    }),
  ],
);

import {
  boolean,
  date,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, rooms, units } from "./organisations.ts";

/** Residents, short-stay and day-service users, and staff of a facility (facility-surveillance.md §2). */
export const people = pgTable(
  "people",
  {
    id: uuid("id").notNull().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    nameKana: text("name_kana"),
    kind: text("kind", { enum: ["resident", "short_stay", "day_service", "staff"] }).notNull(),
    job: text("job", { enum: ["care", "nursing", "kitchen", "other"] }),
    unitId: uuid("unit_id"),
    roomId: uuid("room_id"),
    baselineTempC: numeric("baseline_temp_c", { precision: 3, scale: 1, mode: "number" }),
    /** Optional; a vaccination or other record about the person dated before it is refused. */
    birthDate: date("birth_date", { mode: "string" }),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "people_unit_fk",
      columns: [t.facilityId, t.unitId],
      foreignColumns: [units.facilityId, units.id],
    }),
    foreignKey({
      name: "people_room_fk",
      columns: [t.facilityId, t.roomId],
      foreignColumns: [rooms.facilityId, rooms.id],
    }),
    primaryKey({ columns: [t.facilityId, t.id] }),
    index("people_facility_idx").on(t.facilityId),
  ],
);

import { asc, eq, inArray } from "drizzle-orm";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { organisations, rooms, units } from "../../db/schema/index.ts";

/** The facility with its overseers, units and rooms, as the API presents it. */
export async function loadFacility(db: Executor, facilityId: string) {
  const [facility] = await db.select().from(organisations).where(eq(organisations.id, facilityId));
  const f = assertFound(facility, "Facility");
  const overseerIds = [f.healthCentreId, f.municipalityId].filter((id): id is string => id !== null);
  const overseers = overseerIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, overseerIds))
    : [];
  const unitRows = await db
    .select()
    .from(units)
    .where(eq(units.facilityId, facilityId))
    .orderBy(asc(units.sortOrder), asc(units.floor), asc(units.name));
  const roomRows = unitRows.length
    ? await db.select().from(rooms).where(eq(rooms.facilityId, facilityId)).orderBy(asc(rooms.name))
    : [];
  const overseer = (id: string | null) => overseers.find((o) => o.id === id) ?? null;
  return {
    id: f.id,
    name: f.name,
    type: f.facilityType ?? "elderly_care",
    timeZone: f.timeZone,
    ruleProfile: f.ruleProfile,
    prefecture: f.prefecture,
    healthCentre: overseer(f.healthCentreId),
    municipality: overseer(f.municipalityId),
    units: unitRows.map((u) => ({
      id: u.id,
      name: u.name,
      floor: u.floor,
      rooms: roomRows.filter((r) => r.unitId === u.id).map((r) => ({ id: r.id, name: r.name })),
    })),
  };
}

export async function facilityTimeZone(db: Executor, facilityId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  return assertFound(row, "Facility").timeZone;
}

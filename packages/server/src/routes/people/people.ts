import { and, asc, eq, min } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { people, rooms, routineRecords, units } from "../../db/schema/index.ts";
import { type FieldError, validationFailed } from "../../errors.ts";

/** People of a facility as the API presents them: no more than a round and a setup screen need. */
export async function listPeople(
  db: Executor,
  facilityId: string,
  where = eq(people.facilityId, facilityId),
) {
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      nameKana: people.nameKana,
      kind: people.kind,
      job: people.job,
      unit: units.name,
      unitId: people.unitId,
      room: rooms.name,
      roomId: people.roomId,
      baselineTempC: people.baselineTempC,
      birthDate: people.birthDate,
      active: people.active,
    })
    .from(people)
    .leftJoin(units, and(eq(units.facilityId, people.facilityId), eq(units.id, people.unitId)))
    .leftJoin(rooms, and(eq(rooms.facilityId, people.facilityId), eq(rooms.id, people.roomId)))
    .where(and(eq(people.facilityId, facilityId), where))
    .orderBy(asc(units.floor), asc(rooms.name), asc(people.nameKana), asc(people.name));
  return rows;
}

/**
 * Checks that a unit and room belong to the facility and to each other; returns field errors (unknown ids of another
 * facility read as unknown, never as "someone else's").
 */
export async function checkPlacement(
  db: Executor,
  facilityId: string,
  placement: { unitId?: string | null; roomId?: string | null },
  pathPrefix = "",
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (placement.unitId) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, placement.unitId), eq(units.facilityId, facilityId)));
    if (!unit) errors.push({ path: `${pathPrefix}unitId`, message: "unknown unit" });
  }
  if (placement.roomId) {
    const [room] = await db
      .select({ unitId: rooms.unitId })
      .from(rooms)
      .where(and(eq(rooms.facilityId, facilityId), eq(rooms.id, placement.roomId)));
    if (!room) errors.push({ path: `${pathPrefix}roomId`, message: "unknown room" });
    else if (placement.unitId && room.unitId !== placement.unitId)
      errors.push({ path: `${pathPrefix}roomId`, message: "room is not in that unit" });
  }
  return errors;
}

export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) throw validationFailed(errors);
}

/**
 * Checks a birth date: not after the facility's today, and — for a person already recorded — not after the earliest
 * routine record about them (a vaccination, a health check), so that no stored record comes to lie before the birth.
 */
export async function checkBirthDate(
  db: Executor,
  facilityId: string,
  birthDate: string | null | undefined,
  today: string,
  personId?: string,
): Promise<FieldError[]> {
  if (!birthDate) return [];
  if (birthDate > today) return [{ path: "birthDate", message: "must not be in the future" }];
  if (personId === undefined) return [];
  const [row] = await db
    .select({ first: min(routineRecords.date) })
    .from(routineRecords)
    .where(and(eq(routineRecords.facilityId, facilityId), eq(routineRecords.personId, personId)));
  return row?.first && birthDate > row.first
    ? [{ path: "birthDate", message: `must not be after a record about this person (${row.first})` }]
    : [];
}

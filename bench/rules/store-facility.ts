import { randomUUID } from "node:crypto";
import { hashPassword } from "../../packages/server/src/auth/password.ts";
import type { Database } from "../../packages/server/src/db/database.ts";
import {
  cases,
  observations,
  organisations,
  people,
  rooms,
  units,
  users,
} from "../../packages/server/src/db/schema/index.ts";
import { generateFacility } from "./generate.ts";

/**
 * Stores the rules benchmark's facility (generate.ts: 100 people, a year of rounds) through the real schema — offices,
 * two floors with rooms, people, a nurse who may sign in with `password`, observations and recorded cases — for the
 * benchmarks that time the API on it (bench/forms, bench/home).
 */
export async function storeRulesFacility(db: Database, password: string) {
  const scenario = generateFacility();
  const tag = randomUUID().slice(0, 8);
  const [healthCentre] = await db
    .insert(organisations)
    .values({ kind: "health_centre", name: `ベンチ保健所 ${tag}` })
    .returning();
  const [municipality] = await db
    .insert(organisations)
    .values({ kind: "municipality", name: `ベンチ市 ${tag}` })
    .returning();
  const [facility] = await db
    .insert(organisations)
    .values({
      kind: "facility",
      facilityType: "elderly_care",
      name: `ベンチ施設 ${tag}`,
      timeZone: "Asia/Tokyo",
      healthCentreId: healthCentre!.id,
      municipalityId: municipality!.id,
    })
    .returning();
  const facilityId = facility!.id;
  const unitRows = await db
    .insert(units)
    .values([
      { facilityId, name: "1階", floor: "1F", sortOrder: "1" },
      { facilityId, name: "2階", floor: "2F", sortOrder: "2" },
    ])
    .returning();
  const unitOf = new Map(unitRows.map((u) => [u.floor, u.id]));
  const roomNames = [...new Set(scenario.people.flatMap((p) => (p.room ? [`${p.unit}|${p.room}`] : [])))];
  const roomRows = await db
    .insert(rooms)
    .values(
      roomNames.map((key) => ({
        facilityId,
        unitId: unitOf.get(key.split("|")[0]!)!,
        name: key.split("|")[1]!,
      })),
    )
    .returning();
  const roomOf = new Map(roomRows.map((r, i) => [roomNames[i]!, r.id]));
  const personRows = await db
    .insert(people)
    .values(
      scenario.people.map((p, i) => ({
        facilityId,
        name: `${p.kind === "staff" ? "職員" : "利用者"}${i + 1} ${tag}`,
        kind: p.kind,
        job: p.job ?? null,
        unitId: p.unit ? (unitOf.get(p.unit) ?? null) : null,
        roomId: p.room ? (roomOf.get(`${p.unit}|${p.room}`) ?? null) : null,
        baselineTempC: p.baselineTempC ?? null,
      })),
    )
    .returning({ id: people.id });
  const personOf = new Map(scenario.people.map((p, i) => [p.id, personRows[i]!.id]));
  const [nurse] = await db
    .insert(users)
    .values({
      organisationId: facilityId,
      username: `bench-nurse-${tag}`,
      displayName: `看護職員 ${tag}`,
      role: "nurse",
      passwordHash: await hashPassword(password),
    })
    .returning();
  const rows = scenario.observations.map((o) => ({
    id: randomUUID(),
    facilityId,
    personId: personOf.get(o.personId)!,
    at: new Date(o.at),
    tempC: o.tempC ?? null,
    symptoms: [...(o.symptoms ?? [])],
    recordedBy: nurse!.id,
  }));
  for (let i = 0; i < rows.length; i += 2000) await db.insert(observations).values(rows.slice(i, i + 2000));
  const recorded = scenario.cases ?? [];
  if (recorded.length > 0) {
    await db.insert(cases).values(
      recorded.map((c) => ({
        id: randomUUID(),
        facilityId,
        personId: personOf.get(c.personId)!,
        disease: c.disease,
        status: c.status,
        onsetDate: c.onsetDate,
        resolvedDate: c.resolvedDate ?? null,
        outcomes: [...(c.outcomes ?? [])],
        recordedBy: nurse!.id,
      })),
    );
  }
  return {
    scenario,
    facilityId,
    username: nurse!.username,
    observations: rows.length,
    cases: recorded.length,
  };
}

import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { hashPassword } from "../../packages/server/src/auth/password.ts";
import type { Database } from "../../packages/server/src/db/database.ts";
import {
  auditLog,
  observations,
  organisations,
  people,
  rooms,
  units,
  users,
} from "../../packages/server/src/db/schema/index.ts";

export const BENCH_PASSWORD = "mamori-bench-password";

export type BenchFacility = {
  facilityId: string;
  personIds: string[];
  usernames: string[];
};

/**
 * A facility of the benchmark's own (random name, so runs and tests never meet): its health centre and municipality,
 * two floors with rooms, `peopleCount` residents with usual temperatures, and `userCount` care workers who may record
 * observations. The Argon2id hash is computed once and shared by all users — hashing is paid at sign-in, not here.
 */
export async function createBenchFacility(
  db: Database,
  options: { peopleCount: number; userCount: number },
): Promise<BenchFacility> {
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
  const roomRows = await db
    .insert(rooms)
    .values(
      Array.from({ length: Math.ceil(options.peopleCount / 2) }, (_, i) => ({
        facilityId,
        unitId: unitRows[i % 2]!.id,
        name: `${(i % 2) + 1}${String(Math.floor(i / 2) + 1).padStart(2, "0")}`,
      })),
    )
    .returning();
  const personRows = await db
    .insert(people)
    .values(
      Array.from({ length: options.peopleCount }, (_, i) => {
        const room = roomRows[Math.floor(i / 2)]!;
        return {
          facilityId,
          name: `入居者${i + 1} ${tag}`,
          kind: "resident" as const,
          unitId: room.unitId,
          roomId: room.id,
          baselineTempC: 36 + (i % 8) / 10,
        };
      }),
    )
    .returning({ id: people.id });
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const userRows = await db
    .insert(users)
    .values(
      Array.from({ length: options.userCount }, (_, i) => ({
        organisationId: facilityId,
        username: `bench-care-${tag}-${i + 1}`,
        displayName: `介護職員${i + 1} ${tag}`,
        role: "care_worker" as const,
        passwordHash,
      })),
    )
    .returning({ username: users.username });
  return { facilityId, personIds: personRows.map((p) => p.id), usernames: userRows.map((u) => u.username) };
}

/** Observation rows of the facility and the audit entries recording their creation. */
export async function countStored(
  db: Database,
  facilityId: string,
): Promise<{ observations: number; auditCreates: number }> {
  const [rows] = await db
    .select({ n: count() })
    .from(observations)
    .where(eq(observations.facilityId, facilityId));
  const [audits] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organisationId, facilityId),
        eq(auditLog.entity, "observation"),
        eq(auditLog.action, "create"),
      ),
    );
  return { observations: Number(rows?.n ?? 0), auditCreates: Number(audits?.n ?? 0) };
}

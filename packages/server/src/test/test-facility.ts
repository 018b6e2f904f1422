import { randomUUID } from "node:crypto";
import type { Role } from "@mamori/contract/permissions";
import type { PersonKind } from "@mamori/domain/surveillance";
import type { FastifyInstance } from "fastify";
import { createUser } from "../accounts/create-user.ts";
import type { Database } from "../db/database.ts";
import { organisations, people, rooms, units } from "../db/schema/index.ts";

export const TEST_PASSWORD = "correct horse battery";

/** A facility of its own for one test: overseers, two units with rooms, a few people, and a user per role asked for. */
export async function makeFacility(
  db: Database,
  options: {
    roles?: Role[];
    people?: { kind: PersonKind; unit?: 0 | 1; baselineTempC?: number }[];
    /**
     * Whether the organisations require a second factor of administrators, directors and officers (the default of a
     * real organisation). Off unless asked, so tests sign in with the password as before.
     */
    requireSecondFactor?: boolean;
  } = {},
) {
  const tag = randomUUID().slice(0, 8);
  const requireSecondFactor = options.requireSecondFactor ?? false;
  const [healthCentre] = await db
    .insert(organisations)
    .values({ kind: "health_centre", name: `保健所 ${tag}`, requireSecondFactor })
    .returning();
  const [municipality] = await db
    .insert(organisations)
    .values({ kind: "municipality", name: `市 ${tag}`, requireSecondFactor })
    .returning();
  const [facility] = await db
    .insert(organisations)
    .values({
      kind: "facility",
      facilityType: "elderly_care",
      name: `施設 ${tag}`,
      requireSecondFactor,
      healthCentreId: healthCentre!.id,
      municipalityId: municipality!.id,
    })
    .returning();
  const unitRows = await db
    .insert(units)
    .values([
      { facilityId: facility!.id, name: "1階", floor: "1F", sortOrder: "1" },
      { facilityId: facility!.id, name: "2階", floor: "2F", sortOrder: "2" },
    ])
    .returning();
  const roomRows = await db
    .insert(rooms)
    .values([
      { facilityId: facility!.id, unitId: unitRows[0]!.id, name: "101" },
      { facilityId: facility!.id, unitId: unitRows[0]!.id, name: "102" },
      { facilityId: facility!.id, unitId: unitRows[1]!.id, name: "201" },
    ])
    .returning();
  const specs = options.people ?? [
    { kind: "resident", unit: 0, baselineTempC: 36.2 },
    { kind: "resident", unit: 0 },
    { kind: "resident", unit: 1 },
    { kind: "staff" },
  ];
  const personRows = await db
    .insert(people)
    .values(
      specs.map((s, i) => ({
        facilityId: facility!.id,
        name: `利用者${i + 1} ${tag}`,
        kind: s.kind,
        job: s.kind === "staff" ? ("care" as const) : null,
        unitId: s.unit === undefined ? null : unitRows[s.unit]!.id,
        baselineTempC: s.baselineTempC ?? null,
      })),
    )
    .returning();
  const usernames: Partial<Record<Role, string>> = {};
  for (const role of options.roles ?? ["care_worker"]) {
    const username = `${role}-${tag}`;
    await createUser(db, {
      organisationId: facility!.id,
      username,
      displayName: `${role} ${tag}`,
      role,
      password: TEST_PASSWORD,
    });
    usernames[role] = username;
  }
  return {
    facility: facility!,
    healthCentre: healthCentre!,
    municipality: municipality!,
    units: unitRows,
    rooms: roomRows,
    people: personRows,
    usernames,
  };
}

/** Signs in through the API and returns the cookie header for later requests. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "mamori_session");
  return `mamori_session=${cookie!.value}`;
}

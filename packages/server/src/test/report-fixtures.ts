import { randomUUID } from "node:crypto";
import type { Role } from "@mamori/contract/permissions";
import type { FastifyInstance } from "fastify";
import { createUser } from "../accounts/create-user.ts";
import type { Database } from "../db/database.ts";
import { observations } from "../db/schema/index.ts";
import { makeFacility, signIn, TEST_PASSWORD } from "./test-facility.ts";

/** Every role a facility's own staff may have. */
export const FACILITY_ROLES: Role[] = ["care_worker", "nurse", "ic_lead", "director", "physician", "admin"];

/**
 * A facility with `residents` residents and a staff member, a user per facility role, and an officer in each of its
 * two offices. `ill` residents started vomiting on `onsetDay` after four quiet rounds.
 */
export async function reportingFacility(
  db: Database,
  options: { residents?: number; ill?: number; onsetDay: string },
) {
  const residents = options.residents ?? 24;
  const f = await makeFacility(db, {
    roles: FACILITY_ROLES,
    people: [
      ...Array.from({ length: residents }, (_, i) => ({ kind: "resident" as const, unit: (i % 2) as 0 | 1 })),
      { kind: "staff" as const },
    ],
  });
  const tag = randomUUID().slice(0, 8);
  const hcOfficer = `hc-${tag}`;
  const muniOfficer = `muni-${tag}`;
  await createUser(db, {
    organisationId: f.healthCentre.id,
    username: hcOfficer,
    displayName: `保健所 ${tag}`,
    role: "health_centre_officer",
    password: TEST_PASSWORD,
  });
  await createUser(db, {
    organisationId: f.municipality.id,
    username: muniOfficer,
    displayName: `市 ${tag}`,
    role: "municipal_officer",
    password: TEST_PASSWORD,
  });
  await addIllness(db, f, options.ill ?? 0, options.onsetDay, 0);
  return { ...f, hcOfficer, muniOfficer };
}

/** Quiet rounds for the days before, then `count` residents (from `first`) vomiting on `day`. */
export async function addIllness(
  db: Database,
  f: Awaited<ReturnType<typeof makeFacility>>,
  count: number,
  day: string,
  first: number,
) {
  const recorder = await signInUserId(db, f);
  const rows = [];
  const base = new Date(`${day}T09:00:00+09:00`);
  if (first === 0)
    for (let back = 5; back >= 1; back--)
      for (const p of f.people)
        rows.push({
          id: randomUUID(),
          facilityId: f.facility.id,
          personId: p.id,
          at: new Date(base.getTime() - back * 86_400_000),
          tempC: 36.4,
          symptoms: [],
          recordedBy: recorder,
        });
  for (const p of f.people.filter((p) => p.kind === "resident").slice(first, first + count))
    rows.push({
      id: randomUUID(),
      facilityId: f.facility.id,
      personId: p.id,
      at: base,
      tempC: 37.8,
      symptoms: ["vomiting" as const, "watery_stool" as const],
      recordedBy: recorder,
    });
  if (rows.length) await db.insert(observations).values(rows);
}

async function signInUserId(db: Database, f: Awaited<ReturnType<typeof makeFacility>>): Promise<string> {
  const { users } = await import("../db/schema/index.ts");
  const { eq } = await import("drizzle-orm");
  const username = Object.values(f.usernames)[0]!;
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

/** Cookies of every user of a reporting facility: its staff by role, and its two officers. */
export async function cookiesOf(app: FastifyInstance, f: Awaited<ReturnType<typeof reportingFacility>>) {
  const staff: Partial<Record<Role, string>> = {};
  for (const role of FACILITY_ROLES) staff[role] = await signIn(app, f.usernames[role]!);
  return { staff, hc: await signIn(app, f.hcOfficer), muni: await signIn(app, f.muniOfficer) };
}

import { randomUUID } from "node:crypto";
import type { Role } from "@mamori/contract/permissions";
import type { PersonKind, StaffJob } from "@mamori/domain/surveillance";
import { count, eq } from "drizzle-orm";
import { createUser } from "../accounts/create-user.ts";
import { appendAudit } from "../audit/audit.ts";
import type { Database, Executor } from "../db/database.ts";
import { observations, organisations, people, rooms, units, users } from "../db/schema/index.ts";
import { insertSyntheticResponses } from "../routes/survey/synthetic-responses.ts";
import { dayInZone } from "../time/facility-day.ts";
import { seedDemoCre } from "./demo-cre.ts";
import { FAMILY_NAMES, GIVEN_NAMES_ELDER, GIVEN_NAMES_STAFF } from "./demo-names.ts";
import { type DemoPerson, planDemoRounds } from "./demo-rounds.ts";
import { seedDemoRoutine } from "./demo-routine.ts";
import { pick, seededRandom } from "./random.ts";

export const DEMO_PASSWORD = "mamori-demo";
export const DEMO_DAYS = 60;
const TIME_ZONE = "Asia/Tokyo";

type DemoOrg =
  | "facility"
  | "hospital"
  | "health_centre"
  | "municipality"
  | "secretariat"
  | "facility2"
  | "health_centre2"
  | "municipality2";
export const DEMO_USERS: readonly { username: string; role: Role; org: DemoOrg; displayName: string }[] = [
  { username: "demo-care", role: "care_worker", org: "facility", displayName: "介護 花子" },
  { username: "demo-nurse", role: "nurse", org: "facility", displayName: "看護 由美" },
  { username: "demo-lead", role: "ic_lead", org: "facility", displayName: "感染対策 健一" },
  { username: "demo-director", role: "director", org: "facility", displayName: "施設長 正人" },
  { username: "demo-physician", role: "physician", org: "hospital", displayName: "医師 誠" },
  { username: "demo-lab", role: "lab_technologist", org: "hospital", displayName: "検査 彩" },
  { username: "demo-ast", role: "ast_member", org: "hospital", displayName: "AST 薬剤師 聡" },
  { username: "demo-hc", role: "health_centre_officer", org: "health_centre", displayName: "保健所 担当 恵" },
  { username: "demo-muni", role: "municipal_officer", org: "municipality", displayName: "市 担当 拓也" },
  { username: "demo-secretariat", role: "secretariat", org: "secretariat", displayName: "調査事務局 香織" },
  // A second clerk: a paper response is keyed in by two people (double entry).
  { username: "demo-secretariat2", role: "secretariat", org: "secretariat", displayName: "調査事務局 健太" },
  { username: "demo-admin", role: "admin", org: "facility", displayName: "管理者 亮" },
  // A second facility under other offices: what one office sees, the other must not (docs/contracts/reports.md).
  { username: "demo-director2", role: "director", org: "facility2", displayName: "施設長 美和" },
  {
    username: "demo-hc2",
    role: "health_centre_officer",
    org: "health_centre2",
    displayName: "保健所 担当 翔",
  },
  { username: "demo-muni2", role: "municipal_officer", org: "municipality2", displayName: "町 担当 陽子" },
];
export const DEMO_USERNAMES = DEMO_USERS.map((u) => u.username);

/** Whether the database holds the demo's users (to remind whoever starts the server how to sign in). */
export async function demoUsersPresent(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(eq(users.username, DEMO_USERS[0]!.username));
  return (row?.n ?? 0) > 0;
}

/** Seeds the demo only into a database without any organisation; an existing database is never touched. */
export async function seedDemoIfEmpty(db: Database, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ n: count() }).from(organisations);
    if ((row?.n ?? 0) > 0) return false;
    await seedDemo(tx, now);
    return true;
  });
}

/**
 * The demo: みなと市 with its health centre, the elderly-care home さくらの里 (2 floors, 40 residents, short-stay and
 * day-service users, 15 staff) with 60 days of rounds that end in a gastrointestinal cluster on 2F, a hospital for the
 * CRE work, the survey secretariat, and one user per role.
 */
export async function seedDemo(tx: Executor, now: Date): Promise<void> {
  const random = seededRandom(20240125);
  // The demo organisations do not require a second factor, so the published demo accounts (and the contracts in
  // docs/contracts) sign in with the password alone; every other organisation requires it of its administrators,
  // directors and officers (the column's default).
  const [municipality] = await tx
    .insert(organisations)
    .values({
      requireSecondFactor: false,
      kind: "municipality",
      name: "みなと市 介護保険課",
    })
    .returning();
  const [healthCentre] = await tx
    .insert(organisations)
    .values({
      requireSecondFactor: false,
      kind: "health_centre",
      name: "みなと市保健所",
    })
    .returning();
  const [secretariat] = await tx
    .insert(organisations)
    .values({
      requireSecondFactor: false,
      kind: "secretariat",
      name: "CRE治療薬アンケート事務局",
    })
    .returning();
  const [facility] = await tx
    .insert(organisations)
    .values({
      requireSecondFactor: false,
      kind: "facility",
      facilityType: "elderly_care",
      name: "特別養護老人ホーム さくらの里",
      timeZone: TIME_ZONE,
      // The demo facilities share their daily counts with their health centre (the region view has something to show).
      sharesCountsSince: new Date(now.getTime() - DEMO_DAYS * 86_400_000),
      healthCentreId: healthCentre!.id,
      municipalityId: municipality!.id,
    })
    .returning();
  const [hospital] = await tx
    .insert(organisations)
    .values({
      requireSecondFactor: false,
      kind: "facility",
      facilityType: "hospital",
      name: "みなと総合病院",
      timeZone: TIME_ZONE,
      prefecture: "東京都",
      healthCentreId: healthCentre!.id,
      municipalityId: municipality!.id,
    })
    .returning();
  const [municipality2] = await tx
    .insert(organisations)
    .values({ kind: "municipality", name: "やまべ町 福祉課", requireSecondFactor: false })
    .returning();
  const [healthCentre2] = await tx
    .insert(organisations)
    .values({ kind: "health_centre", name: "やまべ保健所", requireSecondFactor: false })
    .returning();
  const [facility2] = await tx
    .insert(organisations)
    .values({
      kind: "facility",
      facilityType: "elderly_care",
      name: "介護老人保健施設 やまびこ",
      timeZone: TIME_ZONE,
      sharesCountsSince: new Date(now.getTime() - DEMO_DAYS * 86_400_000),
      requireSecondFactor: false,
      healthCentreId: healthCentre2!.id,
      municipalityId: municipality2!.id,
    })
    .returning();
  const orgIds: Record<DemoOrg, string> = {
    facility2: facility2!.id,
    health_centre2: healthCentre2!.id,
    municipality2: municipality2!.id,
    facility: facility!.id,
    hospital: hospital!.id,
    health_centre: healthCentre!.id,
    municipality: municipality!.id,
    secretariat: secretariat!.id,
  };

  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    userIds.set(
      u.username,
      await createUser(tx, {
        organisationId: orgIds[u.org],
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        password: DEMO_PASSWORD,
      }),
    );
  }

  const [unit2] = await tx
    .insert(units)
    .values({ facilityId: facility2!.id, name: "1階", floor: "1F", sortOrder: "1" })
    .returning();
  await tx.insert(people).values(
    Array.from({ length: 6 }, (_, i) => ({
      facilityId: facility2!.id,
      ...{ name: `やまびこ 利用者${i + 1}`, nameKana: `ヤマビコ リヨウシャ${i + 1}` },
      kind: "resident" as const,
      unitId: unit2!.id,
      baselineTempC: 36.4,
    })),
  );

  await seedDemoCre(tx, { hospitalId: hospital!.id, userIds, now, timeZone: TIME_ZONE });
  // The survey secretariat's overview needs responses from many hospitals: paper responses already keyed in.
  await insertSyntheticResponses(tx, {
    count: 48,
    seed: 2024,
    createdBy: userIds.get("demo-secretariat")!,
    now,
  });

  const floorUnits = await tx
    .insert(units)
    .values([
      { facilityId: facility!.id, name: "1階 さくらユニット", floor: "1F", sortOrder: "1" },
      { facilityId: facility!.id, name: "2階 もみじユニット", floor: "2F", sortOrder: "2" },
    ])
    .returning();
  const roomRows = await tx
    .insert(rooms)
    .values(
      floorUnits.flatMap((u, f) =>
        Array.from({ length: 10 }, (_, i) => ({
          facilityId: facility!.id,
          unitId: u.id,
          name: `${f + 1}${String(i + 1).padStart(2, "0")}号室`,
        })),
      ),
    )
    .returning();

  const personRows: (typeof people.$inferInsert)[] = [];
  const name = (given: readonly [string, string][]) => {
    const [family, familyKana] = pick(random, FAMILY_NAMES);
    const [first, firstKana] = pick(random, given);
    return { name: `${family} ${first}`, nameKana: `${familyKana} ${firstKana}` };
  };
  const add = (kind: PersonKind, count: number, options: { job?: StaffJob; placed?: boolean } = {}) => {
    for (let i = 0; i < count; i++) {
      const unit = floorUnits[i % 2]!;
      const unitRooms = roomRows.filter((r) => r.unitId === unit.id);
      const room = options.placed ? unitRooms[Math.floor(i / 2) % unitRooms.length]! : undefined;
      personRows.push({
        facilityId: facility!.id,
        ...name(kind === "staff" ? GIVEN_NAMES_STAFF : GIVEN_NAMES_ELDER),
        kind,
        job: options.job ?? null,
        unitId: kind === "staff" && options.job === "kitchen" ? null : unit.id,
        roomId: room?.id ?? null,
        baselineTempC: kind === "staff" ? null : Math.round((35.8 + random() * 1.0) * 10) / 10,
      });
    }
  };
  add("resident", 40, { placed: true });
  add("short_stay", 4, { placed: true });
  add("day_service", 5);
  add("staff", 8, { job: "care" });
  add("staff", 3, { job: "nursing" });
  add("staff", 2, { job: "kitchen" });
  add("staff", 2, { job: "other" });
  const inserted = await tx.insert(people).values(personRows).returning();
  const floorOf = new Map(floorUnits.map((u) => [u.id, u.floor]));

  const kindIndex = new Map<PersonKind, number>();
  const demoPeople: DemoPerson[] = inserted.map((p) => {
    const index = kindIndex.get(p.kind) ?? 0;
    kindIndex.set(p.kind, index + 1);
    return {
      id: p.id,
      kind: p.kind,
      unitFloor: p.unitId ? (floorOf.get(p.unitId) ?? null) : null,
      baselineTempC: p.baselineTempC,
      index,
    };
  });
  const [y, m, d] = dayInZone(now, TIME_ZONE).split("-").map(Number) as [number, number, number];
  const planned = planDemoRounds(
    demoPeople,
    { year: y, month: m, day: d },
    DEMO_DAYS,
    TIME_ZONE,
    random,
    randomUUID,
  );

  const careUser = userIds.get("demo-care")!;
  const nurseUser = userIds.get("demo-nurse")!;
  for (let i = 0; i < planned.length; i += 1000) {
    const chunk = planned.slice(i, i + 1000).map((o) => ({
      ...o,
      facilityId: facility!.id,
      recordedBy: o.symptoms.length > 0 ? nurseUser : careUser,
      recordedAt: o.at,
    }));
    const rows = await tx.insert(observations).values(chunk).returning();
    await appendAudit(
      tx,
      rows.map((row) => ({
        actorUserId: row.recordedBy,
        organisationId: facility!.id,
        action: "create" as const,
        entity: "observation",
        entityId: row.id,
        after: row,
      })),
    );
  }

  await seedDemoRoutine(tx, {
    facilityId: facility!.id,
    today: dayInZone(now, TIME_ZONE),
    staff: inserted.filter((p) => p.kind === "staff"),
    residentIds: inserted.filter((p) => p.kind === "resident").map((p) => p.id),
    userIds,
  });
}

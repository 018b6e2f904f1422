import {
  addIsoDays,
  evaluateObligations,
  type HumidifierAction,
  OBLIGATION_SCHEDULE,
  type ObligationInput,
  type StaffImmunityDisease,
  staffWorkRestrictions,
  type TrainingKind,
} from "@mamori/domain/obligations";
import { and, eq, gte, lte } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import {
  cases,
  observations,
  organisations,
  people,
  routineEquipment,
  routineRecords,
} from "../../db/schema/index.ts";
import { dayBounds, dayInZone } from "../../time/facility-day.ts";
import { attendeesOf, loadSettings } from "./routine-store.ts";

/** How far back records are read: the fiscal year before the current one starts at most 24 months before `asOf`. */
const LOOKBACK_MONTHS = 25;

/**
 * The facility's obligations on a local day, from its stored records, by the domain's `evaluateObligations` — the same
 * function the `mamori obligations` command runs — with each item's subject named and its rule and source.
 */
export async function facilityObligations(db: Executor, facilityId: string, asOf: string) {
  const settings = await loadSettings(db, facilityId);
  const [y, m] = asOf.split("-").map(Number) as [number, number];
  const from = `${String(y - Math.ceil(LOOKBACK_MONTHS / 12)).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
  const records = await db
    .select()
    .from(routineRecords)
    .where(
      and(
        eq(routineRecords.facilityId, facilityId),
        gte(routineRecords.date, from),
        lte(routineRecords.date, asOf),
      ),
    );
  // Hiring days and immunity are read whatever their age.
  const lasting = await db
    .select()
    .from(routineRecords)
    .where(and(eq(routineRecords.facilityId, facilityId), lte(routineRecords.date, from)));
  const all = [...records, ...lasting.filter((r) => r.type === "staff_hire" || r.type === "staff_immunity")];
  const ofType = (type: string) => all.filter((r) => r.type === type);

  const persons = await db
    .select({ id: people.id, name: people.name, kind: people.kind, active: people.active })
    .from(people)
    .where(eq(people.facilityId, facilityId));
  const equipment = await db
    .select()
    .from(routineEquipment)
    .where(eq(routineEquipment.facilityId, facilityId));

  const hiredOn = new Map<string, string>();
  for (const r of ofType("staff_hire")) {
    if (r.personId && (hiredOn.get(r.personId) ?? "") < r.date) hiredOn.set(r.personId, r.date);
  }
  const staff = persons
    .filter((p) => p.kind === "staff" && p.active)
    .map((p) => ({ id: p.id, hiredOn: hiredOn.get(p.id) ?? null }));
  const trainingRows = ofType("training");
  const attendance = await attendeesOf(
    db,
    facilityId,
    trainingRows.map((t) => t.id),
  );
  const log = (equipmentId: string) =>
    ofType("humidifier_log")
      .filter((r) => r.equipmentId === equipmentId)
      .map((r) => ({ date: r.date, action: r.data.action as HumidifierAction }));

  const input: ObligationInput = {
    asOf,
    settings,
    staff,
    committeeMeetings: ofType("committee_meeting").map((r) => ({ date: r.date })),
    guidelineReviews: ofType("guideline_version").map((r) => ({ date: r.date })),
    trainings: trainingRows.map((r) => ({
      date: r.date,
      kind: r.data.kind as TrainingKind,
      attendees: attendance.get(r.id) ?? [],
    })),
    humidifiers: equipment
      .filter((e) => e.active && e.kind.startsWith("humidifier") && e.seasonFrom !== null)
      .map((e) => ({
        id: e.id,
        type: e.kind === "humidifier_household" ? ("household" as const) : ("builtin" as const),
        season: { from: e.seasonFrom!, to: e.seasonTo },
        log: log(e.id),
      })),
    staffImmunity: ofType("staff_immunity")
      .filter((r) => r.personId && r.data.basis !== "antibody_negative")
      .map((r) => ({ staffId: r.personId!, disease: r.data.disease as StaffImmunityDisease, date: r.date })),
    healthChecks: ofType("staff_health_check").map((r) => ({ staffId: r.personId!, date: r.date })),
    residents: persons.filter((p) => p.kind === "resident" && p.active).map((p) => ({ id: p.id })),
    fluVaccinations: ofType("vaccination")
      .filter((r) => r.data.vaccine === "influenza")
      .map((r) => ({ personId: r.personId!, date: r.date, declined: r.data.declined === true })),
    exposures: ofType("occupational_exposure").map((r) => ({
      id: r.id,
      date: r.date,
      followUpDoneOn: (r.data.followUpDoneOn as string | null) ?? null,
    })),
    baths: equipment
      .filter((e) => e.active && e.kind.startsWith("bath"))
      .map((e) => ({
        id: e.id,
        circulating: e.kind === "bath_circulating",
        checks: ofType("bath_check")
          .filter((r) => r.equipmentId === e.id)
          .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
          .map((r) => ({
            date: r.date,
            chlorineMgL: (r.data.chlorineMgL as number | null) ?? null,
            waterChanged: r.data.waterChanged === true,
          })),
        legionellaTests: ofType("legionella_test")
          .filter((r) => r.equipmentId === e.id)
          .map((r) => ({ date: r.date })),
      })),
    kitchenChecks: ofType("kitchen_check").map((r) => ({ date: r.date })),
    cleaningRounds: ofType("cleaning_round").map((r) => ({ date: r.date })),
  };
  const { items } = evaluateObligations(input);

  const personName = new Map(persons.map((p) => [p.id, p.name]));
  const equipmentName = new Map(equipment.map((e) => [e.id, e.name]));
  const exposurePerson = new Map(ofType("occupational_exposure").map((r) => [r.id, r.personId]));
  const nameOf = (subject: (typeof items)[number]["subject"]): string | null => {
    const personId =
      subject.staffId ?? subject.personId ?? (subject.exposureId && exposurePerson.get(subject.exposureId));
    if (personId) return personName.get(personId) ?? null;
    const equipmentId = subject.humidifierId ?? subject.bathId;
    return equipmentId ? (equipmentName.get(equipmentId) ?? null) : null;
  };
  return {
    asOf,
    settings,
    items: items.map((item) => ({
      ...item,
      subjectName: nameOf(item.subject),
      rule: OBLIGATION_SCHEDULE[item.code].rule,
      source: OBLIGATION_SCHEDULE[item.code].source,
    })),
  };
}

/** Staff not yet fit for some work on a local day, from the round of the last 21 days and their influenza cases. */
export async function facilityWorkRestrictions(db: Executor, facilityId: string, asOf: string) {
  const settings = await loadSettings(db, facilityId);
  const [facility] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  const timeZone = facility?.timeZone ?? "Asia/Tokyo";
  const from = addIsoDays(asOf, -21);
  const staff = await db
    .select({ id: people.id, name: people.name, baselineTempC: people.baselineTempC, job: people.job })
    .from(people)
    .where(and(eq(people.facilityId, facilityId), eq(people.kind, "staff")));
  const staffIds = new Set(staff.map((s) => s.id));
  const rows = await db
    .select({
      personId: observations.personId,
      at: observations.at,
      tempC: observations.tempC,
      symptoms: observations.symptoms,
    })
    .from(observations)
    .where(
      and(
        eq(observations.facilityId, facilityId),
        gte(observations.at, dayBounds(from, timeZone).start),
        lte(observations.at, dayBounds(asOf, timeZone).end),
      ),
    );
  const flu = await db
    .select({ personId: cases.personId, onsetDate: cases.onsetDate })
    .from(cases)
    .where(and(eq(cases.facilityId, facilityId), eq(cases.disease, "influenza"), gte(cases.onsetDate, from)));
  const baseline = new Map(staff.map((s) => [s.id, s.baselineTempC]));
  const restrictions = staffWorkRestrictions({
    asOf,
    rules: settings,
    round: rows
      .filter((r) => staffIds.has(r.personId))
      .map((r) => ({
        staffId: r.personId,
        date: dayInZone(r.at, timeZone),
        tempC: r.tempC,
        symptoms: r.symptoms,
      })),
    influenzaCases: flu
      .filter((c) => staffIds.has(c.personId))
      .map((c) => ({
        staffId: c.personId,
        onsetDate: c.onsetDate,
        baselineTempC: baseline.get(c.personId) ?? null,
      })),
  });
  const byId = new Map(staff.map((s) => [s.id, s]));
  return {
    asOf,
    restrictions: restrictions.map((r) => ({
      ...r,
      name: byId.get(r.staffId)?.name ?? "",
      job: byId.get(r.staffId)?.job ?? null,
    })),
  };
}

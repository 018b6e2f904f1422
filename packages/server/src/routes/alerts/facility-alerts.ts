import {
  DEFAULT_PROFILE,
  type EvaluateFacilityResult,
  evaluateFacility,
  findBuiltInProfile,
} from "@mamori/domain/surveillance";
import { and, eq, gte, isNotNull, isNull, lte, or } from "drizzle-orm";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import {
  antibioticCourses,
  bathUses,
  cases,
  observations,
  organisations,
  people,
} from "../../db/schema/index.ts";
import { dayBounds, dayInZone } from "../../time/facility-day.ts";

/**
 * How far back stored records are read for one evaluation. The longest look-back of any rule is ABOVE_USUAL's 28 days of
 * history plus its 9-day baseline; 90 days leaves room for episodes that opened a few weeks earlier.
 */
export const HISTORY_DAYS = 90;

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Evaluates a facility's rules from its stored records as of an instant: the same engine `mamori evaluate` runs on a
 * scenario file, fed from the database.
 */
export async function facilityAlerts(
  db: Executor,
  facilityId: string,
  asOf: Date,
  lookbackDays: number,
): Promise<EvaluateFacilityResult> {
  const [facility] = await db.select().from(organisations).where(eq(organisations.id, facilityId));
  const f = assertFound(facility, "Facility");
  const asOfDay = dayInZone(asOf, f.timeZone);
  const firstDay = shiftDay(asOfDay, -(HISTORY_DAYS + lookbackDays));
  const since = dayBounds(firstDay, f.timeZone).start;

  const [personRows, observationRows, caseRows, courseRows, bathRows] = await Promise.all([
    db.select().from(people).where(eq(people.facilityId, facilityId)),
    db
      .select({
        personId: observations.personId,
        at: observations.at,
        tempC: observations.tempC,
        symptoms: observations.symptoms,
      })
      .from(observations)
      .where(
        and(eq(observations.facilityId, facilityId), gte(observations.at, since), lte(observations.at, asOf)),
      ),
    db
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.facilityId, facilityId),
          // A case kept on the line list before a disease is named is the implicit case the rules derive themselves.
          isNotNull(cases.disease),
          or(isNull(cases.resolvedDate), gte(cases.resolvedDate, firstDay)),
        ),
      ),
    db
      .select()
      .from(antibioticCourses)
      .where(
        and(
          eq(antibioticCourses.facilityId, facilityId),
          or(isNull(antibioticCourses.endDate), gte(antibioticCourses.endDate, firstDay)),
        ),
      ),
    db
      .select()
      .from(bathUses)
      .where(and(eq(bathUses.facilityId, facilityId), gte(bathUses.date, firstDay))),
  ]);

  return evaluateFacility({
    facility: { id: f.id, type: f.facilityType ?? "elderly_care", timeZone: f.timeZone },
    people: personRows.map((p) => ({
      id: p.id,
      kind: p.kind,
      job: p.job,
      unit: p.unitId,
      room: p.roomId,
      baselineTempC: p.baselineTempC,
    })),
    observations: observationRows,
    cases: caseRows.flatMap((c) =>
      c.disease === null
        ? []
        : [
            {
              personId: c.personId,
              disease: c.disease,
              status: c.status,
              onsetDate: c.onsetDate,
              resolvedDate: c.resolvedDate,
              outcomes: c.outcomes,
            },
          ],
    ),
    antibiotics: courseRows.map((c) => ({
      personId: c.personId,
      start: c.startDate,
      end: c.endDate,
      drug: c.drug,
    })),
    bathUse: bathRows.map((b) => ({ personId: b.personId, date: b.date })),
    profile: findBuiltInProfile(f.ruleProfile) ?? DEFAULT_PROFILE,
    asOf,
    lookbackDays,
  });
}

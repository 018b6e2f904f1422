import {
  DEFAULT_PROFILE,
  type FacilityInput,
  findBuiltInProfile,
  type KeptOnsetHistory,
  type LineListCaseInput,
  type ObservationInput,
  type PersonInput,
  type PersonKind,
  type RecordedCaseInput,
  type RuleProfile,
} from "@mamori/domain/surveillance";
import { and, asc, eq, gte, isNull, or } from "drizzle-orm";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { readObservationWindow } from "../../db/observation-window.ts";
import { cases, organisations, people, rooms, units } from "../../db/schema/index.ts";
import { readKeptWindow } from "../../surveillance/kept-window.ts";
import { dayBounds, dayInZone } from "../../time/facility-day.ts";

/** A day `days` after (or before) an ISO day. */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type SurveillanceRecords = {
  facility: FacilityInput & { timeZone: string };
  profile: RuleProfile;
  asOfDay: string;
  people: PersonInput[];
  observations: ObservationInput[];
  /** Every stored case the line list reads (named or not). */
  lineListCases: LineListCaseInput[];
  /** The cases that name a disease, as the rules engine reads them. */
  recordedCases: RecordedCaseInput[];
  /** The kept onsets standing for the observations of past days, when the caller asked for them. */
  history?: KeptOnsetHistory;
  /** Names for the presenters. */
  names: {
    people: Map<string, { name: string; kind: PersonKind; job: string | null }>;
    units: Map<string, { name: string; floor: string }>;
    rooms: Map<string, string>;
  };
};

/**
 * The facility's stored records the line list and the epidemic curve read: people, units and rooms, the observations
 * of `historyDays` before the as-of day up to the as-of instant, and the cases not resolved before that window.
 *
 * With `keptBefore` (a day), the new onsets of the window's days before it come from the kept onsets and only the rounds
 * of the other days are read (surveillance/kept-window.ts). For the line list (`keptFor: "line-list"`), the people with
 * a stored case that closed on or after that day and began before it get all their rounds read: their row shows the
 * latest symptom of the case, which may lie before.
 */
export async function loadSurveillanceRecords(
  db: Executor,
  facilityId: string,
  asOf: Date,
  historyDays: number,
  options: { keptBefore?: (asOfDay: string) => string; keptFor?: "rules" | "line-list" } = {},
): Promise<SurveillanceRecords> {
  const [facility] = await db.select().from(organisations).where(eq(organisations.id, facilityId));
  const f = assertFound(facility, "Facility");
  const asOfDay = dayInZone(asOf, f.timeZone);
  const firstDay = shiftDay(asOfDay, -historyDays);
  const since = dayBounds(firstDay, f.timeZone).start;
  const profile = findBuiltInProfile(f.ruleProfile) ?? DEFAULT_PROFILE;
  const caseRows = await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.facilityId, facilityId),
        or(isNull(cases.resolvedDate), gte(cases.resolvedDate, firstDay)),
      ),
    );
  const keptBefore = options.keptBefore?.(asOfDay);
  const closedAcross =
    keptBefore && options.keptFor === "line-list"
      ? caseRows.flatMap((c) =>
          c.resolvedDate !== null && c.resolvedDate >= keptBefore && c.onsetDate < keptBefore
            ? [c.personId]
            : [],
        )
      : [];
  const [unitRows, roomRows, personRows, window] = await Promise.all([
    db
      .select()
      .from(units)
      .where(eq(units.facilityId, facilityId))
      .orderBy(asc(units.sortOrder), asc(units.floor), asc(units.name)),
    db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(eq(rooms.facilityId, facilityId)),
    db.select().from(people).where(eq(people.facilityId, facilityId)),
    keptBefore
      ? readKeptWindow(db, facilityId, {
          timeZone: f.timeZone,
          profile,
          firstDay,
          recentFrom: keptBefore,
          until: asOf,
          wholeWindowOf: closedAcross,
        })
      : readObservationWindow(db, facilityId, since, asOf).then((observations) => ({
          observations,
          history: undefined,
        })),
  ]);
  const lineListCases: LineListCaseInput[] = caseRows.map((c) => ({
    id: c.id,
    personId: c.personId,
    disease: c.disease,
    group: c.syndromeGroup,
    status: c.status,
    onsetDate: c.onsetDate,
    resolvedDate: c.resolvedDate,
    diagnosedDate: c.diagnosedDate,
    notifiedDate: c.notifiedDate,
    remarks: c.remarks,
    outcomes: c.outcomes,
    version: c.version,
  }));
  return {
    facility: {
      id: f.id,
      type: f.facilityType ?? "elderly_care",
      timeZone: f.timeZone,
      units: unitRows.map((u) => ({ id: u.id, name: u.name })),
    },
    profile,
    asOfDay,
    people: personRows.map((p) => ({
      id: p.id,
      kind: p.kind,
      job: p.job,
      unit: p.unitId,
      room: p.roomId,
      baselineTempC: p.baselineTempC,
    })),
    observations: window.observations,
    ...(window.history ? { history: window.history } : {}),
    lineListCases,
    recordedCases: lineListCases.flatMap((c) =>
      c.disease === null
        ? []
        : [
            {
              personId: c.personId,
              disease: c.disease,
              status: c.status,
              onsetDate: c.onsetDate,
              resolvedDate: c.resolvedDate ?? null,
              outcomes: c.outcomes ?? [],
            },
          ],
    ),
    names: {
      people: new Map(personRows.map((p) => [p.id, { name: p.name, kind: p.kind, job: p.job }])),
      units: new Map(unitRows.map((u) => [u.id, { name: u.name, floor: u.floor }])),
      rooms: new Map(roomRows.map((r) => [r.id, r.name])),
    },
  };
}

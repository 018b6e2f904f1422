import {
  DEFAULT_PROFILE,
  type EvaluateFacilityInput,
  type EvaluateFacilityResult,
  evaluateFacility,
  findBuiltInProfile,
  type RecordedCaseInput,
} from "@mamori/domain/surveillance";
import { and, eq, gte, isNotNull, isNull, or } from "drizzle-orm";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { readObservationWindow } from "../../db/observation-window.ts";
import {
  antibioticCourses,
  bathUses,
  cases,
  organisations,
  outbreakEpisodes,
  people,
} from "../../db/schema/index.ts";
import { readKeptWindow } from "../../surveillance/kept-window.ts";
import { dayBounds, dayInZone } from "../../time/facility-day.ts";
import { episodeRuleInputs } from "../episodes/episode-rules.ts";

/**
 * How far back stored records are read for one evaluation. The longest look-back of any rule is ABOVE_USUAL's 28 days of
 * history plus its 9-day baseline; 90 days leaves room for episodes that opened a few weeks earlier. Criterion イ
 * counts the current outbreak back to its first onset: an outbreak whose onsets chain back further than this (possible
 * for SKIN, whose quiet period is 60 days) is counted from the first onset within reach.
 */
export const HISTORY_DAYS = 90;

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A facility's stored records for the rules and the forms: the facility, its people, the observations from the start of
 * `firstDay` (in the facility's zone) up to `until` (or the end of `lastDay` when that is earlier), the cases and antibiotic courses not over before `firstDay`, and the
 * bath uses since then. The alerts and the forms (付録4②③) read their inputs through this one loader.
 */
export async function loadFacilityRecords(
  db: Executor,
  facilityId: string,
  window: {
    firstDay?: string;
    daysBefore?: number;
    lastDay?: string;
    until: Date;
    /** Leaves the observations out (the caller reads them with the kept onsets). */
    withoutObservations?: boolean;
  },
) {
  const [facility] = await db.select().from(organisations).where(eq(organisations.id, facilityId));
  const f = assertFound(facility, "Facility");
  const until = window.lastDay
    ? new Date(Math.min(window.until.getTime(), dayBounds(window.lastDay, f.timeZone).end.getTime() - 1))
    : window.until;
  const firstDay = window.firstDay ?? shiftDay(dayInZone(until, f.timeZone), -(window.daysBefore ?? 0));
  const since = dayBounds(firstDay, f.timeZone).start;

  const [personRows, observationRows, caseRows, courseRows, bathRows] = await Promise.all([
    db.select().from(people).where(eq(people.facilityId, facilityId)),
    window.withoutObservations ? [] : readObservationWindow(db, facilityId, since, until),
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
  return {
    facility: f,
    until,
    people: personRows,
    observations: observationRows,
    cases: caseRows,
    courses: courseRows,
    baths: bathRows,
  };
}

type CaseRow = typeof cases.$inferSelect;

/** The recorded cases as the rules engine reads them: those that name a disease (the others are implicit cases). */
export function ruleCaseInputs(
  rows: readonly Pick<
    CaseRow,
    | "personId"
    | "disease"
    | "status"
    | "onsetDate"
    | "resolvedDate"
    | "outcomes"
    | "diagnosedDate"
    | "notifiedDate"
  >[],
): RecordedCaseInput[] {
  return rows.flatMap((c) =>
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
            diagnosedDate: c.diagnosedDate,
            notifiedDate: c.notifiedDate,
          },
        ],
  );
}

/**
 * Evaluates a facility's rules from its stored records as of an instant: the same engine `mamori evaluate` runs on a
 * scenario file, fed from the database, with the new onsets of past days read from the kept onsets.
 */
export async function facilityAlerts(
  db: Executor,
  facilityId: string,
  asOf: Date,
  lookbackDays: number,
): Promise<EvaluateFacilityResult> {
  return evaluateFacility(await facilityRuleInput(db, facilityId, asOf, lookbackDays, { kept: true }));
}

/**
 * What the rules engine reads for a facility as of an instant, from the stored records: people, observations, recorded
 * cases, antibiotic courses, bath use and the outbreak episodes people recorded, with the facility's rule profile.
 *
 * With `kept`, the new onsets of the days before the lookback come from the kept onsets and only the rounds of the
 * lookback and of the gap days around are read (and, for TB_CONSIDER, of people coughing on every day read) (surveillance/kept-window.ts): the same answers for far less reading.
 */
export async function facilityRuleInput(
  db: Executor,
  facilityId: string,
  asOf: Date,
  lookbackDays: number,
  options: { kept?: boolean } = {},
): Promise<EvaluateFacilityInput> {
  const {
    facility: f,
    until,
    people: personRows,
    observations: allObservations,
    cases: caseRows,
    courses: courseRows,
    baths: bathRows,
  } = await loadFacilityRecords(db, facilityId, {
    daysBefore: HISTORY_DAYS + lookbackDays,
    until: asOf,
    withoutObservations: options.kept,
  });
  const asOfDay = dayInZone(asOf, f.timeZone);
  const firstDay = shiftDay(asOfDay, -(HISTORY_DAYS + lookbackDays));
  const profile = findBuiltInProfile(f.ruleProfile) ?? DEFAULT_PROFILE;
  const firstLookbackDay = shiftDay(asOfDay, -(lookbackDays - 1));
  const tbDays = profile.hints.tbCoughRecordedDays;
  const { observations: observationRows, history } = options.kept
    ? await readKeptWindow(db, facilityId, {
        timeZone: f.timeZone,
        profile,
        firstDay,
        recentFrom: firstLookbackDay,
        until,
        symptomRun: { beforeDay: firstLookbackDay, count: tbDays - 1, symptom: "cough" },
      })
    : { observations: allObservations, history: undefined };
  const episodeRows = await db
    .select()
    .from(outbreakEpisodes)
    .where(
      and(
        eq(outbreakEpisodes.facilityId, facilityId),
        or(isNull(outbreakEpisodes.closedDate), gte(outbreakEpisodes.closedDate, firstDay)),
      ),
    );

  return {
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
    cases: ruleCaseInputs(caseRows),
    antibiotics: courseRows.map((c) => ({
      personId: c.personId,
      start: c.startDate,
      end: c.endDate,
      drug: c.drug,
    })),
    bathUse: bathRows.map((b) => ({ personId: b.personId, date: b.date })),
    episodes: episodeRuleInputs(episodeRows, profile, dayInZone(asOf, f.timeZone)),
    profile,
    asOf,
    lookbackDays,
    ...(history ? { history } : {}),
  };
}

import {
  addIsoDays,
  DEFAULT_PROFILE,
  type EpisodeStateView,
  episodeQuietDays,
  episodeRuleSubject,
  episodeState,
  type FacilitySubject,
  findBuiltInProfile,
  groupsOfDisease,
  type ImplicitCaseView,
  implicitCasesOfGroup,
  type RuleProfile,
} from "@mamori/domain/surveillance";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import {
  cases,
  observations,
  organisations,
  outbreakEpisodeCases,
  outbreakEpisodeEvents,
  outbreakEpisodes,
  outbreakMeasures,
  people,
  users,
} from "../../db/schema/index.ts";
import { dayBounds, dayInZone } from "../../time/facility-day.ts";
import { subjectOfEpisode } from "./episode-rules.ts";

export type EpisodeRow = typeof outbreakEpisodes.$inferSelect;
type CaseRow = typeof cases.$inferSelect;
type LinkRow = typeof outbreakEpisodeCases.$inferSelect;

/** The facility as episodes need it: its zone, its rule profile and today there. */
export type FacilityFrame = {
  id: string;
  timeZone: string;
  profile: RuleProfile;
  now: Date;
  today: string;
};

/** Days of observations read before an episode's start, so onsets (3-day gap) and implicit cases are judged right. */
const LEAD_DAYS = 45;

export async function facilityFrame(db: Executor, facilityId: string, now: Date): Promise<FacilityFrame> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, facilityId));
  const facility = assertFound(row, "Facility");
  return {
    id: facility.id,
    timeZone: facility.timeZone,
    profile: findBuiltInProfile(facility.ruleProfile) ?? DEFAULT_PROFILE,
    now,
    today: dayInZone(now, facility.timeZone),
  };
}

/** An episode case as the page lists it: a recorded case, or an implicit one (a new onset of the group). */
export type EpisodeCaseView = {
  linkId: string | null;
  source: "recorded" | "implicit";
  caseId: string | null;
  personId: string;
  disease: string | null;
  status: string | null;
  onsetDate: string;
  resolvedDate: string | null;
};

/** Whether a recorded case belongs to an episode's subject ("the same infection", facility-surveillance.md §3). */
export function recordedCaseFits(subject: FacilitySubject, disease: string, profile: RuleProfile): boolean {
  if ("disease" in subject && subject.disease === disease) return true;
  const ruleSubject = episodeRuleSubject(subject, profile);
  return "group" in ruleSubject && groupsOfDisease(disease).includes(ruleSubject.group);
}

/**
 * The cases of the episode's group or disease in the facility with an onset on or after `sinceDay`: recorded cases from
 * the table, implicit cases from the observations by the same rules as the alerts.
 */
export async function subjectCases(
  db: Executor,
  frame: FacilityFrame,
  subject: FacilitySubject,
  sinceDay: string,
): Promise<{ recorded: CaseRow[]; implicit: ImplicitCaseView[] }> {
  const readFrom = addIsoDays(sinceDay, -LEAD_DAYS);
  const since = dayBounds(readFrom, frame.timeZone).start;
  const [personRows, observationRows, caseRows] = await Promise.all([
    db.select().from(people).where(eq(people.facilityId, frame.id)),
    db
      .select({
        personId: observations.personId,
        at: observations.at,
        tempC: observations.tempC,
        symptoms: observations.symptoms,
      })
      .from(observations)
      .where(
        and(
          eq(observations.facilityId, frame.id),
          gte(observations.at, since),
          lte(observations.at, frame.now),
        ),
      ),
    db
      .select()
      .from(cases)
      .where(and(eq(cases.facilityId, frame.id), gte(cases.onsetDate, readFrom)))
      .orderBy(asc(cases.onsetDate)),
  ]);
  const ruleSubject = episodeRuleSubject(subject, frame.profile);
  const implicit =
    "group" in ruleSubject
      ? implicitCasesOfGroup(
          {
            facility: { id: frame.id, timeZone: frame.timeZone },
            people: personRows.map((p) => ({
              id: p.id,
              kind: p.kind,
              job: p.job,
              unit: p.unitId,
              room: p.roomId,
              baselineTempC: p.baselineTempC,
            })),
            observations: observationRows,
            // A case kept on the line list before a disease is named is the implicit case the rules derive themselves.
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
            profile: frame.profile,
            asOf: frame.now,
          },
          ruleSubject.group,
        ).filter((held) => held.onsetDate >= sinceDay)
      : [];
  const recorded = caseRows.filter(
    (c) =>
      c.onsetDate >= sinceDay && c.disease !== null && recordedCaseFits(subject, c.disease, frame.profile),
  );
  return { recorded, implicit };
}

/**
 * The first onset day of the group's outbreak that `day` belongs to: going back from the latest onset on or before
 * `day` while no gap between consecutive onset days reaches the quiet period (the reading of criterion イ in
 * facility-surveillance.md §4.1).
 */
export function currentRunStart(onsetDays: readonly string[], day: string, quietDays: number): string | null {
  const sorted = [...new Set(onsetDays.filter((d) => d <= day))].sort();
  let start = sorted.at(-1);
  if (start === undefined) return null;
  for (let i = sorted.length - 2; i >= 0; i--) {
    if (addIsoDays(sorted[i]!, quietDays) <= start) break;
    start = sorted[i]!;
  }
  return start;
}

export type EpisodeDetail = {
  row: EpisodeRow;
  subject: FacilitySubject;
  quietDays: number;
  cases: EpisodeCaseView[];
  candidates: EpisodeCaseView[];
  links: LinkRow[];
  state: EpisodeStateView;
};

/** Reads an episode's linked cases, the unlinked cases of its group since the outbreak began, and its state today. */
export async function episodeDetail(
  db: Executor,
  frame: FacilityFrame,
  row: EpisodeRow,
  asOfDay: string = frame.today,
): Promise<EpisodeDetail> {
  const subject = subjectOfEpisode(row);
  const quietDays = episodeQuietDays(subject, frame.profile);
  const links = await db
    .select()
    .from(outbreakEpisodeCases)
    .where(
      and(eq(outbreakEpisodeCases.facilityId, row.facilityId), eq(outbreakEpisodeCases.episodeId, row.id)),
    )
    .orderBy(asc(outbreakEpisodeCases.linkedAt));
  const linkedCaseIds = links.flatMap((link) => (link.caseId ? [link.caseId] : []));
  const linkedRecorded =
    linkedCaseIds.length > 0
      ? await db
          .select()
          .from(cases)
          .where(and(eq(cases.facilityId, row.facilityId), inArray(cases.id, linkedCaseIds)))
      : [];
  const recordedById = new Map(linkedRecorded.map((c) => [c.id, c]));

  const linkedOnsets = links.map((link) =>
    link.caseId ? (recordedById.get(link.caseId)?.onsetDate ?? row.openedDate) : link.onsetDate!,
  );
  const earliest = [row.openedDate, row.alertDay, ...linkedOnsets]
    .filter((d): d is string => d !== null)
    .sort()[0]!;
  const group = await subjectCases(db, frame, subject, addIsoDays(earliest, -quietDays));
  const implicitByKey = new Map(group.implicit.map((held) => [`${held.personId}|${held.onsetDate}`, held]));

  const caseViews: EpisodeCaseView[] = links
    .map((link): EpisodeCaseView => {
      if (link.caseId) {
        const c = recordedById.get(link.caseId)!;
        return {
          linkId: link.id,
          source: "recorded",
          caseId: c.id,
          personId: c.personId,
          disease: c.disease,
          status: c.status,
          onsetDate: c.onsetDate,
          resolvedDate: c.resolvedDate,
        };
      }
      const derived = implicitByKey.get(`${link.personId}|${link.onsetDate}`);
      return {
        linkId: link.id,
        source: "implicit",
        caseId: null,
        personId: link.personId,
        disease: null,
        status: null,
        onsetDate: link.onsetDate!,
        // What the nurse recorded wins over the rule's own end of an implicit case.
        resolvedDate: link.resolvedDate ?? derived?.resolvedDate ?? null,
      };
    })
    .sort((a, b) => a.onsetDate.localeCompare(b.onsetDate) || a.personId.localeCompare(b.personId));

  const linkedKeys = new Set(
    links.map((link) => (link.caseId ? `case|${link.caseId}` : `${link.personId}|${link.onsetDate}`)),
  );
  const candidates: EpisodeCaseView[] = [
    ...group.recorded
      .filter((c) => !linkedKeys.has(`case|${c.id}`))
      .map((c) => ({
        linkId: null,
        source: "recorded" as const,
        caseId: c.id,
        personId: c.personId,
        disease: c.disease,
        status: c.status,
        onsetDate: c.onsetDate,
        resolvedDate: c.resolvedDate,
      })),
    ...group.implicit
      .filter((held) => !linkedKeys.has(`${held.personId}|${held.onsetDate}`))
      .map((held) => ({
        linkId: null,
        source: "implicit" as const,
        caseId: null,
        personId: held.personId,
        disease: null,
        status: null,
        onsetDate: held.onsetDate,
        resolvedDate: held.resolvedDate,
      })),
  ].sort((a, b) => a.onsetDate.localeCompare(b.onsetDate) || a.personId.localeCompare(b.personId));

  const state = episodeState({
    openedDate: row.openedDate,
    closedDate: row.closedDate,
    cases: caseViews.map((c) => ({ onsetDate: c.onsetDate, resolvedDate: c.resolvedDate })),
    otherOnsetDates: candidates.map((c) => c.onsetDate),
    quietDays,
    today: asOfDay,
  });
  return { row, subject, quietDays, cases: caseViews, candidates, links, state };
}

/** The episode of the facility with that id, or 404 (also for another facility's episode). */
export async function findEpisode(
  db: Executor,
  facilityId: string,
  id: string,
  lock = false,
): Promise<EpisodeRow> {
  const query = db
    .select()
    .from(outbreakEpisodes)
    .where(and(eq(outbreakEpisodes.id, id), eq(outbreakEpisodes.facilityId, facilityId)));
  const [row] = lock ? await query.for("update") : await query;
  return assertFound(row, "Episode");
}

/** Display names of users, for who opened, recorded and closed. */
export async function userNames(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The measures and the timeline of an episode of a facility. */
export async function episodeExtras(db: Executor, episode: { facilityId: string; id: string }) {
  const [measureRows, eventRows] = await Promise.all([
    db
      .select()
      .from(outbreakMeasures)
      .where(
        and(eq(outbreakMeasures.facilityId, episode.facilityId), eq(outbreakMeasures.episodeId, episode.id)),
      )
      .orderBy(asc(outbreakMeasures.doneDate), asc(outbreakMeasures.recordedAt)),
    db
      .select()
      .from(outbreakEpisodeEvents)
      .where(
        and(
          eq(outbreakEpisodeEvents.facilityId, episode.facilityId),
          eq(outbreakEpisodeEvents.episodeId, episode.id),
        ),
      )
      .orderBy(asc(outbreakEpisodeEvents.at)),
  ]);
  return { measureRows, eventRows };
}

/**
 * The onset days of the outbreak an alert of `alertDay` belongs to, up to `today`: from its first onset (see
 * `currentRunStart`) onwards while no gap between consecutive onset days reaches the quiet period.
 */
export function outbreakRun(
  onsetDays: readonly string[],
  alertDay: string,
  today: string,
  quietDays: number,
): { from: string; to: string } | null {
  const from = currentRunStart(onsetDays, alertDay, quietDays);
  if (from === null) return null;
  const sorted = [...new Set(onsetDays.filter((d) => d >= from && d <= today))].sort();
  let to = from;
  for (const day of sorted) {
    if (addIsoDays(to, quietDays) <= day) break;
    to = day;
  }
  return { from, to };
}

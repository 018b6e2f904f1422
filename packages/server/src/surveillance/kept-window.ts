import {
  CLUSTER_ONSET_SUBJECT,
  createLocalDayResolver,
  dayNumberOf,
  isoDayOf,
  type KeptOnsetHistory,
  type ObservationInput,
  type RuleProfile,
  SYNDROME_GROUPS,
  type SymptomCode,
} from "@mamori/domain/surveillance";
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../db/database.ts";
import { readObservationSpan, readObservationWindow } from "../db/observation-window.ts";
import { keptOnsets } from "../db/schema/index.ts";
import { dayBounds } from "../time/facility-day.ts";
import { ensureKeptOnsets } from "./kept-onsets.ts";

/** The kept subjects the rules read: the groups and the cluster's symptoms (not the form columns). */
const RULE_SUBJECTS = [...SYNDROME_GROUPS, CLUSTER_ONSET_SUBJECT];

export type KeptWindow = {
  /** The observations the rules still need: the window's first gap days, and every day from `recentFrom − gap`. */
  observations: ObservationInput[];
  /** The kept onsets standing for the days between (undefined when the window is too short to keep any). */
  history: KeptOnsetHistory | undefined;
};

/**
 * What the rules read of a window of days — from the start of `firstDay` to `until` — with the new onsets of the days
 * that can no longer change taken from the kept onsets (issue 8 item 16) instead of recomputed from their rounds.
 *
 * The window's answers stay those of all its observations (the test compares both paths):
 * - the onsets of the window's first gap days are derived from their own rounds, as the full window would (it sees no
 *   day before it), so those days are read;
 * - from `recentFrom` on, the onsets and everything else are derived from the rounds of those days and the gap days
 *   before them;
 * - the days between come from the kept onsets, with the first observed day of the window read on its own;
 * - `symptomRun` (the person hints: TB_CONSIDER asks for cough on each of a person's last 14 recorded days): a person
 *   who shows the symptom on or after `beforeDay`, shows it on every recorded day read before, and has fewer than
 *   `count` such days read gets the rest of their rounds of the window read too (a person with a day without it before
 *   `beforeDay` has their run broken within the days read).
 *
 * Falls back to reading every observation when the profile closes implicit cases after symptom-free days (the kept
 * onsets carry no symptom-free days) or when no day lies between.
 */
export async function readKeptWindow(
  db: Executor,
  facilityId: string,
  window: {
    timeZone: string;
    profile: RuleProfile;
    firstDay: string;
    recentFrom: string;
    until: Date;
    symptomRun?: { beforeDay: string; count: number; symptom: SymptomCode };
    /** People whose rounds of the whole window are read all the same. */
    wholeWindowOf?: readonly string[];
  },
): Promise<KeptWindow> {
  const { timeZone, profile, until } = window;
  const gap = profile.onsets.gapDays;
  const first = dayNumberOf(window.firstDay);
  const keptFrom = first + gap + 1;
  const keptTo = dayNumberOf(window.recentFrom) - 1;
  const since = dayBounds(window.firstDay, timeZone).start;
  if (keptTo - gap <= keptFrom || profile.cases.implicitResolvedAfterSymptomFreeDays !== null) {
    return { observations: await readObservationWindow(db, facilityId, since, until), history: undefined };
  }
  await ensureKeptOnsets(db, facilityId);
  const earlyEnd = dayBounds(isoDayOf(keptFrom), timeZone).start;
  const recentStart = dayBounds(isoDayOf(keptTo + 1 - gap), timeZone).start;
  const [early, recent, kept, firstSeen] = await Promise.all([
    readObservationSpan(db, facilityId, { since, before: earlyEnd }),
    readObservationSpan(db, facilityId, { since: recentStart, before: new Date(until.getTime() + 1) }),
    db
      .select({
        personId: keptOnsets.personId,
        subject: keptOnsets.subject,
        day: keptOnsets.day,
        at: keptOnsets.at,
      })
      .from(keptOnsets)
      .where(
        and(
          eq(keptOnsets.facilityId, facilityId),
          gte(keptOnsets.day, isoDayOf(keptFrom)),
          lte(keptOnsets.day, isoDayOf(keptTo)),
          lte(keptOnsets.at, until),
          inArray(keptOnsets.subject, RULE_SUBJECTS),
        ),
      ),
    firstObservation(db, facilityId, since, until),
  ]);
  const resolver = createLocalDayResolver(timeZone);
  const whole = new Set(window.wholeWindowOf ?? []);
  if (window.symptomRun) {
    const { beforeDay, count, symptom } = window.symptomRun;
    const before = dayNumberOf(beforeDay);
    // Per person: each recorded day read before `beforeDay` and whether its record (all its observations together, as
    // the hints read a day) shows the symptom; and whether it shows on a later day.
    const persons = new Map<string, { days: Map<number, boolean>; later: boolean }>();
    for (const observation of recent) {
      const day = resolver.dayOf(new Date(observation.at).getTime());
      let person = persons.get(observation.personId);
      if (!person) {
        person = { days: new Map(), later: false };
        persons.set(observation.personId, person);
      }
      const shows = (observation.symptoms ?? []).includes(symptom);
      if (day >= before) person.later ||= shows;
      else person.days.set(day, (person.days.get(day) ?? false) || shows);
    }
    for (const [personId, person] of persons) {
      if (person.later && person.days.size < count && [...person.days.values()].every(Boolean))
        whole.add(personId);
    }
  }
  const middle = await readObservationSpan(db, facilityId, {
    since: earlyEnd,
    before: recentStart,
    personIds: [...whole].sort(),
  });
  return {
    observations: [...early, ...middle, ...recent],
    history: {
      fromDay: isoDayOf(keptFrom),
      toDay: isoDayOf(keptTo),
      firstObservedDay: firstSeen ? isoDayOf(resolver.dayOf(firstSeen.getTime())) : null,
      onsets: kept.map((row) => ({
        personId: row.personId,
        subject: row.subject as KeptOnsetHistory["onsets"][number]["subject"],
        day: row.day,
        atMs: row.at.getTime(),
      })),
    },
  };
}

async function firstObservation(db: Executor, facilityId: string, since: Date, until: Date) {
  const result = (await db.execute(sql`
    select (extract(epoch from min(at)) * 1000)::bigint as first
    from observations
    where facility_id = ${facilityId} and at >= ${since.toISOString()}::timestamptz and at <= ${until.toISOString()}::timestamptz
  `)) as unknown as { rows: { first: string | number | null }[] };
  const first = result.rows[0]?.first;
  return first === null || first === undefined ? null : new Date(Number(first));
}

import { FORM_COLUMN_MASK, FORM_COLUMNS } from "@mamori/domain/forms";
import {
  CLUSTER_ONSET_SUBJECT,
  compileCondition,
  createLocalDayResolver,
  DEFAULT_ONSET_GAP_DAYS,
  DEFAULT_PROFILE,
  dayNumberOf,
  findBuiltInProfile,
  indexObservations,
  isoDayOf,
  type ObservationInput,
  type PersonInput,
  personOnsets,
  type RuleProfile,
  SYNDROME_GROUP_CONDITIONS,
  SYNDROME_GROUPS,
  type SymptomCode,
} from "@mamori/domain/surveillance";
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { assertFound } from "../auth/guard.ts";
import type { Database, Executor } from "../db/database.ts";
import { readObservationWindow } from "../db/observation-window.ts";
import {
  keptOnsets,
  keptOnsetsBuilt,
  observations,
  organisations,
  people,
  units,
} from "../db/schema/index.ts";
import { dayBounds } from "../time/facility-day.ts";

/**
 * What a kept onset counts: a syndrome group, the symptoms of the norovirus-type cluster of the facility's rule profile
 * (`cluster`), or a symptom column of the 健康調査日報 (`form.<column>`).
 */
export type KeptOnsetSubject =
  | (typeof SYNDROME_GROUPS)[number]
  | typeof CLUSTER_ONSET_SUBJECT
  | `form.${(typeof FORM_COLUMNS)[number]}`;

type SubjectRule = { subject: KeptOnsetSubject; compiled: readonly number[]; gapDays: number };

/**
 * The subjects kept and the gap each is counted with: the groups and the cluster's symptoms (any of them, manual p.54)
 * with the facility profile's gap (facility-surveillance.md §3), the form columns with the 3 days 付録4② counts with
 * (weekly-trend.ts).
 */
export function keptSubjects(
  groupGapDays: number,
  clusterSymptoms: readonly string[] = DEFAULT_PROFILE.noroCluster.symptoms,
): SubjectRule[] {
  return [
    ...SYNDROME_GROUPS.map((group) => ({
      subject: group as KeptOnsetSubject,
      compiled: compileCondition(SYNDROME_GROUP_CONDITIONS[group]),
      gapDays: groupGapDays,
    })),
    {
      subject: CLUSTER_ONSET_SUBJECT,
      compiled: compileCondition([clusterSymptoms as SymptomCode[]]),
      gapDays: groupGapDays,
    },
    ...FORM_COLUMNS.map((column) => ({
      subject: `form.${column}` as KeptOnsetSubject,
      compiled: [FORM_COLUMN_MASK[column]] as readonly number[],
      gapDays: DEFAULT_ONSET_GAP_DAYS,
    })),
  ];
}

export type KeptOnset = { personId: string; subject: KeptOnsetSubject; day: string; at: Date };

/**
 * The new onsets of each subject in the given people's observations whose day lies in [fromDay, toDay] (day numbers).
 * The observations must cover at least the gap days before `fromDay` for the result to be exact.
 */
export function onsetsOf(
  persons: readonly PersonInput[],
  personObservations: readonly ObservationInput[],
  timeZone: string,
  groupGapDays: number,
  fromDay: number,
  toDay: number,
  clusterSymptoms: readonly string[] = DEFAULT_PROFILE.noroCluster.symptoms,
): KeptOnset[] {
  const resolver = createLocalDayResolver(timeZone);
  const index = indexObservations({
    people: persons,
    observations: personObservations,
    resolver,
    asOfMs: Number.MAX_SAFE_INTEGER,
  });
  const kept: KeptOnset[] = [];
  const rules = keptSubjects(groupGapDays, clusterSymptoms);
  for (const timeline of index.timelines) {
    for (const rule of rules) {
      for (const onset of personOnsets(timeline, rule.compiled, rule.gapDays)) {
        if (onset.day < fromDay || onset.day > toDay) continue;
        kept.push({
          personId: timeline.personId,
          subject: rule.subject,
          day: isoDayOf(onset.day),
          at: new Date(onset.atMs),
        });
      }
    }
  }
  return kept;
}

async function facilitySettings(db: Executor, facilityId: string) {
  const [facility] = await db
    .select({ timeZone: organisations.timeZone, ruleProfile: organisations.ruleProfile })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  const f = assertFound(facility, "Facility");
  const keeping = keepingOf(findBuiltInProfile(f.ruleProfile) ?? DEFAULT_PROFILE);
  return { timeZone: f.timeZone, ...keeping, rules: keptRulesKey(keeping.clusterSymptoms) };
}

/**
 * What a profile's kept onsets are counted with: the groups' and the cluster's gap, the cluster's symptoms, and the
 * longest gap of all the subjects (the form's columns count with DEFAULT_ONSET_GAP_DAYS).
 */
export function keepingOf(profile: RuleProfile) {
  const groupGapDays = profile.onsets.gapDays;
  return {
    groupGapDays,
    clusterSymptoms: profile.noroCluster.symptoms,
    maxGap: Math.max(groupGapDays, DEFAULT_ONSET_GAP_DAYS),
  };
}

/**
 * Per person written, the days (day numbers, inclusive) whose kept onsets a write can change: from the earliest day
 * written to `maxGap` days after the latest. A day's record decides the onsets of that day and of the gap days after
 * it, and no other.
 */
export function writtenDays(
  resolver: ReturnType<typeof createLocalDayResolver>,
  written: readonly { personId: string; at: Date }[],
  maxGap: number,
): Map<string, { from: number; to: number }> {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const { personId, at } of written) {
    const day = resolver.dayOf(at.getTime());
    const range = ranges.get(personId);
    if (!range) ranges.set(personId, { from: day, to: day + maxGap });
    else {
      range.from = Math.min(range.from, day);
      range.to = Math.max(range.to, day + maxGap);
    }
  }
  return ranges;
}

/** What else than the gap a profile's kept onsets are built with (`kept_onsets_built.rules`). */
export const keptRulesOf = (profile: RuleProfile): string => keptRulesKey(profile.noroCluster.symptoms);

/** What else than the gap the kept onsets were built with: the cluster's symptoms (a change rebuilds them). */
function keptRulesKey(clusterSymptoms: readonly string[]): string {
  return `cluster=${[...clusterSymptoms].sort().join(",")}`;
}

type FacilityKeepSettings = Awaited<ReturnType<typeof facilitySettings>>;

/**
 * Keeps the kept onsets in step with observation writes, inside the writing transaction: for each person written, the
 * onsets of the days from the earliest written day to the gap after the latest are recomputed from the stored
 * observations (a day's record decides the onsets of that day and of the gap days after it, and no other) and replace
 * the kept ones. The people's rows are locked first, so two writes for one person keep one after the other.
 *
 * @param written the person and instant of every observation inserted, changed or removed (old and new instants)
 */
export async function keepOnsets(
  tx: Executor,
  facilityId: string,
  written: readonly { personId: string; at: Date }[],
): Promise<void> {
  if (written.length === 0) return;
  const settings = await facilitySettings(tx, facilityId);
  const ranges = writtenDays(createLocalDayResolver(settings.timeZone), written, settings.maxGap);
  await replaceKeptOnsets(tx, facilityId, settings, ranges);
}

async function replaceKeptOnsets(
  tx: Executor,
  facilityId: string,
  settings: FacilityKeepSettings,
  ranges: Map<string, { from: number; to: number }>,
) {
  const personIds = [...ranges.keys()].sort();
  const personRows = await tx
    .select()
    .from(people)
    .where(and(eq(people.facilityId, facilityId), inArray(people.id, personIds)))
    .orderBy(asc(people.id))
    .for("no key update");
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const range of ranges.values()) {
    from = Math.min(from, range.from);
    to = Math.max(to, range.to);
  }
  const since = dayBounds(isoDayOf(from - settings.maxGap), settings.timeZone).start;
  const until = dayBounds(isoDayOf(to), settings.timeZone).end;
  const stored = await tx
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
        inArray(observations.personId, personIds),
        gte(observations.at, since),
        lte(observations.at, until),
      ),
    )
    .orderBy(asc(observations.at));
  const rows: (typeof keptOnsets.$inferInsert)[] = [];
  for (const person of personRows) {
    const range = ranges.get(person.id)!;
    await tx
      .delete(keptOnsets)
      .where(
        and(
          eq(keptOnsets.facilityId, facilityId),
          eq(keptOnsets.personId, person.id),
          gte(keptOnsets.day, isoDayOf(range.from)),
          lte(keptOnsets.day, isoDayOf(range.to)),
        ),
      );
    const onsets = onsetsOf(
      [personInput(person)],
      stored.filter((o) => o.personId === person.id),
      settings.timeZone,
      settings.groupGapDays,
      range.from,
      range.to,
      settings.clusterSymptoms,
    );
    for (const onset of onsets)
      rows.push({ ...onset, facilityId, unitId: person.unitId, personKind: person.kind });
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(keptOnsets).values(rows.slice(i, i + 1000));
}

function personInput(p: typeof people.$inferSelect): PersonInput {
  return {
    id: p.id,
    kind: p.kind,
    job: p.job,
    unit: p.unitId,
    room: p.roomId,
    baselineTempC: p.baselineTempC,
  };
}

/**
 * Rebuilds a facility's kept onsets from all its stored observations (the backfill for data stored before they were
 * kept, after a change of the rule profile's gap, or after observations were stored without the write path — the demo
 * seed, the benchmarks). The facility row is locked so two rebuilds do not interleave.
 */
export async function rebuildKeptOnsets(
  db: Database | Executor,
  facilityId: string,
): Promise<{ onsets: number }> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, facilityId))
      .for("update");
    const settings = await facilitySettings(tx, facilityId);
    const personRows = await tx.select().from(people).where(eq(people.facilityId, facilityId));
    const all = await readObservationWindow(tx, facilityId, new Date(0), new Date("9999-12-31T00:00:00Z"));
    await tx.delete(keptOnsets).where(eq(keptOnsets.facilityId, facilityId));
    const byId = new Map(personRows.map((p) => [p.id, p]));
    const onsets = onsetsOf(
      personRows.map(personInput),
      all,
      settings.timeZone,
      settings.groupGapDays,
      Number.MIN_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER,
      settings.clusterSymptoms,
    );
    const rows = onsets.flatMap((onset) => {
      const person = byId.get(onset.personId);
      return person ? [{ ...onset, facilityId, unitId: person.unitId, personKind: person.kind }] : [];
    });
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(keptOnsets).values(rows.slice(i, i + 1000));
    await tx
      .insert(keptOnsetsBuilt)
      .values({ facilityId, groupGapDays: settings.groupGapDays, rules: settings.rules })
      .onConflictDoUpdate({
        target: keptOnsetsBuilt.facilityId,
        set: { groupGapDays: settings.groupGapDays, rules: settings.rules, builtAt: sql`now()` },
      });
    return { onsets: rows.length };
  });
}

/** Rebuilds the kept onsets of a facility unless they were built with its current gap and cluster symptoms. */
export async function ensureKeptOnsets(db: Database | Executor, facilityId: string): Promise<void> {
  const settings = await facilitySettings(db, facilityId);
  const [built] = await db.select().from(keptOnsetsBuilt).where(eq(keptOnsetsBuilt.facilityId, facilityId));
  if (!built || built.groupGapDays !== settings.groupGapDays || built.rules !== settings.rules)
    await rebuildKeptOnsets(db, facilityId);
}

export type DailyOnsetCount = {
  /** The local day (YYYY-MM-DD, facility's zone). */
  day: string;
  subject: KeptOnsetSubject;
  /** The unit (floor) the people were on when their onset was kept; null for people without one (staff, day service). */
  unitId: string | null;
  floor: string | null;
  personKind: "resident" | "short_stay" | "day_service" | "staff";
  /** New onsets: distinct persons with an onset of the subject that day. */
  count: number;
};

/**
 * Daily new-onset counts of a facility per day, subject, unit (floor) and person kind, from `fromDay` to `toDay`
 * (inclusive, local days), read from the kept onsets — for the forms, the region view of the health centre and the
 * offices' overview. `until` leaves out onsets first seen after that instant (an as-of view of a past moment).
 * Builds the facility's kept onsets first if they were never built.
 */
export async function readDailyOnsetCounts(
  db: Database,
  facilityId: string,
  window: { fromDay: string; toDay: string; until?: Date; subjects?: readonly KeptOnsetSubject[] },
): Promise<DailyOnsetCount[]> {
  dayNumberOf(window.fromDay);
  dayNumberOf(window.toDay);
  await ensureKeptOnsets(db, facilityId);
  const rows = await db
    .select({
      day: keptOnsets.day,
      subject: keptOnsets.subject,
      unitId: keptOnsets.unitId,
      floor: units.floor,
      personKind: keptOnsets.personKind,
      count: sql<number>`count(*)::int`,
    })
    .from(keptOnsets)
    .leftJoin(units, and(eq(units.facilityId, keptOnsets.facilityId), eq(units.id, keptOnsets.unitId)))
    .where(
      and(
        eq(keptOnsets.facilityId, facilityId),
        gte(keptOnsets.day, window.fromDay),
        lte(keptOnsets.day, window.toDay),
        window.until ? lte(keptOnsets.at, window.until) : undefined,
        window.subjects ? inArray(keptOnsets.subject, [...window.subjects]) : undefined,
      ),
    )
    .groupBy(keptOnsets.day, keptOnsets.subject, keptOnsets.unitId, units.floor, keptOnsets.personKind)
    .orderBy(asc(keptOnsets.day), asc(keptOnsets.subject), asc(units.floor), asc(keptOnsets.personKind));
  return rows.map((r) => ({ ...r, count: Number(r.count) })) as DailyOnsetCount[];
}

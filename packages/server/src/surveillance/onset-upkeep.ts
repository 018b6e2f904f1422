import {
  BUILT_IN_PROFILES,
  createLocalDayResolver,
  DEFAULT_PROFILE,
  findBuiltInProfile,
  isoDayOf,
  type ObservationInput,
  type PersonInput,
} from "@mamori/domain/surveillance";
import type { people } from "../db/schema/index.ts";
import { type KeptOnset, keepingOf, onsetsOf, writtenDays } from "./kept-onsets.ts";

/** What the kept onsets need of a person: the kind, and the unit the onset is counted on. */
export type OnsetPerson = {
  id: string;
  kind: (typeof people.$inferSelect)["kind"];
  job: (typeof people.$inferSelect)["job"];
  unitId: string | null;
  roomId: string | null;
  baselineTempC: number | null;
};

export type KeptOnsetRow = KeptOnset & { unitId: string | null; personKind: OnsetPerson["kind"] };

/**
 * The longest gap any onset is counted with, over every built-in profile and the form's columns: the round's write
 * reads the stored observations of this many days around a changing entry before it knows the facility's profile.
 */
export const LONGEST_GAP_DAYS = Math.max(
  ...[DEFAULT_PROFILE, ...Object.values(BUILT_IN_PROFILES)].map((profile) => keepingOf(profile).maxGap),
);

/** A kept onset as the round's write reads it back: its day as an ISO day, its time in epoch milliseconds. */
export type StoredKeptOnset = {
  personId: string;
  subject: KeptOnsetRow["subject"];
  day: string;
  atMs: number;
  unitId: string | null;
  personKind: OnsetPerson["kind"];
};

/**
 * The kept-onset upkeep of a write, in the steps a caller with its own statements needs (the round's write,
 * record-observations.ts): the same rule as `keepOnsets` in kept-onsets.ts — for each person written, the onsets of the
 * days from the earliest written day to the gap after the latest are recomputed from the stored observations of those
 * days and the gap before them, and replace the kept ones.
 *
 * 1. `recompute`: the onsets of those days, from the people and their stored observations (read after locking the
 *    people) of the days from the gap before each range to its end — more is harmless — and the ones being written;
 * 2. `changes`: what replacing the stored kept onsets (of those days or more) by the recomputed ones changes — the
 *    stored ones no longer found, and the recomputed ones that are new or differ — so that the rest is left alone.
 */
export function onsetUpkeep(
  timeZone: string,
  ruleProfile: string | null,
  written: readonly { personId: string; at: Date }[],
) {
  const { groupGapDays, clusterSymptoms, maxGap } = keepingOf(
    (ruleProfile ? findBuiltInProfile(ruleProfile) : undefined) ?? DEFAULT_PROFILE,
  );
  const dayRanges = writtenDays(createLocalDayResolver(timeZone), written, maxGap);
  // Per person, the days whose kept onsets are replaced (ISO days, inclusive).
  const isoRanges = new Map(
    [...dayRanges].map(([personId, r]) => [personId, { fromDay: isoDayOf(r.from), toDay: isoDayOf(r.to) }]),
  );
  return {
    recompute(persons: readonly OnsetPerson[], stored: readonly ObservationInput[]): KeptOnsetRow[] {
      const changing = persons.filter((person) => dayRanges.has(person.id));
      if (changing.length === 0) return [];
      const byId = new Map(changing.map((person) => [person.id, person]));
      // In time order (the index keeps each person's observations in the order given).
      const observations = stored
        .filter((o) => byId.has(o.personId))
        .map((o) => ({ ms: typeof o.at === "string" ? Date.parse(o.at) : o.at.getTime(), o }))
        .sort((a, b) => a.ms - b.ms)
        .map(({ o }) => o);
      const inputs: PersonInput[] = changing.map((person) => ({
        id: person.id,
        kind: person.kind,
        job: person.job,
        unit: person.unitId,
        room: person.roomId,
        baselineTempC: person.baselineTempC,
      }));
      // One index of all the people, then each person's onsets of their own days: an onset is found from its person's
      // observations alone, and those read cover each person's days and the gap before them.
      const ranges = [...dayRanges.values()];
      const from = Math.min(...ranges.map((r) => r.from));
      const to = Math.max(...ranges.map((r) => r.to));
      const rows: KeptOnsetRow[] = [];
      for (const onset of onsetsOf(inputs, observations, timeZone, groupGapDays, from, to, clusterSymptoms)) {
        const range = isoRanges.get(onset.personId)!;
        if (onset.day < range.fromDay || onset.day > range.toDay) continue;
        const person = byId.get(onset.personId)!;
        rows.push({ ...onset, unitId: person.unitId, personKind: person.kind });
      }
      return rows;
    },
    changes(recomputed: readonly KeptOnsetRow[], stored: readonly StoredKeptOnset[]) {
      const keyOf = (o: { personId: string; subject: string; day: string }) =>
        `${o.personId} ${o.subject} ${o.day}`;
      const before = new Map<string, StoredKeptOnset>();
      for (const o of stored) {
        const range = isoRanges.get(o.personId);
        if (range && o.day >= range.fromDay && o.day <= range.toDay) before.set(keyOf(o), o);
      }
      const toWrite: KeptOnsetRow[] = [];
      for (const o of recomputed) {
        const key = keyOf(o);
        const was = before.get(key);
        before.delete(key);
        if (was && was.atMs === o.at.getTime() && was.unitId === o.unitId && was.personKind === o.personKind)
          continue;
        toWrite.push(o);
      }
      return { removed: [...before.values()], written: toWrite };
    },
  };
}

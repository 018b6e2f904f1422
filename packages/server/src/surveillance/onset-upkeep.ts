import {
  BUILT_IN_PROFILES,
  createLocalDayResolver,
  DEFAULT_ONSET_GAP_DAYS,
  DEFAULT_PROFILE,
  findBuiltInProfile,
  isoDayOf,
  type ObservationInput,
  type PersonInput,
} from "@mamori/domain/surveillance";
import type { people } from "../db/schema/index.ts";
import { type KeptOnset, onsetsOf } from "./kept-onsets.ts";

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
  DEFAULT_ONSET_GAP_DAYS,
  DEFAULT_PROFILE.onsets.gapDays,
  ...Object.values(BUILT_IN_PROFILES).map((profile) => profile.onsets.gapDays),
);

/**
 * The kept-onset upkeep of a write, in the steps a caller with its own statements needs (the round's write,
 * record-observations.ts): the same rule as `keepOnsets` in kept-onsets.ts — for each person written, the onsets of the
 * days from the earliest written day to the gap after the latest are recomputed from the stored observations of those
 * days and the gap before them, and replace the kept ones.
 *
 * 1. `ranges`: per person, the days whose kept onsets the caller replaces (ISO days, inclusive);
 * 2. `recompute`: the onsets of those days, from the people and their stored observations (read after locking the
 *    people) of the days from the gap before each range to its end — more is harmless — and the ones being written.
 */
export function onsetUpkeep(
  timeZone: string,
  ruleProfile: string | null,
  written: readonly { personId: string; at: Date }[],
) {
  const profile = (ruleProfile ? findBuiltInProfile(ruleProfile) : undefined) ?? DEFAULT_PROFILE;
  const groupGapDays = profile.onsets.gapDays;
  const maxGap = Math.max(groupGapDays, DEFAULT_ONSET_GAP_DAYS);
  const resolver = createLocalDayResolver(timeZone);
  const dayRanges = new Map<string, { from: number; to: number }>();
  for (const { personId, at } of written) {
    const day = resolver.dayOf(at.getTime());
    const range = dayRanges.get(personId);
    if (!range) dayRanges.set(personId, { from: day, to: day + maxGap });
    else {
      range.from = Math.min(range.from, day);
      range.to = Math.max(range.to, day + maxGap);
    }
  }
  const sorted = [...dayRanges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ranges: sorted.map(
      ([personId, r]) => [personId, { fromDay: isoDayOf(r.from), toDay: isoDayOf(r.to) }] as const,
    ),
    recompute(persons: readonly OnsetPerson[], stored: readonly ObservationInput[]): KeptOnsetRow[] {
      const rows: KeptOnsetRow[] = [];
      for (const person of persons) {
        const range = dayRanges.get(person.id);
        if (!range) continue;
        const input: PersonInput = {
          id: person.id,
          kind: person.kind,
          job: person.job,
          unit: person.unitId,
          room: person.roomId,
          baselineTempC: person.baselineTempC,
        };
        const own = stored
          .filter((o) => o.personId === person.id)
          .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
        for (const onset of onsetsOf([input], own, timeZone, groupGapDays, range.from, range.to))
          rows.push({ ...onset, unitId: person.unitId, personKind: person.kind });
      }
      return rows;
    },
  };
}

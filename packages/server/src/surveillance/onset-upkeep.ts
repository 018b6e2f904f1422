import {
  createLocalDayResolver,
  DEFAULT_ONSET_GAP_DAYS,
  DEFAULT_PROFILE,
  findBuiltInProfile,
  isoDayOf,
  type ObservationInput,
  type PersonInput,
} from "@mamori/domain/surveillance";
import type { people } from "../db/schema/index.ts";
import { dayBounds } from "../time/facility-day.ts";
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
 * The kept-onset upkeep of a write, in the steps a caller with its own statements needs (the round's write,
 * record-observations.ts): the same rule as `keepOnsets` in kept-onsets.ts — for each person written, the onsets of the
 * days from the earliest written day to the gap after the latest are recomputed from the stored observations of those
 * days and the gap before them, and replace the kept ones.
 *
 * 1. `ranges`: per person, the days whose kept onsets the caller clears (ISO days, inclusive);
 * 2. `window`: the instants of the stored observations the caller reads (after locking the people);
 * 3. `recompute`: the onsets to insert, from the people and those observations (including the ones just written).
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
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const range of dayRanges.values()) {
    from = Math.min(from, range.from);
    to = Math.max(to, range.to);
  }
  const sorted = [...dayRanges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ranges: sorted.map(
      ([personId, r]) => [personId, { fromDay: isoDayOf(r.from), toDay: isoDayOf(r.to) }] as const,
    ),
    window:
      dayRanges.size === 0
        ? { since: new Date(0), until: new Date(0) }
        : {
            since: dayBounds(isoDayOf(from - maxGap), timeZone).start,
            until: dayBounds(isoDayOf(to), timeZone).end,
          },
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

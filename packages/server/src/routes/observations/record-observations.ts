import type { ObservationInput } from "@mamori/contract/observations";
import type { SymptomCode } from "@mamori/domain/surveillance";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database } from "../../db/database.ts";
import { type RawQuery, rawTransaction } from "../../db/raw-transaction.ts";
import { type AppError, conflict, type FieldError, validationFailed } from "../../errors.ts";
import {
  type KeptOnsetRow,
  LONGEST_GAP_DAYS,
  type OnsetPerson,
  onsetUpkeep,
} from "../../surveillance/onset-upkeep.ts";
import { EXISTING_ENTRIES, LOCK_PEOPLE, WRITE_ENTRIES } from "./record-statements.ts";

/** How far ahead of the server's clock a device's clock may run before an entry counts as "in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

type Normalised = {
  personId: string;
  at: Date;
  tempC: number | null;
  symptoms: SymptomCode[];
  note: string | null;
};

function normalise(input: ObservationInput): Normalised {
  return {
    personId: input.personId,
    at: new Date(input.at),
    tempC: input.tempC ?? null,
    symptoms: [...new Set(input.symptoms)].sort(),
    note: input.note ? input.note : null,
  };
}

function sameContent(a: Normalised, b: Normalised): boolean {
  return (
    a.personId === b.personId &&
    a.at.getTime() === b.at.getTime() &&
    a.tempC === b.tempC &&
    a.note === b.note &&
    a.symptoms.length === b.symptoms.length &&
    a.symptoms.every((s, i) => s === b.symptoms[i])
  );
}

/** A stored observation as statement 3 returns it (JSON: instants as text, the temperature as a number). */
type StoredRow = {
  id: string;
  facility_id: string;
  person_id: string;
  at: string;
  temp_c: number | string | null;
  symptoms: SymptomCode[];
  note: string | null;
};
type LockedPerson = {
  id: string;
  kind: OnsetPerson["kind"];
  job: OnsetPerson["job"];
  unit_id: string | null;
  room_id: string | null;
  baseline_temp_c: number | string | null;
};
/**
 * The first time of a day a person's temperature or symptom was seen (statement 1): a temperature with no symptom, or a
 * symptom with no temperature; the time in epoch milliseconds.
 */
type FirstSeen = [personId: string, atMs: number, tempC: number | null, symptom: SymptomCode | null];
/** A kept onset of the days recomputed (statement 1). */
type KeptRow = [
  personId: string,
  subject: KeptOnsetRow["subject"],
  day: string,
  atMs: number,
  unitId: string | null,
  personKind: OnsetPerson["kind"],
];
/**
 * Statement 1's answer: the people locked, the facility's settings, the numbers of the unchanging entries, and for the
 * others' people what their onsets are recomputed from and the kept onsets of the days recomputed.
 */
type Prepared = {
  people: LockedPerson[];
  time_zone: string;
  rule_profile: string | null;
  unchanging: number[];
  firsts: FirstSeen[];
  kept: KeptRow[];
};

const temperature = (value: number | string | null) => (value === null ? null : Number(value));
const storedContent = (row: StoredRow): Normalised => ({
  personId: row.person_id,
  at: new Date(row.at),
  tempC: temperature(row.temp_c),
  symptoms: [...row.symptoms].sort(),
  note: row.note,
});

/** One request's batch of round entries, with the server's clock when it came. */
export type RoundWrite = { user: SessionUser; inputs: ObservationInput[]; now: Date };
export type RoundWriteAnswer = { saved: number; duplicates: number };
/** A write's own outcome in its group: its answer, or the error it alone is refused with (400, 409). */
export type RoundWriteOutcome = { ok: true; answer: RoundWriteAnswer } | { ok: false; error: AppError };

/**
 * Records a batch of round entries. All or nothing: every entry is checked (person of this facility, time not in the
 * future) and all problems are reported together; the batch is written in one transaction with its audit entries and
 * the kept onsets of its people (kept-onsets.ts). An id already stored with the same content is a duplicate (a
 * resend), with other content a conflict — corrections have their own command.
 */
export async function recordObservations(
  db: Database,
  user: SessionUser,
  facilityId: string,
  inputs: ObservationInput[],
  now: Date,
): Promise<RoundWriteAnswer> {
  const [outcome] = await recordRoundWrites(db, facilityId, [{ user, inputs, now }]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.answer;
}

/** A write of a group while it is checked and written. */
type Pending = {
  write: RoundWrite;
  entries: Normalised[];
  /** The first entry of each id (a repeated id with the same content is written once). */
  unique: { id: string; index: number; entry: Normalised }[];
  /** Found before the database is asked: the same id with other content within the batch. */
  errors: FieldError[];
};
/** A write of the group that passed its checks, and the entries it inserts (ids no earlier write of the group sent). */
type Writing = { pending: Pending; owned: Pending["unique"] };

/** Thrown inside the transaction to roll it back when writes turned out to conflict after their entries went in. */
class ConflictingWrites extends Error {
  constructor(readonly refused: Map<Pending, AppError>) {
    super("conflicting writes in a group");
  }
}

/**
 * Records the batches of several requests of one facility in one transaction (round-writer.ts), each with the outcome
 * it would have had alone, written one after the other in the given order: each is checked on its own, and one refused
 * (400, 409) writes nothing and leaves the others be. An id sent by two writes of the group is the earlier one's; the
 * later is told it is a duplicate, or refused if its content differs. A write found to conflict with a stored row only
 * after the entries went in (rare: a client reusing an id) rolls the transaction back, and the others are written again
 * without it. A failure of the database rejects for all.
 *
 * The busiest write of the system, so it runs as a few prepared statements (record-statements.ts) on the driver
 * itself: the people locked, the entries written with their audit entries, the onsets kept — per group, not per
 * request. `committing` is called when the transaction that writes them is about to commit.
 */
export async function recordRoundWrites(
  db: Database,
  facilityId: string,
  writes: RoundWrite[],
  options: { committing?: () => void } = {},
): Promise<RoundWriteOutcome[]> {
  const pendings = writes.map(prepare);
  const outcomes = new Map<Pending, RoundWriteOutcome>();
  let open = pendings;
  while (open.length > 0) {
    const attempt = await rawTransaction(
      db,
      async (query) => {
        const group = await writeGroup(query, facilityId, open);
        if (group.conflicting.size > 0) throw new ConflictingWrites(group.conflicting);
        return group.outcomes;
      },
      // Statement 2 claims its entries' keys itself (record-statements.ts).
      { settings: { "mamori.claims_observation_keys": "on" }, committing: options.committing },
    ).catch((error: unknown) => {
      if (error instanceof ConflictingWrites) return error;
      throw error;
    });
    if (attempt instanceof ConflictingWrites) {
      for (const [pending, error] of attempt.refused) outcomes.set(pending, { ok: false, error });
      open = open.filter((p) => !attempt.refused.has(p));
      continue;
    }
    for (const [pending, outcome] of attempt) outcomes.set(pending, outcome);
    break;
  }
  return pendings.map((p) => outcomes.get(p)!);
}

function prepare(write: RoundWrite): Pending {
  const entries = write.inputs.map(normalise);
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  write.inputs.forEach((input, i) => {
    const first = seen.get(input.id);
    if (first !== undefined && !sameContent(entries[first]!, entries[i]!))
      errors.push({
        path: `observations[${i}].id`,
        message: `same id as observations[${first}] with other content`,
      });
    seen.set(input.id, first ?? i);
  });
  const unique = write.inputs
    .map((input, i) => ({ id: input.id, index: i, entry: entries[i]! }))
    .filter((x) => seen.get(x.id) === x.index);
  return { write, entries, unique, errors };
}

async function writeGroup(query: RawQuery, facilityId: string, open: Pending[]) {
  const outcomes = new Map<Pending, RoundWriteOutcome>();
  const none = new Map<Pending, AppError>();
  const entries = open.flatMap((p) => p.entries);
  const personIds = [...new Set(entries.map((e) => e.personId))].sort();
  const [{ prepared }] = (await query<{ prepared: Prepared }>(LOCK_PEOPLE, [
    facilityId,
    personIds,
    JSON.stringify(
      entries.map((e, n) => ({
        n,
        person_id: e.personId,
        at: e.at.toISOString(),
        temp_c: e.tempC,
        symptoms: e.symptoms,
      })),
    ),
    LONGEST_GAP_DAYS,
  ])) as [{ prepared: Prepared }];
  const locked = prepared.people;
  const known = new Set(locked.map((p) => p.id));
  // Entries are numbered across the group: each write's first entry is at its offset.
  const offsets = new Map<Pending, number>();
  let offset = 0;
  for (const pending of open) {
    offsets.set(pending, offset);
    offset += pending.entries.length;
  }
  const unchanging = new Set(prepared.unchanging);

  const claims = new Map<string, Normalised>();
  const writing: Writing[] = [];
  for (const pending of open) {
    const errors = [...pending.errors];
    const { now } = pending.write;
    pending.entries.forEach((entry, i) => {
      if (!known.has(entry.personId))
        errors.push({ path: `observations[${i}].personId`, message: "unknown person" });
      if (entry.at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
        errors.push({ path: `observations[${i}].at`, message: "is in the future" });
    });
    if (errors.length > 0) {
      outcomes.set(pending, { ok: false, error: validationFailed(errors) });
      continue;
    }
    const clashes = pending.unique.filter((x) => {
      const claimed = claims.get(x.id);
      return claimed !== undefined && !sameContent(claimed, x.entry);
    });
    if (clashes.length > 0) {
      outcomes.set(pending, { ok: false, error: conflictOf(clashes.map((x) => x.index)) });
      continue;
    }
    const owned = pending.unique.filter((x) => !claims.has(x.id));
    for (const x of owned) claims.set(x.id, x.entry);
    writing.push({ pending, owned });
  }
  if (writing.length === 0) return { outcomes, conflicting: none };

  // The onsets of people whose entries all leave their days' records as they are need no upkeep.
  const changing = writing.flatMap(({ pending }) =>
    pending.entries.filter((_, i) => !unchanging.has(offsets.get(pending)! + i)),
  );
  const upkeep = onsetUpkeep(prepared.time_zone, prepared.rule_profile, changing);
  const owned = writing.flatMap((w) =>
    w.owned.map((x) => ({
      ...x,
      userId: w.pending.write.user.id,
      newToDay: !unchanging.has(offsets.get(w.pending)! + x.index),
    })),
  );
  // The onsets are recomputed before the entries go in, as if all of them did: one not inserted is a resend of a stored
  // row of the same content, which changes nothing, or a conflict, which rolls the transaction back.
  const onsets = upkeep.recompute(
    locked.map((p) => ({
      id: p.id,
      kind: p.kind,
      job: p.job,
      unitId: p.unit_id,
      roomId: p.room_id,
      baselineTempC: temperature(p.baseline_temp_c),
    })),
    [
      ...prepared.firsts.map(([personId, atMs, tempC, symptom]) => ({
        personId,
        at: new Date(atMs),
        tempC,
        symptoms: symptom === null ? [] : [symptom],
      })),
      ...owned.map(({ entry }) => entry),
    ],
  );
  const { removed, written: changed } = upkeep.changes(
    onsets,
    prepared.kept.map(([personId, subject, day, atMs, unitId, personKind]) => ({
      personId,
      subject,
      day,
      atMs,
      unitId,
      personKind,
    })),
  );
  const recordedAt = new Date(Math.max(...writing.map((w) => w.pending.write.now.getTime())));
  const [written] = await query<{ inserted: string[] }>(WRITE_ENTRIES, [
    JSON.stringify(
      owned.map(({ id, entry, userId, newToDay }) => ({
        id,
        person_id: entry.personId,
        at: entry.at.toISOString(),
        temp_c: entry.tempC,
        symptoms: entry.symptoms,
        note: entry.note,
        recorded_by: userId,
        new_to_day: newToDay,
      })),
    ),
    facilityId,
    writing[0]!.pending.write.user.id,
    recordedAt.toISOString(),
    removed.map((o) => o.personId),
    removed.map((o) => o.subject),
    removed.map((o) => o.day),
    JSON.stringify(
      changed.map((o) => ({
        person_id: o.personId,
        subject: o.subject,
        day: o.day,
        at: o.at.toISOString(),
        unit_id: o.unitId,
        person_kind: o.personKind,
      })),
    ),
  ]);
  const insertedIds = new Set(written!.inserted);
  const conflicting = await storedConflicts(query, facilityId, writing, insertedIds);
  if (conflicting.size > 0) return { outcomes, conflicting };

  for (const { pending, owned } of writing) {
    const saved = owned.filter((x) => insertedIds.has(x.id)).length;
    outcomes.set(pending, { ok: true, answer: { saved, duplicates: pending.write.inputs.length - saved } });
  }
  return { outcomes, conflicting: none };
}

const conflictOf = (indexes: number[]) =>
  conflict(
    "Some entries were already recorded with other content.",
    indexes.map((i) => ({
      path: `observations[${i}].id`,
      message: "already recorded with other content; send a correction instead",
    })),
  );

/**
 * Each entry a write owns but did not insert was there already: the same content is a resend, other content a conflict,
 * which refuses that write. Ids are the facility's own: another facility's row of the same id is another observation.
 */
async function storedConflicts(
  query: RawQuery,
  facilityId: string,
  writing: Writing[],
  insertedIds: Set<string>,
): Promise<Map<Pending, AppError>> {
  const refused = new Map<Pending, AppError>();
  const resent = writing.flatMap((w) => w.owned.filter((x) => !insertedIds.has(x.id)));
  if (resent.length === 0) return refused;
  const stored = await query<StoredRow>(EXISTING_ENTRIES, [facilityId, resent.map((x) => x.id)]);
  const byId = new Map(stored.map((s) => [s.id, s]));
  for (const { pending, owned } of writing) {
    const clashes = owned.filter((x) => {
      if (insertedIds.has(x.id)) return false;
      const s = byId.get(x.id);
      return !(s !== undefined && s.facility_id === facilityId && sameContent(x.entry, storedContent(s)));
    });
    if (clashes.length > 0) refused.set(pending, conflictOf(clashes.map((x) => x.index)));
  }
  return refused;
}

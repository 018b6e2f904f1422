import type { ObservationInput } from "@mamori/contract/observations";
import type { SymptomCode } from "@mamori/domain/surveillance";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database } from "../../db/database.ts";
import { type RawQuery, rawTransaction } from "../../db/raw-transaction.ts";
import { conflict, type FieldError, validationFailed } from "../../errors.ts";
import { type OnsetPerson, onsetUpkeep } from "../../surveillance/onset-upkeep.ts";
import { AUDIT_AND_ONSETS, EXISTING_ENTRIES, LOCK_PEOPLE, WRITE_ENTRIES } from "./record-statements.ts";

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

/** A stored observation as statement 2 returns it (JSON: instants as text, the temperature as a number). */
type StoredRow = {
  id: string;
  facility_id: string;
  person_id: string;
  at: string;
  temp_c: number | string | null;
  symptoms: SymptomCode[];
  note: string | null;
  version?: number;
  recorded_by?: string;
  recorded_at?: string;
};
type LockedPerson = {
  id: string;
  kind: OnsetPerson["kind"];
  job: OnsetPerson["job"];
  unit_id: string | null;
  room_id: string | null;
  baseline_temp_c: number | string | null;
  time_zone: string;
  rule_profile: string | null;
};

const temperature = (value: number | string | null) => (value === null ? null : Number(value));
const storedContent = (row: StoredRow): Normalised => ({
  personId: row.person_id,
  at: new Date(row.at),
  tempC: temperature(row.temp_c),
  symptoms: [...row.symptoms].sort(),
  note: row.note,
});

/**
 * Records a batch of round entries. All or nothing: every entry is checked (person of this facility, time not in the
 * future) and all problems are reported together; the batch is written in one transaction with its audit entries and
 * the kept onsets of its people (kept-onsets.ts). An id already stored with the same content is a duplicate (a
 * resend), with other content a conflict — corrections have their own command.
 *
 * The busiest write of the system, so it runs as three prepared statements (record-statements.ts) on the driver
 * itself: the people locked, the entries written, the audit and onsets added.
 */
export async function recordObservations(
  db: Database,
  user: SessionUser,
  facilityId: string,
  inputs: ObservationInput[],
  now: Date,
): Promise<{ saved: number; duplicates: number }> {
  const entries = inputs.map(normalise);
  const errors: FieldError[] = [];

  const seen = new Map<string, number>();
  inputs.forEach((input, i) => {
    const first = seen.get(input.id);
    if (first !== undefined && !sameContent(entries[first]!, entries[i]!))
      errors.push({
        path: `observations[${i}].id`,
        message: `same id as observations[${first}] with other content`,
      });
    seen.set(input.id, first ?? i);
  });
  const unique = inputs
    .map((input, i) => ({ id: input.id, index: i, entry: entries[i]! }))
    .filter((x) => seen.get(x.id) === x.index);
  const personIds = [...new Set(entries.map((e) => e.personId))].sort();

  return rawTransaction(db, async (query) => {
    const locked = await query<LockedPerson>(LOCK_PEOPLE, [facilityId, personIds]);
    const known = new Set(locked.map((p) => p.id));
    entries.forEach((entry, i) => {
      if (!known.has(entry.personId))
        errors.push({ path: `observations[${i}].personId`, message: "unknown person" });
      if (entry.at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
        errors.push({ path: `observations[${i}].at`, message: "is in the future" });
    });
    if (errors.length > 0) throw validationFailed(errors);

    const facility = locked[0]!;
    const upkeep = onsetUpkeep(facility.time_zone, facility.rule_profile, entries);
    const ranges = [...upkeep.ranges];
    const [written] = await query<{ inserted: StoredRow[]; existing: StoredRow[]; stored: StoredRow[] }>(
      WRITE_ENTRIES,
      [
        JSON.stringify(
          unique.map(({ id, entry }) => ({
            id,
            person_id: entry.personId,
            at: entry.at.toISOString(),
            temp_c: entry.tempC,
            symptoms: entry.symptoms,
            note: entry.note,
          })),
        ),
        facilityId,
        user.id,
        now.toISOString(),
        unique.map((x) => x.id),
        ranges.map(([personId]) => personId),
        ranges.map(([, range]) => range.fromDay),
        ranges.map(([, range]) => range.toDay),
        upkeep.window.since.toISOString(),
        upkeep.window.until.toISOString(),
        facility.time_zone,
      ],
    );
    const { inserted, stored } = written!;
    await refuseConflicts(query, facilityId, inputs, unique, inserted, written!.existing);

    const onsets = upkeep.recompute(
      locked.map((p) => ({
        id: p.id,
        kind: p.kind,
        job: p.job,
        unitId: p.unit_id,
        roomId: p.room_id,
        baselineTempC: temperature(p.baseline_temp_c),
      })),
      [...stored, ...inserted].map((row) => ({
        personId: row.person_id,
        at: new Date(row.at),
        tempC: temperature(row.temp_c),
        symptoms: row.symptoms,
      })),
    );
    if (inserted.length > 0 || onsets.length > 0)
      await query(AUDIT_AND_ONSETS, [
        JSON.stringify(inserted.map((row) => ({ entity_id: row.id, after: auditedRow(row) }))),
        user.id,
        facilityId,
        JSON.stringify(
          onsets.map((o) => ({
            person_id: o.personId,
            subject: o.subject,
            day: o.day,
            at: o.at.toISOString(),
            unit_id: o.unitId,
            person_kind: o.personKind,
          })),
        ),
      ]);
    return { saved: inserted.length, duplicates: inputs.length - inserted.length };
  });
}

/** The audit entry's content: the stored row as the rest of the server writes it (camelCase, instants in UTC). */
function auditedRow(row: StoredRow) {
  return {
    id: row.id,
    facilityId: row.facility_id,
    personId: row.person_id,
    at: new Date(row.at).toISOString(),
    tempC: temperature(row.temp_c),
    symptoms: row.symptoms,
    note: row.note,
    version: row.version,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at!).toISOString(),
  };
}

/**
 * Each entry not inserted was there already: the same content is a resend, other content (or another facility's row)
 * a conflict, and the whole batch is refused. An id inserted by a write that committed while this one waited is not in
 * the statement's snapshot; it is read again here.
 */
async function refuseConflicts(
  query: RawQuery,
  facilityId: string,
  inputs: ObservationInput[],
  unique: { id: string; entry: Normalised }[],
  inserted: StoredRow[],
  existing: StoredRow[],
): Promise<void> {
  const insertedIds = new Set(inserted.map((r) => r.id));
  const resent = unique.filter((x) => !insertedIds.has(x.id));
  if (resent.length === 0) return;
  const byId = new Map(existing.map((s) => [s.id, s]));
  const unseen = resent.filter((x) => !byId.has(x.id)).map((x) => x.id);
  if (unseen.length > 0)
    for (const row of await query<StoredRow>(EXISTING_ENTRIES, [unseen])) byId.set(row.id, row);
  const conflicts: FieldError[] = [];
  for (const x of resent) {
    const s = byId.get(x.id);
    const same = s !== undefined && s.facility_id === facilityId && sameContent(x.entry, storedContent(s));
    if (!same)
      conflicts.push({
        path: `observations[${inputs.findIndex((i) => i.id === x.id)}].id`,
        message: "already recorded with other content; send a correction instead",
      });
  }
  if (conflicts.length > 0)
    throw conflict("Some entries were already recorded with other content.", conflicts);
}

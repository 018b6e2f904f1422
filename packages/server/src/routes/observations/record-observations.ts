import type { SymptomCode } from "@mamori/domain/surveillance";
import { and, eq, inArray } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database } from "../../db/database.ts";
import { observations, people } from "../../db/schema/index.ts";
import { conflict, type FieldError, validationFailed } from "../../errors.ts";
import { keepOnsets } from "../../surveillance/kept-onsets.ts";
import type { ObservationInput } from "./schema.ts";

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

/**
 * Records a batch of round entries. All or nothing: every entry is checked first (person of this facility, time not in
 * the future) and all problems are reported together; then the batch is written in one transaction. An id already
 * stored with the same content is a duplicate (a resend), with other content a conflict — corrections have their own
 * command.
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

  const personIds = [...new Set(entries.map((e) => e.personId))];
  const known = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.facilityId, facilityId), inArray(people.id, personIds)));
  const knownIds = new Set(known.map((p) => p.id));
  entries.forEach((entry, i) => {
    if (!knownIds.has(entry.personId))
      errors.push({ path: `observations[${i}].personId`, message: "unknown person" });
    if (entry.at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      errors.push({ path: `observations[${i}].at`, message: "is in the future" });
  });
  if (errors.length > 0) throw validationFailed(errors);

  const unique = inputs
    .map((input, i) => ({ id: input.id, entry: entries[i]! }))
    .filter((x, i) => seen.get(x.id) === i);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(observations)
      .values(
        unique.map(({ id, entry }) => ({ id, facilityId, ...entry, recordedBy: user.id, recordedAt: now })),
      )
      .onConflictDoNothing({ target: observations.id })
      .returning();
    const insertedIds = new Set(inserted.map((r) => r.id));
    const resent = unique.filter((x) => !insertedIds.has(x.id));
    if (resent.length > 0) {
      const stored = await tx
        .select()
        .from(observations)
        .where(
          inArray(
            observations.id,
            resent.map((x) => x.id),
          ),
        );
      const byId = new Map(stored.map((s) => [s.id, s]));
      const conflicts: FieldError[] = [];
      for (const x of resent) {
        const s = byId.get(x.id);
        const same =
          s !== undefined &&
          s.facilityId === facilityId &&
          sameContent(x.entry, { ...s, symptoms: [...s.symptoms].sort() });
        if (!same)
          conflicts.push({
            path: `observations[${inputs.findIndex((i) => i.id === x.id)}].id`,
            message: "already recorded with other content; send a correction instead",
          });
      }
      if (conflicts.length > 0)
        throw conflict("Some entries were already recorded with other content.", conflicts);
    }
    await keepOnsets(tx, facilityId, inserted);
    await appendAudit(
      tx,
      inserted.map((row) => ({
        actorUserId: user.id,
        organisationId: facilityId,
        action: "create" as const,
        entity: "observation",
        entityId: row.id,
        after: row,
      })),
    );
    return { saved: inserted.length, duplicates: inputs.length - inserted.length };
  });
}

import type { CorrectionInput } from "@mamori/contract/observations";
import { and, asc, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound } from "../../auth/guard.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database, Executor } from "../../db/database.ts";
import { auditLog, observations, users } from "../../db/schema/index.ts";
import { keepOnsets } from "../../surveillance/kept-onsets.ts";
import { markRestOfDayNew } from "../../surveillance/new-to-day.ts";

/**
 * Corrects a recorded observation: the new content replaces the current one, the version goes up, and the audit log
 * keeps the old and new content with the reason — the history shown to staff is read from there.
 */
export async function correctObservation(
  db: Database,
  user: SessionUser,
  facilityId: string,
  id: string,
  input: CorrectionInput,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(observations)
      .where(and(eq(observations.id, id), eq(observations.facilityId, facilityId)))
      .for("update");
    const current = assertFound(before, "Observation");
    const [after] = await tx
      .update(observations)
      .set({
        tempC: input.tempC ?? null,
        symptoms: [...new Set(input.symptoms)].sort(),
        note: input.note ? input.note : null,
        version: current.version + 1,
      })
      .where(and(eq(observations.id, id), eq(observations.facilityId, facilityId)))
      .returning();
    await keepOnsets(tx, facilityId, [after!]);
    await markRestOfDayNew(tx, facilityId, [after!]);
    await appendAudit(tx, [
      {
        actorUserId: user.id,
        organisationId: facilityId,
        action: "update",
        entity: "observation",
        entityId: id,
        before: audited(current),
        after: { ...audited(after!), reason: input.reason ?? null },
      },
    ]);
    return after!;
  });
}

/** An observation as the audit log keeps it: its content, without what the round's write keeps for itself. */
export function audited<Row extends { newToDay: boolean }>(row: Row): Omit<Row, "newToDay"> {
  const { newToDay: _, ...content } = row;
  return content;
}

type StoredObservation = {
  version: number;
  tempC: number | null;
  symptoms: string[];
  note: string | null;
  reason?: string | null;
};

/** Every version of an observation, oldest first, from the audit log. */
export async function observationHistory(db: Executor, facilityId: string, id: string) {
  const rows = await db
    .select({ at: auditLog.at, after: auditLog.after, by: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.entity, "observation"),
        eq(auditLog.entityId, id),
        eq(auditLog.organisationId, facilityId),
      ),
    )
    .orderBy(asc(auditLog.id));
  // A taken-back entry leaves a "delete" row with no content: it is not a version.
  const versions = rows.filter((row) => row.after !== null);
  assertFound(versions[0], "Observation");
  return versions.map((row) => {
    const after = row.after as StoredObservation;
    return {
      version: after.version,
      changedAt: row.at.toISOString(),
      changedBy: row.by ?? "",
      tempC: after.tempC === null ? null : Number(after.tempC),
      symptoms: after.symptoms,
      note: after.note,
      reason: after.reason ?? null,
    };
  });
}

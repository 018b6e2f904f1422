import { and, eq, inArray } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database } from "../../db/database.ts";
import { observations } from "../../db/schema/index.ts";
import { conflict, type FieldError } from "../../errors.ts";
import { keepOnsets } from "../../surveillance/kept-onsets.ts";
import { markRestOfDayNew } from "../../surveillance/new-to-day.ts";
import { audited } from "./correct-observation.ts";

/**
 * How long after the server stored an entry its recorder may still take it back (the round's "元に戻す" after
 * 全員変わりなし). Later, or once corrected, an entry is changed only by a correction, which keeps its history.
 */
export const WITHDRAW_WINDOW_MS = 10 * 60_000;

/**
 * Takes back entries the same user has just recorded: all or nothing. Each id must be this user's own, unchanged
 * (version 1) and stored less than {@link WITHDRAW_WINDOW_MS} ago; otherwise nothing is removed and the 409 names every
 * id that stays. Ids the server does not hold (never arrived, or already taken back) are counted as `notFound`, so a
 * resend of the same request is harmless. Each removal is audited with the removed content.
 */
export async function withdrawObservations(
  db: Database,
  user: SessionUser,
  facilityId: string,
  ids: readonly string[],
  now: Date,
): Promise<{ withdrawn: number; notFound: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(observations)
      .where(and(eq(observations.facilityId, facilityId), inArray(observations.id, [...ids])))
      .for("update");
    const byId = new Map(rows.map((row) => [row.id, row]));
    const errors: FieldError[] = [];
    ids.forEach((id, i) => {
      const row = byId.get(id);
      if (row === undefined) return;
      if (row.recordedBy !== user.id)
        errors.push({
          path: `ids[${i}]`,
          message: "recorded by someone else; only its recorder may take it back",
        });
      else if (row.version !== 1)
        errors.push({ path: `ids[${i}]`, message: "corrected since it was recorded; correct it instead" });
      else if (now.getTime() - row.recordedAt.getTime() > WITHDRAW_WINDOW_MS)
        errors.push({
          path: `ids[${i}]`,
          message: `recorded more than ${WITHDRAW_WINDOW_MS / 60_000} minutes ago; correct it instead`,
        });
    });
    if (errors.length > 0) throw conflict("Some entries can no longer be taken back.", errors);
    if (rows.length > 0) {
      await tx.delete(observations).where(
        and(
          eq(observations.facilityId, facilityId),
          inArray(
            observations.id,
            rows.map((row) => row.id),
          ),
        ),
      );
      await keepOnsets(tx, facilityId, rows);
      await markRestOfDayNew(tx, facilityId, rows);
      await appendAudit(
        tx,
        rows.map((row) => ({
          actorUserId: user.id,
          organisationId: facilityId,
          action: "delete" as const,
          entity: "observation",
          entityId: row.id,
          before: audited(row),
        })),
      );
    }
    return { withdrawn: rows.length, notFound: ids.length - rows.length };
  });
}

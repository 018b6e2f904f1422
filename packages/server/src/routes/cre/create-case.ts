import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import type { Executor } from "../../db/database.ts";
import { creCases } from "../../db/schema/index.ts";
import { conflict } from "../../errors.ts";
import type { CaseRow } from "./evaluate-case.ts";
import type { HospitalActor } from "./hospital.ts";
import type { CreCaseCreate } from "./schema.ts";

/** What a create carries: two creates are the same when these are equal (jsonb key order aside). */
const content = (c: Pick<CaseRow, "patientLabel" | "isolate">) => ({
  patientLabel: c.patientLabel,
  isolate: c.isolate,
});

/**
 * Records an isolate reported by the laboratory as a new CRE case. The id is the client's: the same create sent again
 * answers the stored case (`created: false`); the id with other content, or another organisation's id, is a conflict.
 * Runs inside the caller's transaction with its audit entry.
 */
export async function createCase(
  tx: Executor,
  actor: HospitalActor,
  input: CreCaseCreate,
  now: Date,
  action: "create" | "import" = "create",
): Promise<{ row: CaseRow; created: boolean }> {
  const [created] = await tx
    .insert(creCases)
    .values({
      id: input.id,
      hospitalId: actor.hospitalId,
      patientLabel: input.patientLabel,
      isolate: input.isolate,
      createdBy: actor.user.id,
      createdAt: now,
      updatedBy: actor.user.id,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: creCases.id })
    .returning();
  if (created) {
    await appendAudit(tx, [
      {
        actorUserId: actor.user.id,
        organisationId: actor.hospitalId,
        action,
        entity: "cre_case",
        entityId: created.id,
        after: created,
      },
    ]);
    return { row: created, created: true };
  }
  const [stored] = await tx.select().from(creCases).where(eq(creCases.id, input.id));
  if (
    !stored ||
    stored.hospitalId !== actor.hospitalId ||
    !isDeepStrictEqual(content(stored), content(input))
  ) {
    throw conflict("This case was already recorded with other content.", [
      { path: "id", message: "already recorded with other content" },
    ]);
  }
  return { row: stored, created: false };
}

import type { ConsultationInput } from "@mamori/contract/cre";
import { can } from "@mamori/contract/permissions";
import { and, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { creCases, creConsultations } from "../../db/schema/index.ts";
import { AppError, conflict, validationFailed } from "../../errors.ts";
import { type ConsultationRow, consultationsOf } from "./case-store.ts";
import type { HospitalActor } from "./hospital.ts";

/**
 * Records a consultation on a case with the AST or an infectious-disease physician (MHLW 事務連絡 2024-01-25 記2): a
 * physician or AST member writes what was discussed; an AST member may also approve or decline the cefiderocol order
 * with it. Consultations are only ever added, so the history stays. The client's id makes a resend harmless: the same
 * content answers the stored consultation, other content is a conflict.
 */
export async function recordConsultation(
  tx: Executor,
  actor: HospitalActor,
  caseId: string,
  input: ConsultationInput,
  now: Date,
): Promise<{ consultation: ConsultationRow; created: boolean }> {
  if (!can(actor.user.role, "recordCreConsultation")) {
    throw new AppError(403, "forbidden", "Your role may not record consultations.");
  }
  if (input.decision && !can(actor.user.role, "decideCefiderocol")) {
    throw new AppError(403, "forbidden", "Only the AST approves or declines a cefiderocol order.");
  }
  const [found] = await tx
    .select()
    .from(creCases)
    .where(and(eq(creCases.id, caseId), eq(creCases.hospitalId, actor.hospitalId)))
    .for("update");
  const current = assertFound(found, "CRE case");

  const [created] = await tx
    .insert(creConsultations)
    .values({
      id: input.id,
      caseId: current.id,
      hospitalId: actor.hospitalId,
      note: input.note,
      decision: input.decision ?? null,
      caseVersion: current.version,
      recordedBy: actor.user.id,
      recordedAt: now,
    })
    .onConflictDoNothing({ target: [creConsultations.hospitalId, creConsultations.id] })
    .returning();
  if (!created) {
    const [stored] = await tx
      .select()
      .from(creConsultations)
      .where(and(eq(creConsultations.hospitalId, actor.hospitalId), eq(creConsultations.id, input.id)));
    const same =
      stored?.caseId === current.id &&
      stored.recordedBy === actor.user.id &&
      stored.note === input.note &&
      stored.decision === (input.decision ?? null);
    if (!same)
      throw conflict("This consultation was already recorded with other content.", [
        { path: "id", message: "already recorded with other content" },
      ]);
    const [row] = (await consultationsOf(tx, actor.hospitalId, [current.id])).filter(
      (c) => c.id === input.id,
    );
    return { consultation: row!, created: false };
  }
  if (input.decision && !current.cefiderocolOrdered) {
    throw validationFailed([{ path: "decision", message: "there is no cefiderocol order to decide" }]);
  }
  await appendAudit(tx, [
    {
      actorUserId: actor.user.id,
      organisationId: actor.hospitalId,
      action: "create",
      entity: "cre_consultation",
      entityId: created.id,
      after: created,
    },
  ]);
  const [row] = (await consultationsOf(tx, actor.hospitalId, [current.id])).filter((c) => c.id === input.id);
  return { consultation: row!, created: true };
}

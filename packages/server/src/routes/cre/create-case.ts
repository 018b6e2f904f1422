import type { CreCaseCreate } from "@mamori/contract/cre";
import type { Executor } from "../../db/database.ts";
import { insertOnce } from "../../db/insert-once.ts";
import { creCases } from "../../db/schema/index.ts";
import type { CaseRow } from "./evaluate-case.ts";
import type { HospitalActor } from "./hospital.ts";

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
  return insertOnce(tx, {
    table: creCases,
    values: {
      id: input.id,
      hospitalId: actor.hospitalId,
      patientLabel: input.patientLabel,
      isolate: input.isolate,
      createdBy: actor.user.id,
      createdAt: now,
      updatedBy: actor.user.id,
      updatedAt: now,
    },
    owner: { column: creCases.hospitalId, id: actor.hospitalId },
    content,
    audit: { actorUserId: actor.user.id, organisationId: actor.hospitalId, action, entity: "cre_case" },
    conflictMessage: "This case was already recorded with other content.",
    conflictReason: "already recorded with other content",
  });
}

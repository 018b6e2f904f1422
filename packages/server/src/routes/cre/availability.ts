import { CRE_DRUG_KEYS, type CreDrugKey } from "@mamori/domain/cre";
import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import type { Executor } from "../../db/database.ts";
import { creAvailability } from "../../db/schema/index.ts";
import { availabilityOf } from "./case-store.ts";
import type { HospitalActor } from "./hospital.ts";

/**
 * Sets the drugs the hospital has, which the CRE advice offers (an active drug the hospital lacks is named in a
 * caution instead). Stored in the order of the case file's drug keys, without repeats; audited with the list before.
 */
export async function setAvailability(
  tx: Executor,
  actor: HospitalActor,
  drugs: readonly CreDrugKey[],
  now: Date,
) {
  const wanted = new Set(drugs);
  const ordered = CRE_DRUG_KEYS.filter((k) => wanted.has(k));
  const before = await availabilityOf(tx, actor.hospitalId);
  const values = { drugs: ordered, updatedBy: actor.user.id, updatedAt: now };
  await tx
    .insert(creAvailability)
    .values({ hospitalId: actor.hospitalId, ...values })
    .onConflictDoUpdate({ target: creAvailability.hospitalId, set: values });
  await appendAudit(tx, [
    {
      actorUserId: actor.user.id,
      organisationId: actor.hospitalId,
      action: "update",
      entity: "cre_availability",
      entityId: actor.hospitalId,
      before: { drugs: before.drugs, isDefault: before.isDefault },
      after: { drugs: ordered },
    },
  ]);
  const [row] = await tx
    .select()
    .from(creAvailability)
    .where(eq(creAvailability.hospitalId, actor.hospitalId));
  return { drugs: row!.drugs, isDefault: false, updatedAt: row!.updatedAt };
}

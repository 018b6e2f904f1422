import type { Permission } from "@mamori/contract/permissions";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { authorizeFacility } from "../../auth/guard.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Executor } from "../../db/database.ts";
import { organisations } from "../../db/schema/index.ts";
import { AppError } from "../../errors.ts";

export type HospitalActor = { user: SessionUser; hospitalId: string; timeZone: string };

/**
 * The hospital the signed-in user acts for, after checking the role may do `permission`. CRE stewardship belongs to
 * hospitals (organisations of kind `facility`, type `hospital`); staff of other facilities get 403.
 */
export async function authorizeHospital(
  db: Executor,
  request: FastifyRequest,
  permission: Permission,
): Promise<HospitalActor> {
  const { user, facilityId } = authorizeFacility(request, permission);
  const [org] = await db
    .select({ facilityType: organisations.facilityType, timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, facilityId));
  if (org?.facilityType !== "hospital") {
    throw new AppError(403, "not_a_hospital", "CRE stewardship is for hospitals.");
  }
  return { user, hospitalId: facilityId, timeZone: org.timeZone };
}

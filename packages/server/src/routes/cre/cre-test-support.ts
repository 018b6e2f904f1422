import { randomUUID } from "node:crypto";
import type { Role } from "@mamori/contract/permissions";
import { CRE_CONTRACT_CASE } from "@mamori/domain/cre/test-support";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/database.ts";
import { organisations } from "../../db/schema/index.ts";
import { makeFacility, signIn } from "../../test/test-facility.ts";

/** A hospital of its own for one test (random ids), with a signed-in cookie per role asked for. */
export async function makeHospital(
  app: FastifyInstance,
  db: Database,
  roles: Role[] = ["lab_technologist", "physician", "ast_member"],
) {
  const f = await makeFacility(db, { roles });
  await db.update(organisations).set({ facilityType: "hospital" }).where(eq(organisations.id, f.facility.id));
  const cookies: Partial<Record<Role, string>> = {};
  for (const role of roles) cookies[role] = await signIn(app, f.usernames[role]!);
  return { id: f.facility.id, cookies, usernames: f.usernames };
}

const { organism, specimen, ...measured } = CRE_CONTRACT_CASE.isolate;

/**
 * The isolate of the contract's example case (contracts/cre-advise.md): IMP-producing K. pneumoniae from blood,
 * MEPM 4 mg/L, mCIM 6 mm with eCIM 17 mm, IMP by NG-Test CARBA 5; collected on 2026-01-15.
 */
export const IMP_KPN_ISOLATE = { organism, specimen, collectedAt: "2026-01-15", ...measured };

/** The contract example's clinical half: bloodstream infection, haemodynamically unstable (severe by 表7). */
export const SEVERE_BLOODSTREAM = {
  infection: CRE_CONTRACT_CASE.infection,
  severity: { ...CRE_CONTRACT_CASE.severity, checklist: ["VASOPRESSOR_REQUIRED"] },
};

export function newCaseBody(isolate: object = IMP_KPN_ISOLATE, patientLabel = "P-0001") {
  return { id: randomUUID(), patientLabel, isolate };
}

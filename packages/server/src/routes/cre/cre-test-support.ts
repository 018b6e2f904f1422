import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../auth/roles.ts";
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

/**
 * The isolate of the contract's example case (contracts/cre-advise.md): IMP-producing K. pneumoniae from blood,
 * MEPM 4 mg/L, mCIM 6 mm with eCIM 17 mm, IMP by NG-Test CARBA 5.
 */
export const IMP_KPN_ISOLATE = {
  organism: "Klebsiella pneumoniae",
  specimen: { type: "blood", sterileSite: true },
  collectedAt: "2026-01-15",
  mic: {
    meropenem: "4",
    imipenem: "2",
    cefmetazole: ">32",
    levofloxacin: "≤0.12",
    trimethoprim_sulfamethoxazole: "≤0.5",
    amikacin: "≤4",
    colistin: "≤0.5",
    tigecycline: "1",
    cefiderocol: "1",
    imipenem_relebactam: "≥16",
    ceftazidime_avibactam: ">16",
    aztreonam: ">16",
  },
  zoneMm: {},
  standard: { body: "CLSI", edition: "M100-Ed35" },
  carbapenemase: {
    mCIM: { zoneMm: 6, pinpointColonies: false },
    eCIM: { zoneMm: 17 },
    immunochromatography: { kit: "NG-Test CARBA 5", detected: ["IMP"] },
  },
};

/** The contract example's clinical half: bloodstream infection, haemodynamically unstable (severe by 表7). */
export const SEVERE_BLOODSTREAM = {
  infection: { site: "bloodstream", urinaryType: null, causative: true },
  severity: {
    hemodynamicallyStable: false,
    noImmunodeficiencyOrStable: true,
    sourceControlled: true,
    stabilisedAfterTreatment: false,
    checklist: ["VASOPRESSOR_REQUIRED"],
  },
};

export function newCaseBody(isolate: object = IMP_KPN_ISOLATE, patientLabel = "P-0001") {
  return { id: randomUUID(), patientLabel, isolate };
}

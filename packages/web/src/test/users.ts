import { permissionsOf } from "@mamori/contract/permissions";
import type { User } from "../api/types.ts";

const CARE_WORKER = {
  id: "u-care",
  username: "demo-care",
  displayName: "介護 花子",
  role: "care_worker",
  organisation: {
    id: "f1",
    name: "特別養護老人ホーム さくらの里",
    kind: "facility",
    facilityType: "elderly_care",
  },
} as const satisfies User;

/**
 * A signed-in user for tests: the care home's care worker with `fields` changed, and the permissions the server would
 * send for that role and organisation (`permissionsOf`, as `/api/auth/me` does).
 */
export function testUser(fields: Partial<Omit<User, "permissions">> = {}): User {
  const user = { ...CARE_WORKER, ...fields };
  return { ...user, permissions: permissionsOf(user) };
}

export const TEST_USER: User = testUser();

/** A hospital (facility type `hospital`): CRE stewardship, no daily round. */
export const HOSPITAL = { id: "h1", name: "みなと総合病院", kind: "facility", facilityType: "hospital" };

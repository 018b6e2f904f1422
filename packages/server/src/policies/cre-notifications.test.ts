import { ROLES, type Role } from "@mamori/contract/permissions";
import { describe, expect, it } from "vitest";
import { creNotificationPolicy } from "./cre-notifications.ts";
import type { Actor } from "./reports.ts";

// The CRE notification policy as a matrix: every role in every kind of organisation against a 発生届 of hospital P sent
// to health centre H (感染症法 第12条: the physician notifies the health centre; nobody else sees it).
const sent = { hospitalId: "P", healthCentreId: "H" };
const ORGS = [
  { id: "P", kind: "facility" },
  { id: "P2", kind: "facility" },
  { id: "H", kind: "health_centre" },
  { id: "H2", kind: "health_centre" },
  { id: "M", kind: "municipality" },
  { id: "S", kind: "secretariat" },
] as const;
const CRE_STAFF: Role[] = ["physician", "lab_technologist", "ast_member"];

describe("creNotificationPolicy", () => {
  for (const org of ORGS)
    for (const role of ROLES) {
      const a: Actor = { id: "u", role, organisation: org };
      it(`${role} of ${org.id}`, () => {
        expect(creNotificationPolicy.send(a, "P")).toBe(org.id === "P" && role === "physician");
        const recipient = org.id === "H" && role === "health_centre_officer";
        expect(creNotificationPolicy.read(a, sent)).toBe(
          (org.id === "P" && CRE_STAFF.includes(role)) || recipient,
        );
        expect(creNotificationPolicy.inbox(a)).toBe(
          org.kind === "health_centre" && role === "health_centre_officer",
        );
      });
    }
});

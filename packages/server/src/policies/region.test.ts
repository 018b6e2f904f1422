import { ROLES, type Role } from "@mamori/contract/permissions";
import { describe, expect, it } from "vitest";
import { type RegionFacility, regionPolicy } from "./region.ts";
import type { Actor } from "./reports.ts";

// The region view as a matrix: every role in every kind of organisation against facility F, linked today to health
// centre H, sharing its counts or not, and against F2 of H2.
const ORGS = [
  { id: "F", kind: "facility" },
  { id: "F2", kind: "facility" },
  { id: "H", kind: "health_centre" },
  { id: "H2", kind: "health_centre" },
  { id: "M", kind: "municipality" },
  { id: "S", kind: "secretariat" },
] as const;
const sharing: RegionFacility = { healthCentreId: "H", sharesCountsSince: new Date("2026-10-01T00:00:00Z") };
const notSharing: RegionFacility = { healthCentreId: "H", sharesCountsSince: null };
const unlinked: RegionFacility = {
  healthCentreId: null,
  sharesCountsSince: new Date("2026-10-01T00:00:00Z"),
};
const actor = (role: Role, org: (typeof ORGS)[number]): Actor => ({ id: "u", role, organisation: org });

describe("regionPolicy", () => {
  for (const org of ORGS)
    for (const role of ROLES) {
      const a = actor(role, org);
      const hcOfficer = org.kind === "health_centre" && role === "health_centre_officer";
      it(`${role} of ${org.id}`, () => {
        expect(regionPolicy.read(a)).toBe(hcOfficer);
        expect(regionPolicy.readFacility(a, sharing)).toBe(hcOfficer && org.id === "H");
        expect(regionPolicy.readFacility(a, notSharing)).toBe(false);
        expect(regionPolicy.readFacility(a, unlinked)).toBe(false);
        expect(regionPolicy.manageSharing(a, "F")).toBe(
          org.id === "F" && (role === "director" || role === "admin"),
        );
      });
    }
});

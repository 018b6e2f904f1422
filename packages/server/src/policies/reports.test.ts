import { ROLES, type Role } from "@mamori/contract/permissions";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  inboxPolicy,
  officeOf,
  type ReportSubject,
  reportAbilities,
  reportPolicy,
} from "./reports.ts";

// The report policy as a matrix: every role in every kind of organisation against a report of facility F, submitted to
// health centre H and municipality M (manual 付録1① item 4: the director reports to both).
const submitted: ReportSubject = {
  facilityId: "F",
  status: "submitted",
  recipients: [
    { officeId: "H", kind: "health_centre" },
    { officeId: "M", kind: "municipality" },
  ],
};
const draft: ReportSubject = { facilityId: "F", status: "draft", recipients: [] };
const ORGS = [
  { id: "F", kind: "facility" },
  { id: "F2", kind: "facility" },
  { id: "H", kind: "health_centre" },
  { id: "H2", kind: "health_centre" },
  { id: "M", kind: "municipality" },
  { id: "M2", kind: "municipality" },
  { id: "S", kind: "secretariat" },
] as const;
const STAFF_READERS: Role[] = ["care_worker", "nurse", "ic_lead", "director", "physician", "admin"];
const actor = (role: Role, org: (typeof ORGS)[number]): Actor => ({ id: "u", role, organisation: org });

describe("reportPolicy", () => {
  for (const org of ORGS)
    for (const role of ROLES) {
      const a = actor(role, org);
      const staff = org.id === "F" && STAFF_READERS.includes(role);
      const officer =
        (org.id === "H" && role === "health_centre_officer") ||
        (org.id === "M" && role === "municipal_officer");
      it(`${role} of ${org.id}`, () => {
        expect(reportPolicy.read(a, submitted)).toBe(staff || officer);
        expect(reportPolicy.read(a, draft)).toBe(staff);
        expect(reportPolicy.write(a, submitted)).toBe(org.id === "F" && role === "director");
        expect(reportPolicy.create(a, "F")).toBe(org.id === "F" && role === "director");
        expect(reportPolicy.answer(a, submitted)).toBe(officer);
        expect(reportPolicy.answer(a, draft)).toBe(false);
        expect(reportPolicy.readNotes(a, submitted)).toBe(officer);
        const anyOfficer =
          (org.kind === "health_centre" && role === "health_centre_officer") ||
          (org.kind === "municipality" && role === "municipal_officer");
        expect(inboxPolicy.read(a)).toBe(anyOfficer);
        expect(inboxPolicy.overview(a)).toBe(anyOfficer && org.kind === "health_centre");
        expect(officeOf(a) !== null).toBe(anyOfficer);
        expect(reportAbilities(a).inbox).toBe(anyOfficer);
        expect(reportAbilities(a).region).toBe(anyOfficer && org.kind === "health_centre");
        expect(reportAbilities(a).reportTemplate).toBe(anyOfficer && org.kind === "municipality");
        expect(reportAbilities(a).shareCounts).toBe(
          org.kind === "facility" && (role === "director" || role === "admin"),
        );
      });
    }
});

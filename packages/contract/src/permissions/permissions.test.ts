import { describe, expect, it } from "vitest";
import { allows, permissionsOf } from "./permissions.ts";

const careHome = { kind: "facility", facilityType: "elderly_care" };
const hospital = { kind: "facility", facilityType: "hospital" };

describe("permissions by role and organisation", () => {
  it("gives a care home's physician the round and the records, a hospital's physician the CRE cases instead", () => {
    expect(permissionsOf({ role: "physician", organisation: careHome })).toEqual(
      expect.arrayContaining(["readFacility", "readCareRecords", "recordObservations", "recordCases"]),
    );
    expect(allows({ role: "physician", organisation: careHome }, "readCreCases")).toBe(false);
    const atHospital = permissionsOf({ role: "physician", organisation: hospital });
    expect(atHospital).toEqual(expect.arrayContaining(["readFacility", "readCreCases", "answerSurvey"]));
    expect(atHospital).not.toContain("readCareRecords");
    expect(atHospital).not.toContain("recordObservations");
    expect(permissionsOf({ role: "admin", organisation: hospital })).not.toContain("managePeople");
    expect(atHospital).not.toContain("recordBathUse");
  });

  it("gives offices no facility permission and the secretariat only its own", () => {
    expect(permissionsOf({ role: "health_centre_officer", organisation: { kind: "health_centre" } })).toEqual(
      [],
    );
    expect(permissionsOf({ role: "secretariat", organisation: { kind: "secretariat" } })).toEqual([
      "readSurveyAggregates",
      "keySurveyPaper",
    ]);
    // A role listed for a permission gets nothing in an organisation of the wrong kind.
    expect(allows({ role: "director", organisation: { kind: "municipality" } }, "readFacility")).toBe(false);
  });
});

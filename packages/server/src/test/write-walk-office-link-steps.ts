import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { reportingFacilityActors } from "./write-walk-report-steps.ts";
import { as, call, type WalkFixture, type WalkStep } from "./write-walk-steps.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A municipality's own report form: one sheet whose facility-name cell carries its defined name. */
async function municipalForm(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("様式第1号");
  sheet.getCell("A1").value = "社会福祉施設等における感染症等発生時に係る報告書";
  workbook.definedNames.add("'様式第1号'!$B$3", "facility_name");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const by = (actor: { id: string }, organisationId: string) => ({ actor: actor.id, organisationId });

/**
 * The walk's steps of what a facility shares with its offices and what the offices keep: the facility's count
 * sharing, the municipality's report form, and the hospital's 発生届 sent to its health centre.
 */
export const OFFICE_LINK_STEPS: WalkStep[] = [
  {
    route: "POST /api/cre-notifications",
    run: async (app: FastifyInstance, f: WalkFixture) => ({
      response: await call(app, f.cookies.physician, "POST", "/api/cre-notifications", {
        id: randomUUID(),
        caseId: f.state.creCase,
      }),
      ...as(f, "physician"),
      action: "create",
      entity: "cre_notification",
      also: [{ action: "update", entity: "cre_case" }],
    }),
  },
  {
    route: "PUT /api/region/sharing",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.director.cookie, "PUT", "/api/region/sharing", { share: true }),
        ...by(r.director, r.facilityId),
        action: "update",
        entity: "count_sharing",
      };
    },
  },
  {
    route: "PUT /api/report-template",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(
          app,
          r.muni.cookie,
          "PUT",
          "/api/report-template?fileName=form.xlsx",
          await municipalForm(),
          XLSX,
        ),
        ...by(r.muni, r.municipalityId),
        action: "create",
        entity: "report_template",
      };
    },
  },
  {
    route: "DELETE /api/report-template",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.muni.cookie, "DELETE", "/api/report-template"),
        ...by(r.muni, r.municipalityId),
        action: "delete",
        entity: "report_template",
      };
    },
  },
];

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { users } from "../db/schema/index.ts";
import { reportingFacility } from "./report-fixtures.ts";
import { signIn } from "./test-facility.ts";
import { call, type WalkFixture, type WalkStep } from "./write-walk-steps.ts";

/** The reporting facility of the report steps: 24 residents, 10 of them vomiting since 1 December (付録1① item 4). */
export async function reportingFacilityActors(app: FastifyInstance, f: WalkFixture) {
  if (f.reporting) return f.reporting;
  const r = await reportingFacility(f.db, { residents: 24, ill: 10, onsetDay: "2026-12-01" });
  const idOf = async (username: string) =>
    (await f.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  f.reporting = {
    facilityId: r.facility.id,
    healthCentreId: r.healthCentre.id,
    municipalityId: r.municipality.id,
    director: { id: await idOf(r.usernames.director!), cookie: await signIn(app, r.usernames.director!) },
    hc: { id: await idOf(r.hcOfficer), cookie: await signIn(app, r.hcOfficer) },
    muni: { id: await idOf(r.muniOfficer), cookie: await signIn(app, r.muniOfficer) },
  };
  return f.reporting;
}

/** The walk's steps of the reports to the offices (a facility of their own, with a reportable cluster). */
export const REPORT_STEPS: WalkStep[] = [
  {
    route: "POST /api/reports",
    setup: async (app, f) => {
      await reportingFacilityActors(app, f);
    },
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      f.state.report = randomUUID();
      const response = await call(app, r.director.cookie, "POST", "/api/reports", {
        id: f.state.report,
        group: "GI",
        criterion: "B",
      });
      return {
        response,
        actor: r.director.id,
        organisationId: r.facilityId,
        action: "create",
        entity: /^office_report/,
      };
    },
  },
  {
    route: "PATCH /api/reports/:id",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.director.cookie, "PATCH", `/api/reports/${f.state.report}`, {
          version: 1,
          contact: { name: "施設長", phone: "03-0000-0000" },
        }),
        actor: r.director.id,
        organisationId: r.facilityId,
        action: "update",
        entity: /^office_report/,
      };
    },
  },
  {
    route: "POST /api/reports/:id/submit",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.director.cookie, "POST", `/api/reports/${f.state.report}/submit`, {
          version: 2,
        }),
        actor: r.director.id,
        organisationId: r.facilityId,
        action: "update",
        entity: /^office_report/,
      };
    },
  },
  {
    route: "POST /api/reports/:id/replies",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.hc.cookie, "POST", `/api/reports/${f.state.report}/replies`, {
          id: randomUUID(),
          text: "検体（便）を保健所へ提出してください。",
          kind: "instruction",
        }),
        actor: r.hc.id,
        // An office's act is filed under the office.
        organisationId: r.healthCentreId,
        action: "create",
        entity: "office_report_instruction",
        // An instruction moves the report to "instructions sent" in the office's inbox.
        also: [{ action: "update", entity: "office_report_state" }],
      };
    },
  },
  {
    route: "POST /api/reports/:id/notes",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.muni.cookie, "POST", `/api/reports/${f.state.report}/notes`, {
          id: randomUUID(),
          text: "保健所と電話で共有済み",
        }),
        actor: r.muni.id,
        organisationId: r.municipalityId,
        action: "create",
        entity: /^office_report/,
      };
    },
  },
  {
    route: "POST /api/reports/:id/state",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.muni.cookie, "POST", `/api/reports/${f.state.report}/state`, {
          state: "acknowledged",
        }),
        actor: r.muni.id,
        organisationId: r.municipalityId,
        action: "update",
        entity: /^office_report/,
      };
    },
  },
  {
    route: "POST /api/reports/:id/follow-ups",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.director.cookie, "POST", `/api/reports/${f.state.report}/follow-ups`, {
          id: randomUUID(),
          kind: "follow_up",
        }),
        actor: r.director.id,
        organisationId: r.facilityId,
        action: "create",
        entity: /^office_report/,
      };
    },
  },
  {
    route: "POST /api/reports/decisions",
    run: async (app, f) => {
      const r = await reportingFacilityActors(app, f);
      return {
        response: await call(app, r.director.cookie, "POST", "/api/reports/decisions", {
          id: randomUUID(),
          group: "GI",
          day: "2026-12-01",
          decision: "report",
          reason: "付録1①の4に当たるため報告した",
          reportId: f.state.report,
        }),
        actor: r.director.id,
        organisationId: r.facilityId,
        action: "create",
        entity: "criterion_c_decision",
      };
    },
  },
];

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { organisations } from "../db/schema/index.ts";
import { IMP_KPN_ISOLATE, SEVERE_BLOODSTREAM } from "../routes/cre/cre-test-support.ts";
import { as, call, type WalkStep } from "./write-walk-steps.ts";

/** The walk's steps of the routine records and the outbreak episodes. */
export const ROUTINE_STEPS: WalkStep[] = [
  {
    route: "POST /api/routine/records/:type",
    run: async (app, f) => {
      f.state.meeting = randomUUID();
      const response = await call(app, f.cookies.lead, "POST", "/api/routine/records/committee_meeting", {
        id: f.state.meeting,
        date: "2026-12-01",
        attendeeIds: [f.people[3]!.id],
        data: {
          kind: "regular",
          agenda: "冬季のノロウイルス対策",
          minutes: [{ role: "director", text: "嘔吐物処理キットを各階に配置する" }],
          decisions: ["処理キットを各階に1つ置く"],
        },
      });
      return { response, ...as(f, "ic_lead"), action: "create", entity: "routine_committee_meeting" };
    },
  },
  {
    route: "PATCH /api/routine/records/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.lead, "PATCH", `/api/routine/records/${f.state.meeting}`, {
        data: {
          kind: "regular",
          agenda: "冬季のノロウイルス対策",
          minutes: [{ role: "director", text: "嘔吐物処理キットを各階と浴室に配置する" }],
          decisions: ["処理キットを各階に1つ置く"],
        },
      }),
      ...as(f, "ic_lead"),
      action: "update",
      entity: "routine_committee_meeting",
    }),
  },
  {
    route: "POST /api/routine/records/:id/acknowledgements",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.care,
        "POST",
        `/api/routine/records/${f.state.meeting}/acknowledgements`,
      ),
      ...as(f, "care_worker"),
      action: "create",
      entity: "routine_acknowledgement",
    }),
  },
  {
    route: "DELETE /api/routine/records/:id",
    setup: async (app, f) => {
      f.state.oldRound = randomUUID();
      // Older than the 5 years records are kept: it may be deleted.
      const saved = await call(app, f.cookies.lead, "POST", "/api/routine/records/cleaning_round", {
        id: f.state.oldRound,
        date: "2021-11-30",
        data: { areas: ["floors"] },
      });
      if (saved.statusCode !== 201) throw new Error(`setup: ${saved.body}`);
    },
    run: async (app, f) => ({
      response: await call(app, f.cookies.lead, "DELETE", `/api/routine/records/${f.state.oldRound}`),
      ...as(f, "ic_lead"),
      action: "delete",
      entity: "routine_cleaning_round",
    }),
  },
  {
    route: "POST /api/routine/equipment",
    run: async (app, f) => {
      const response = await call(app, f.cookies.lead, "POST", "/api/routine/equipment", {
        kind: "bath_circulating",
        name: "一般浴",
      });
      f.state.equipment = response.json().id;
      return { response, ...as(f, "ic_lead"), action: "create", entity: "routine_equipment" };
    },
  },
  {
    route: "PATCH /api/routine/equipment/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.lead, "PATCH", `/api/routine/equipment/${f.state.equipment}`, {
        name: "一般浴（1階）",
      }),
      ...as(f, "ic_lead"),
      action: "update",
      entity: "routine_equipment",
    }),
  },
  {
    route: "PUT /api/routine/settings",
    run: async (app, f) => {
      const current = await app.inject({
        method: "GET",
        url: "/api/routine/settings",
        headers: { cookie: f.cookies.lead },
      });
      return {
        response: await call(app, f.cookies.lead, "PUT", "/api/routine/settings", {
          ...current.json().settings,
          committeeEveryMonths: 1,
        }),
        ...as(f, "ic_lead"),
        action: "update",
        entity: "obligation_settings",
      };
    },
  },
  {
    route: "POST /api/facilities/:facilityId/episodes",
    run: async (app, f) => {
      f.state.episode = randomUUID();
      const response = await call(app, f.cookies.lead, "POST", `/api/facilities/${f.facility.id}/episodes`, {
        id: f.state.episode,
        subject: { disease: "influenza" },
        note: "2階で咳の入居者が続く",
      });
      return { response, ...as(f, "ic_lead"), action: "create", entity: /^outbreak_episode/ };
    },
  },
  {
    route: "POST /api/facilities/:facilityId/episodes/:id/measures",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.lead,
        "POST",
        `/api/facilities/${f.facility.id}/episodes/${f.state.episode}/measures`,
        { id: randomUUID(), text: "食堂の席を離す", doneDate: "2026-12-02" },
      ),
      ...as(f, "ic_lead"),
      action: "create",
      entity: /^outbreak_/,
    }),
  },
  {
    route: "POST /api/facilities/:facilityId/episodes/:id/cases",
    run: async (app, f) => {
      const response = await call(
        app,
        f.cookies.lead,
        "POST",
        `/api/facilities/${f.facility.id}/episodes/${f.state.episode}/cases`,
        { caseId: f.state.case },
      );
      const links: { caseId: string | null; linkId: string | null }[] = response.json().cases ?? [];
      f.state.link = links.find((c) => c.caseId === f.state.case)?.linkId ?? "";
      return { response, ...as(f, "ic_lead"), action: "create", entity: /^outbreak_episode/ };
    },
  },
  {
    route: "PATCH /api/facilities/:facilityId/episodes/:id/cases/:linkId",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.lead,
        "PATCH",
        `/api/facilities/${f.facility.id}/episodes/${f.state.episode}/cases/${f.state.link}`,
        { resolvedDate: "2026-12-02" },
      ),
      ...as(f, "ic_lead"),
      action: "update",
      entity: /^(outbreak_episode_case|case)$/,
    }),
  },
  {
    route: "POST /api/facilities/:facilityId/episodes/:id/close",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.lead,
        "POST",
        `/api/facilities/${f.facility.id}/episodes/${f.state.episode}/close`,
        { decision: "新たな発症なし", decisionDate: "2026-12-02", overrideReason: "誤って開いた" },
      ),
      ...as(f, "ic_lead"),
      action: "update",
      entity: "outbreak_episode",
      also: [{ action: "create", entity: "outbreak_episode_event" }],
    }),
  },
  {
    route: "POST /api/facilities/:facilityId/episodes/:id/reopen",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.lead,
        "POST",
        `/api/facilities/${f.facility.id}/episodes/${f.state.episode}/reopen`,
        { reason: "同じ階で再び発症" },
      ),
      ...as(f, "ic_lead"),
      action: "update",
      entity: "outbreak_episode",
      also: [{ action: "create", entity: "outbreak_episode_event" }],
    }),
  },
];

const CRE_CSV = [
  "患者ID,菌名,検体,採取日,MEPM,IPM/CS,CMZ,LVFX,ST,mcim_zone_mm,ecim_zone_mm,ic_kit,ic_detected",
  "W-0002,Klebsiella pneumoniae,血液,2026/11/25,4,2,>32,≤0.12,≤20,6,17,NG-Test CARBA 5,IMP",
].join("\n");

/** The walk's steps of the CRE workspace; the walk's facility becomes a hospital for them. */
export const CRE_STEPS: WalkStep[] = [
  {
    route: "POST /api/cre/cases",
    setup: async (_app, f) => {
      await f.db
        .update(organisations)
        .set({ facilityType: "hospital" })
        .where(eq(organisations.id, f.facility.id));
    },
    run: async (app, f) => {
      f.state.creCase = randomUUID();
      const response = await call(app, f.cookies.lab, "POST", "/api/cre/cases", {
        id: f.state.creCase,
        patientLabel: "W-0001",
        isolate: { ...IMP_KPN_ISOLATE, collectedAt: "2026-11-25" },
      });
      return { response, ...as(f, "lab_technologist"), action: "create", entity: /^cre_/ };
    },
  },
  {
    route: "PATCH /api/cre/cases/:id",
    run: async (app, f) => ({
      response: await call(app, f.cookies.physician, "PATCH", `/api/cre/cases/${f.state.creCase}`, {
        version: 1,
        ...SEVERE_BLOODSTREAM,
        cefiderocolOrdered: true,
      }),
      ...as(f, "physician"),
      action: "update",
      entity: /^cre_/,
    }),
  },
  {
    route: "POST /api/cre/cases/:id/consultation",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.physician,
        "POST",
        `/api/cre/cases/${f.state.creCase}/consultation`,
        {
          id: randomUUID(),
          note: "感染症内科に電話で相談した",
        },
      ),
      ...as(f, "physician"),
      action: "create",
      entity: /^cre_/,
    }),
  },
  {
    route: "POST /api/cre/cases/import",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.lab,
        "POST",
        `/api/cre/cases/import?importId=${randomUUID()}`,
        CRE_CSV,
        "text/csv",
      ),
      ...as(f, "lab_technologist"),
      action: "import",
      entity: /^cre_/,
    }),
  },
  {
    route: "PUT /api/cre/availability",
    run: async (app, f) => ({
      response: await call(app, f.cookies.ast, "PUT", "/api/cre/availability", {
        drugs: ["levofloxacin", "amikacin"],
      }),
      ...as(f, "ast_member"),
      action: "update",
      entity: /^cre_/,
    }),
  },
];

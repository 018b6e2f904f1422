import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createUser } from "../accounts/create-user.ts";
import { organisations, users } from "../db/schema/index.ts";
import { CLINICAL, code, paperEntry, withAnswers } from "../routes/survey/survey-test-support.ts";
import { signIn, TEST_PASSWORD } from "./test-facility.ts";
import { as, call, type WalkFixture, type WalkStep } from "./write-walk-steps.ts";

/** Two clerks of a secretariat of their own, for the paper double entry. */
async function clerks(app: FastifyInstance, f: WalkFixture) {
  if (f.state.clerk1) return;
  const [org] = await f.db
    .insert(organisations)
    .values({ kind: "secretariat", name: `事務局 ${randomUUID().slice(0, 8)}`, requireSecondFactor: false })
    .returning();
  f.state.secretariat = org!.id;
  for (const n of [1, 2]) {
    const username = `walk-sec-${n}-${randomUUID().slice(0, 8)}`;
    await createUser(f.db, {
      organisationId: org!.id,
      username,
      displayName: `事務局員${n}`,
      role: "secretariat",
      password: TEST_PASSWORD,
    });
    const [user] = await f.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    f.state[`clerk${n}`] = user!.id;
    f.state[`clerk${n}Cookie`] = await signIn(app, username);
  }
}

/** The walk's steps of the national cefiderocol survey, on the CRE case of the CRE steps. */
export const SURVEY_STEPS: WalkStep[] = [
  {
    route: "POST /api/survey/cases/:caseId/response",
    setup: async (_app, f) => {
      await f.db
        .update(organisations)
        .set({ prefecture: "東京都" })
        .where(eq(organisations.id, f.facility.id));
    },
    run: async (app, f) => {
      f.state.surveyResponse = randomUUID();
      const response = await call(
        app,
        f.cookies.physician,
        "POST",
        `/api/survey/cases/${f.state.creCase}/response`,
        {
          id: f.state.surveyResponse,
        },
      );
      f.state.surveyDraft = JSON.stringify(response.json().response ?? {});
      return { response, ...as(f, "physician"), action: "create", entity: /^survey/ };
    },
  },
  {
    route: "PUT /api/survey/responses/:id/draft",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.physician,
        "PUT",
        `/api/survey/responses/${f.state.surveyResponse}/draft`,
        {
          response: withAnswers(JSON.parse(f.state.surveyDraft!), CLINICAL),
        },
      ),
      ...as(f, "physician"),
      action: "update",
      entity: /^survey/,
    }),
  },
  {
    route: "POST /api/survey/responses/:id/lab",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.physician,
        "POST",
        `/api/survey/responses/${f.state.surveyResponse}/lab`,
        {
          to: "lab",
        },
      ),
      ...as(f, "physician"),
      action: "update",
      entity: /^survey/,
    }),
  },
  {
    route: "POST /api/survey/responses/:id/submit",
    setup: async (app, f) => {
      const back = await call(
        app,
        f.cookies.lab,
        "POST",
        `/api/survey/responses/${f.state.surveyResponse}/lab`,
        {
          to: "physician",
        },
      );
      if (back.statusCode !== 200) throw new Error(`setup: ${back.body}`);
    },
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.physician,
        "POST",
        `/api/survey/responses/${f.state.surveyResponse}/submit`,
        {
          submissionId: randomUUID(),
        },
      ),
      ...as(f, "physician"),
      action: "create",
      entity: /^survey/,
    }),
  },
  {
    route: "POST /api/survey/responses/:id/corrections",
    run: async (app, f) => ({
      response: await call(
        app,
        f.cookies.physician,
        "POST",
        `/api/survey/responses/${f.state.surveyResponse}/corrections`,
        {
          submissionId: randomUUID(),
          response: withAnswers(withAnswers(JSON.parse(f.state.surveyDraft!), CLINICAL), {
            q2: code("urinary"),
          }),
          reason: "感染部位の誤り",
        },
      ),
      ...as(f, "physician"),
      action: "update",
      entity: /^survey/,
    }),
  },
  {
    route: "POST /api/survey/paper",
    setup: clerks,
    run: async (app, f) => {
      f.state.paper = randomUUID();
      return {
        response: await call(app, f.state.clerk1Cookie!, "POST", "/api/survey/paper", {
          id: f.state.paper,
          label: "封筒 12",
          prefecture: "大阪府",
        }),
        actor: f.state.clerk1!,
        organisationId: f.state.secretariat!,
        action: "create",
        entity: /^survey/,
      };
    },
  },
  {
    route: "PUT /api/survey/paper/:id/entries/:entryNo",
    run: async (app, f) => ({
      response: await call(
        app,
        f.state.clerk1Cookie!,
        "PUT",
        `/api/survey/paper/${f.state.paper}/entries/1`,
        {
          response: paperEntry("yes"),
        },
      ),
      actor: f.state.clerk1!,
      organisationId: f.state.secretariat!,
      action: "create",
      entity: "survey_paper_entry",
    }),
  },
  {
    route: "POST /api/survey/paper/:id/resolve",
    setup: async (app, f) => {
      const second = await call(
        app,
        f.state.clerk2Cookie!,
        "PUT",
        `/api/survey/paper/${f.state.paper}/entries/2`,
        {
          response: paperEntry("yes"),
        },
      );
      if (second.statusCode !== 200) throw new Error(`setup: ${second.body}`);
    },
    run: async (app, f) => ({
      response: await call(app, f.state.clerk2Cookie!, "POST", `/api/survey/paper/${f.state.paper}/resolve`, {
        submissionId: randomUUID(),
        responseId: randomUUID(),
        choices: {},
      }),
      actor: f.state.clerk2!,
      organisationId: f.state.secretariat!,
      action: "create",
      entity: /^survey_response/,
      also: [{ action: "update", entity: "survey_paper_form" }],
    }),
  },
];

import { randomUUID } from "node:crypto";
import { setAnswers } from "@mamori/domain/questionnaire";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createUser } from "../accounts/create-user.ts";
import { organisations, users } from "../db/schema/index.ts";
import { CRE_SURVEY } from "../routes/survey/cre-survey-items.ts";
import { signIn, TEST_PASSWORD } from "./test-facility.ts";
import { as, call, type WalkFixture, type WalkStep } from "./write-walk-steps.ts";

type Qr = { resourceType: "QuestionnaireResponse"; item?: unknown[] };
/** The response with these answers set where the survey's definition places them. */
const set = (qr: Qr, answers: Record<string, object[]>): Qr =>
  Object.entries(answers).reduce(
    (r, [linkId, list]) => setAnswers(CRE_SURVEY, r as never, linkId, list as never) as unknown as Qr,
    qr,
  );
const code = (c: string) => [{ valueCoding: { code: c } }];
/** The clinical answers the record cannot give, as a physician completes them. */
const CLINICAL = {
  q3: [{ valueBoolean: true }],
  q8: code("no"),
  q12: [{ valueDecimal: 2 }],
  q13: code("q8h"),
  q15: [{ valueInteger: 14 }],
  q17: code("improved"),
};
/** A paper form as a clerk keys it. */
const paperEntry = () =>
  set(
    { resourceType: "QuestionnaireResponse", item: [] },
    {
      q1: [{ valueBoolean: true }],
      q2: code("urinary"),
      q4: code("escherichia_coli"),
      q5: code("urine"),
      q6: code("non_producer"),
      q10: [{ valueBoolean: false }],
      q11: [{ valueDate: "2026-11-10" }],
      ...CLINICAL,
      "q18.1": code("yes"),
      "q18.2": code("yes"),
      "q18.3": code("yes"),
      "q19.1": code("yes"),
      "q19.2": code("yes"),
      "q19.3": code("yes"),
      q20: code("yes"),
      q21: code("no"),
    },
  );

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
          response: set(JSON.parse(f.state.surveyDraft!), CLINICAL),
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
          response: set(set(JSON.parse(f.state.surveyDraft!), CLINICAL), { q2: code("urinary") }),
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
          response: paperEntry(),
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
          response: paperEntry(),
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

import { randomUUID } from "node:crypto";
import { setAnswers } from "@mamori/domain/questionnaire";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { createUser } from "../../accounts/create-user.ts";
import type { Database } from "../../db/database.ts";
import { organisations } from "../../db/schema/index.ts";
import { signIn, TEST_PASSWORD } from "../../test/test-facility.ts";
import { makeHospital, newCaseBody, SEVERE_BLOODSTREAM } from "../cre/cre-test-support.ts";
import { CRE_SURVEY } from "./cre-survey-items.ts";

type Hospital = Awaited<ReturnType<typeof makeHospital>>;

const send = (app: FastifyInstance, method: "POST" | "PATCH", url: string, cookie: string, payload: object) =>
  app.inject({ method, url, headers: { cookie }, payload });

/** A CRE case of the hospital (IMP-producing K. pneumoniae from blood) on cefiderocol, with an AST consultation or not. */
export async function orderedCaseIn(
  app: FastifyInstance,
  h: Hospital,
  options: { consult?: boolean } = { consult: true },
) {
  const body = newCaseBody();
  await send(app, "POST", "/api/cre/cases", h.cookies.lab_technologist!, body);
  const ordered = await send(app, "PATCH", `/api/cre/cases/${body.id}`, h.cookies.physician!, {
    version: 1,
    ...SEVERE_BLOODSTREAM,
    cefiderocolOrdered: true,
  });
  expect(ordered.statusCode).toBe(200);
  if (options.consult) {
    await send(app, "POST", `/api/cre/cases/${body.id}/consultation`, h.cookies.physician!, {
      id: randomUUID(),
      note: "感染症内科と相談",
    });
  }
  return body.id;
}

/** A hospital in 東京都 with a CRE case on cefiderocol. */
export async function orderedCase(
  app: FastifyInstance,
  db: Database,
  options: { consult?: boolean } = { consult: true },
) {
  const h = await makeHospital(app, db);
  await db.update(organisations).set({ prefecture: "東京都" }).where(eq(organisations.id, h.id));
  return { h, caseId: await orderedCaseIn(app, h, options) };
}

/** A secretariat of its own with two clerks (double entry is two people), signed in. */
export async function secretariatClerks(app: FastifyInstance, db: Database) {
  const [org] = await db
    .insert(organisations)
    .values({ kind: "secretariat", name: "事務局", requireSecondFactor: false })
    .returning();
  const cookies: string[] = [];
  for (const n of [1, 2]) {
    const username = `sec-${n}-${randomUUID().slice(0, 8)}`;
    await createUser(db, {
      organisationId: org!.id,
      username,
      displayName: `事務局員${n}`,
      role: "secretariat",
      password: TEST_PASSWORD,
    });
    cookies.push(await signIn(app, username));
  }
  return { id: org!.id, clerks: cookies as [string, string] };
}

type Qr = { resourceType: "QuestionnaireResponse"; item?: unknown[] };
/** The response with these answers set where the definition places them. */
export const withAnswers = (qr: Qr, answers: Record<string, object[]>): Qr =>
  Object.entries(answers).reduce(
    (r, [linkId, list]) => setAnswers(CRE_SURVEY, r as never, linkId, list as never) as unknown as Qr,
    qr,
  );
export const code = (c: string) => [{ valueCoding: { code: c } }];
/** The clinical answers the record cannot give (provisional q3, q8, q12–q17), as a physician completes them. */
export const CLINICAL = {
  q3: [{ valueBoolean: true }],
  q8: code("no"),
  q12: [{ valueDecimal: 2 }],
  q13: code("q8h"),
  q15: [{ valueInteger: 14 }],
  q17: code("improved"),
};

const yes = code("yes");
/** A paper form as keyed: a urinary E. coli, non-producer, complete; 設問20 as the clerk read it. */
export const paperEntry = (q20: string) =>
  withAnswers(
    { resourceType: "QuestionnaireResponse", item: [] },
    {
      q1: [{ valueBoolean: true }],
      q2: code("urinary"),
      q4: code("escherichia_coli"),
      q5: code("urine"),
      q6: code("non_producer"),
      q10: [{ valueBoolean: false }],
      q11: [{ valueDate: "2026-01-10" }],
      ...CLINICAL,
      "q18.1": yes,
      "q18.2": yes,
      "q18.3": yes,
      "q19.1": yes,
      "q19.2": yes,
      "q19.3": yes,
      q20: code(q20),
      q21: code("no"),
    },
  );

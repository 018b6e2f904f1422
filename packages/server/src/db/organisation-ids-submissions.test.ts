import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeHospital } from "../routes/cre/cre-test-support.ts";
import {
  CLINICAL,
  orderedCaseIn,
  paperEntry,
  secretariatClerks,
  withAnswers,
} from "../routes/survey/survey-test-support.ts";
import { oneIdTwoOrganisations } from "../test/one-id-two-organisations.ts";
import { cookiesOf, reportingFacility } from "../test/report-fixtures.ts";
import { useTestApp } from "../test/test-app.ts";
import { surveyResponses, surveyResponseVersions } from "./schema/index.ts";

// The ids a client makes for a submission — a survey response's submission, a follow-up report, the response a paper
// form is settled into — are the organisation's own, like the ids of db/organisation-ids.test.ts: the same id in two
// organisations is two rows, a resend is the same row, other content under it in one organisation is a 409, and
// neither organisation's answers show the other's row.

const NOW = new Date("2026-12-02T09:00:00+09:00");
const ctx = useTestApp({ clock: () => NOW });

const send = (cookie: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe("submission ids scoped to the organisation", () => {
  it("survey submissions: one submission id, two hospitals", async () => {
    const of = { a: await makeHospital(ctx.app, ctx.db), b: await makeHospital(ctx.app, ctx.db) };
    const physician = (who: "a" | "b") => of[who].cookies.physician!;
    // Two responses of A, one of B; A's first and B's share their response id too.
    const shared = randomUUID();
    const responses = { a: { first: shared, other: randomUUID() }, b: { other: shared } };
    const answered = async (who: "a" | "b", responseId: string) => {
      const caseId = await orderedCaseIn(ctx.app, of[who]);
      const opened = await send(physician(who), "POST", `/api/survey/cases/${caseId}/response`, {
        id: responseId,
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const saved = await send(physician(who), "PUT", `/api/survey/responses/${responseId}/draft`, {
        response: withAnswers(opened.json().response, CLINICAL),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      return caseId;
    };
    const cases = {
      a: await answered("a", responses.a.first),
      b: await answered("b", responses.b.other),
    };
    await answered("a", responses.a.other);

    const submissionId = await oneIdTwoOrganisations((who, id, content) => {
      const responseId = who === "a" ? responses.a[content] : responses.b.other;
      return send(physician(who), "POST", `/api/survey/responses/${responseId}/submit`, { submissionId: id });
    });

    // Each hospital reads its own response, submitted once; A's other response was not submitted by the clash.
    for (const who of ["a", "b"] as const) {
      const read = (await send(physician(who), "GET", `/api/survey/responses/${shared}`)).json();
      expect([read.caseId, read.status, read.version]).toEqual([cases[who], "submitted", 1]);
      const history = (await send(physician(who), "GET", `/api/survey/responses/${shared}/history`)).json();
      expect(history.versions).toHaveLength(1);
    }
    const other = (await send(physician("a"), "GET", `/api/survey/responses/${responses.a.other}`)).json();
    expect(other.status).toBe("draft");
    const versions = await ctx.db
      .select({ organisationId: surveyResponseVersions.organisationId })
      .from(surveyResponseVersions)
      .where(eq(surveyResponseVersions.submissionId, submissionId));
    expect(versions.map((v) => v.organisationId).sort()).toEqual([of.a.id, of.b.id].sort());
  });

  it("survey corrections: one submission id, two hospitals", async () => {
    const of = { a: await makeHospital(ctx.app, ctx.db), b: await makeHospital(ctx.app, ctx.db) };
    const physician = (who: "a" | "b") => of[who].cookies.physician!;
    const shared = randomUUID();
    const responses = { a: { first: shared, other: randomUUID() }, b: { other: shared } };
    const contents = new Map<string, object>();
    const submitted = async (who: "a" | "b", responseId: string) => {
      const caseId = await orderedCaseIn(ctx.app, of[who]);
      const opened = await send(physician(who), "POST", `/api/survey/cases/${caseId}/response`, {
        id: responseId,
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const response = withAnswers(opened.json().response, CLINICAL);
      await send(physician(who), "PUT", `/api/survey/responses/${responseId}/draft`, { response });
      const submit = await send(physician(who), "POST", `/api/survey/responses/${responseId}/submit`, {
        submissionId: randomUUID(),
      });
      expect(submit.statusCode, submit.body).toBe(201);
      contents.set(`${who} ${responseId}`, response);
    };
    await submitted("a", responses.a.first);
    await submitted("b", responses.b.other);
    await submitted("a", responses.a.other);

    await oneIdTwoOrganisations((who, id, content) => {
      const responseId = who === "a" ? responses.a[content] : responses.b.other;
      return send(physician(who), "POST", `/api/survey/responses/${responseId}/corrections`, {
        submissionId: id,
        response: contents.get(`${who} ${responseId}`),
        reason: "記入漏れの訂正",
      });
    });

    // Each hospital's shared response is corrected once (version 2); A's other response was left as submitted.
    for (const who of ["a", "b"] as const) {
      const read = (await send(physician(who), "GET", `/api/survey/responses/${shared}`)).json();
      expect([read.status, read.version]).toEqual(["submitted", 2]);
    }
    const other = (await send(physician("a"), "GET", `/api/survey/responses/${responses.a.other}`)).json();
    expect(other.version).toBe(1);
  });

  it("follow-up reports: one id, two facilities", async () => {
    const facilities = {
      a: await reportingFacility(ctx.db, { residents: 12, ill: 6, onsetDay: "2026-12-01" }),
      b: await reportingFacility(ctx.db, { residents: 12, ill: 6, onsetDay: "2026-12-01" }),
    };
    const of = { a: await cookiesOf(ctx.app, facilities.a), b: await cookiesOf(ctx.app, facilities.b) };
    const director = (who: "a" | "b") => of[who].staff.director!;
    // Both facilities' first reports share an id too.
    const firstId = randomUUID();
    for (const who of ["a", "b"] as const) {
      const made = await send(director(who), "POST", "/api/reports", {
        id: firstId,
        group: "GI",
        criterion: "B",
      });
      expect(made.statusCode, made.body).toBe(201);
      const submitted = await send(director(who), "POST", `/api/reports/${firstId}/submit`, { version: 1 });
      expect(submitted.statusCode, submitted.body).toBe(200);
    }

    const followUpId = await oneIdTwoOrganisations((who, id, content) =>
      send(director(who), "POST", `/api/reports/${firstId}/follow-ups`, {
        id,
        kind: content === "first" ? "follow_up" : "final",
      }),
    );

    const kinds = { a: "follow_up", b: "final" } as const;
    for (const who of ["a", "b"] as const) {
      const read = await send(director(who), "GET", `/api/reports/${followUpId}`);
      expect(read.statusCode).toBe(200);
      expect([read.json().report.facilityId, read.json().report.kind]).toEqual([
        facilities[who].facility.id,
        kinds[who],
      ]);
      const first = (await send(director(who), "GET", `/api/reports/${firstId}`)).json().report;
      expect(first.followUps.map((f: { id: string; kind: string }) => [f.id, f.kind])).toEqual([
        [followUpId, kinds[who]],
      ]);
      // A draft is the facility's alone; once sent, each health centre reads its own facility's.
      expect((await send(of[who].hc, "GET", `/api/reports/${followUpId}`)).statusCode).toBe(404);
    }
    for (const who of ["a", "b"] as const) {
      const sent = await send(director(who), "POST", `/api/reports/${followUpId}/submit`, { version: 1 });
      expect(sent.statusCode, sent.body).toBe(200);
    }
    for (const who of ["a", "b"] as const) {
      const read = await send(of[who].hc, "GET", `/api/reports/${followUpId}`);
      expect(read.statusCode).toBe(200);
      expect([read.json().report.facilityId, read.json().report.kind]).toEqual([
        facilities[who].facility.id,
        kinds[who],
      ]);
    }
  });

  it("paper forms settled: one response id and one submission id, two secretariats", async () => {
    const of = {
      a: await secretariatClerks(ctx.app, ctx.db),
      b: await secretariatClerks(ctx.app, ctx.db),
    };
    const prefecture = { a: "東京都", b: "大阪府" } as const;
    /** A form keyed twice alike (no differences to settle), under `id` in the secretariat. */
    const keyed = async (who: "a" | "b", id: string) => {
      const [clerk1, clerk2] = of[who].clerks;
      const made = await send(clerk1, "POST", "/api/survey/paper", {
        id,
        label: `封筒 ${id.slice(0, 4)}`,
        prefecture: prefecture[who],
      });
      expect(made.statusCode, made.body).toBe(201);
      for (const [n, clerk] of [
        [1, clerk1],
        [2, clerk2],
      ] as const) {
        const entered = await send(clerk, "PUT", `/api/survey/paper/${id}/entries/${n}`, {
          response: paperEntry("yes"),
        });
        expect(entered.statusCode, entered.body).toBe(200);
      }
      return id;
    };
    /** Forms for one run: A's first and B's share a form id, A's other is another form. */
    const formsOfRun = async () => {
      const shared = randomUUID();
      return {
        a: { first: await keyed("a", shared), other: await keyed("a", randomUUID()) },
        b: { other: await keyed("b", shared) },
      };
    };
    const form = (
      forms: Awaited<ReturnType<typeof formsOfRun>>,
      who: "a" | "b",
      content: "first" | "other",
    ) => (who === "a" ? forms.a[content] : forms.b.other);
    const resolve = (who: "a" | "b", formId: string, ids: { submissionId: string; responseId: string }) =>
      send(of[who].clerks[0], "POST", `/api/survey/paper/${formId}/resolve`, { ...ids, choices: {} });

    /** One client id per form of a run, for the id that is not the shared one. */
    const ownIds = () => ({ a: { first: randomUUID(), other: randomUUID() }, b: { other: randomUUID() } });
    const own = (ids: ReturnType<typeof ownIds>, who: "a" | "b", content: "first" | "other") =>
      who === "a" ? ids.a[content] : ids.b.other;

    // The response id shared (each form with a submission id of its own).
    const byResponse = await formsOfRun();
    const submissionIds = ownIds();
    const responseId = await oneIdTwoOrganisations((who, id, content) =>
      resolve(who, form(byResponse, who, content), {
        submissionId: own(submissionIds, who, content),
        responseId: id,
      }),
    );

    const clash = await resolve("a", byResponse.a.other, {
      submissionId: own(submissionIds, "a", "other"),
      responseId,
    });
    expect(clash.json().error.fields).toEqual([expect.objectContaining({ path: "responseId" })]);

    // The submission id shared (each form with a response id of its own).
    const bySubmission = await formsOfRun();
    const responseIds = ownIds();
    const submissionId = await oneIdTwoOrganisations((who, id, content) =>
      resolve(who, form(bySubmission, who, content), {
        submissionId: id,
        responseId: own(responseIds, who, content),
      }),
    );

    // The shared form names, in each secretariat, its own response; A's other forms were left open by the 409s.
    for (const who of ["a", "b"] as const) {
      const settled = await send(of[who].clerks[0], "GET", `/api/survey/paper/${byResponse.b.other}`);
      expect(settled.json().responseId).toBe(responseId);
    }
    for (const forms of [byResponse, bySubmission]) {
      const open = await send(of.a.clerks[0], "GET", `/api/survey/paper/${forms.a.other}`);
      expect(open.json().responseId).toBeNull();
    }
    const rows = await ctx.db
      .select({ organisationId: surveyResponses.organisationId, prefecture: surveyResponses.prefecture })
      .from(surveyResponses)
      .where(eq(surveyResponses.id, responseId));
    expect(rows.map((r) => [r.organisationId, r.prefecture]).sort()).toEqual(
      [
        [of.a.id, prefecture.a],
        [of.b.id, prefecture.b],
      ].sort(),
    );
    const versions = await ctx.db
      .select({ organisationId: surveyResponseVersions.organisationId })
      .from(surveyResponseVersions)
      .where(eq(surveyResponseVersions.submissionId, submissionId));
    expect(versions.map((v) => v.organisationId).sort()).toEqual([of.a.id, of.b.id].sort());
  });
});

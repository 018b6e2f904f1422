import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createUser } from "../../accounts/create-user.ts";
import { auditLog, organisations, surveyResponses } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { signIn, TEST_PASSWORD } from "../../test/test-facility.ts";
import { makeHospital, newCaseBody, SEVERE_BLOODSTREAM } from "../cre/cre-test-support.ts";
import { answersByLinkId } from "./questionnaire-response.ts";

const now = new Date("2026-01-20T10:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

const inject = (method: "GET" | "POST" | "PUT", url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A hospital in 東京都 with a CRE case (IMP-producing K. pneumoniae from blood) on cefiderocol. */
async function orderedCase(options: { consult?: boolean } = {}) {
  const h = await makeHospital(ctx.app, ctx.db);
  await ctx.db.update(organisations).set({ prefecture: "東京都" }).where(eq(organisations.id, h.id));
  const body = newCaseBody();
  await inject("POST", "/api/cre/cases", h.cookies.lab_technologist!, body);
  const ordered = await inject("PATCH" as "PUT", `/api/cre/cases/${body.id}`, h.cookies.physician!, {
    version: 1,
    ...SEVERE_BLOODSTREAM,
    cefiderocolOrdered: true,
  });
  expect(ordered.statusCode).toBe(200);
  if (options.consult) {
    await inject("POST", `/api/cre/cases/${body.id}/consultation`, h.cookies.physician!, {
      id: randomUUID(),
      note: "感染症内科と相談",
    });
  }
  return { h, caseId: body.id };
}

async function secretariatCookie() {
  const [org] = await ctx.db
    .insert(organisations)
    .values({ kind: "secretariat", name: "事務局" })
    .returning();
  const usernames: string[] = [];
  for (const n of [1, 2]) {
    const username = `sec-${n}-${randomUUID().slice(0, 8)}`;
    await createUser(ctx.db, {
      organisationId: org!.id,
      username,
      displayName: `事務局員${n}`,
      role: "secretariat",
      password: TEST_PASSWORD,
    });
    usernames.push(username);
  }
  return Promise.all(usernames.map((u) => signIn(ctx.app, u)));
}

const answer = (linkId: string, value: object) => ({ linkId, answer: [value] });

describe("answering the cefiderocol survey (記3, 参考2)", () => {
  it("gives the physician a task with Mamori's answers pre-filled and marked, saves drafts, and submits once", async () => {
    const { h, caseId } = await orderedCase({ consult: true });
    const tasks = (await inject("GET", "/api/survey/tasks", h.cookies.physician!)).json().tasks;
    expect(tasks).toEqual([
      expect.objectContaining({ caseId, status: "not_started", patientLabel: "P-0001" }),
    ]);

    const id = randomUUID();
    const opened = await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id });
    expect(opened.statusCode).toBe(201);
    const draft = opened.json();
    const answers = answersByLinkId(draft.response);
    // 設問1 from the CRE criteria (MEPM 4 mg/L ≥ 2: 「メロペネムのMIC値が2μg/mL以上」), the 別添 lab flags from the isolate.
    expect(answers.get("q1")).toEqual([{ valueBoolean: true }]);
    expect(answers.get("q18.1")).toEqual([{ valueBoolean: true }]);
    expect(answers.get("q20")?.[0]?.valueCoding?.code).toBe("yes");
    expect(answers.get("q6")?.[0]?.valueCoding?.code).toBe("MBL");
    expect(answers.get("q8")).toEqual([{ valueBoolean: true }]);
    expect(draft.prefilled).toEqual(expect.arrayContaining(["q1", "q2", "q18.1", "q20", "q6", "q8"]));
    expect(draft.launchContext).toMatchObject({
      organism: expect.any(String),
      isCre: true,
      mechanism: "MBL",
    });

    // A resend of the open is the same draft.
    const again = await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);

    // The physician changes the site answer: it is no longer marked as pre-filled; the rest still are.
    const changed = {
      ...draft.response,
      item: [
        ...draft.response.item.filter((i: { linkId: string }) => i.linkId !== "q4"),
        answer("q4", { valueCoding: { code: "lung" } }),
      ],
    };
    const saved = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: changed,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().prefilled).not.toContain("q4");
    expect(answersByLinkId(saved.json().response).get("q4")?.[0]?.valueCoding?.code).toBe("lung");

    // Submitted twice with the same client id: one version.
    const submissionId = randomUUID();
    const first = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId,
    });
    expect(first.statusCode).toBe(201);
    const second = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: "submitted", version: 1 });
    const history = (await inject("GET", `/api/survey/responses/${id}/history`, h.cookies.physician!)).json();
    expect(history.versions).toHaveLength(1);
    const [stored] = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(stored).toMatchObject({
      isCre: true,
      mechanism: "MBL",
      infectionSite: "lung",
      carbapenemaseTested: "yes",
      consulted: true,
      prefecture: "東京都",
      verdict: "appropriate",
    });
    // A second, different submission of a submitted response is refused: corrections go through their own route.
    const other = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(other.statusCode).toBe(409);
  });

  it("keeps the draft when a required answer is missing and names the linkId", async () => {
    const { h, caseId } = await orderedCase();
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    // The lab has not said whether a carbapenemase confirmation test was possible (q20 is prefilled "yes" here), so
    // drop q21 and q19.1 as a physician would by clearing them.
    const cleared = {
      ...draft.response,
      item: draft.response.item.filter((i: { linkId: string }) => i.linkId !== "q21" && i.linkId !== "q19"),
    };
    const saved = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: cleared,
    });
    expect(saved.statusCode).toBe(200);
    const refused = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "response.q19.1",
      "response.q19.2",
      "response.q19.3",
      "response.q21",
    ]);
    const kept = (await inject("GET", `/api/survey/responses/${id}`, h.cookies.physician!)).json();
    expect(kept.status).toBe("draft");
    expect(answersByLinkId(kept.response).get("q1")).toEqual([{ valueBoolean: true }]);
  });

  it("ends after 設問1 when the organism is not CRE (参考2 ②: 「いいえ」と答えた場合 … CREのみの回答)", async () => {
    const { h, caseId } = await orderedCase();
    const id = randomUUID();
    await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id });
    const onlyQ1 = { resourceType: "QuestionnaireResponse", item: [answer("q1", { valueBoolean: false })] };
    // Only the clinical section is the physician's to clear while the lab part is not handed over: q18–21 stay.
    await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, { response: onlyQ1 });
    const submitted = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(submitted.statusCode).toBe(201);
    const [stored] = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(stored).toMatchObject({ isCre: false, mechanism: null, infectionSite: null });
  });

  it("hands the laboratory part to the technologist's queue and back; the lab cannot touch clinical answers", async () => {
    const { h, caseId } = await orderedCase();
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    // Before the hand-over the lab may not write.
    const early = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.lab_technologist!, {
      response: draft.response,
    });
    expect(early.statusCode).toBe(403);
    expect(
      (await inject("POST", `/api/survey/responses/${id}/lab`, h.cookies.physician!, { to: "lab" }))
        .statusCode,
    ).toBe(200);
    const queue = (await inject("GET", "/api/survey/lab-queue", h.cookies.lab_technologist!)).json();
    expect(queue.responses.map((r: { responseId: string }) => r.responseId)).toEqual([id]);
    // Submitting while the lab holds its part is refused.
    const blocked = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(blocked.statusCode).toBe(409);

    const labAnswers = {
      resourceType: "QuestionnaireResponse",
      item: [
        answer("q1", { valueBoolean: false }), // not the lab's: ignored
        answer("q21", { valueCoding: { code: "no_capacity", display: "検査体制がない" } }),
      ],
    };
    const labSaved = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.lab_technologist!, {
      response: labAnswers,
    });
    expect(labSaved.statusCode).toBe(200);
    const after = answersByLinkId(labSaved.json().response);
    expect(after.get("q1")).toEqual([{ valueBoolean: true }]);
    expect(after.get("q21")?.[0]?.valueCoding?.code).toBe("no_capacity");
    // The lab cleared q18.*: its section is what it sent.
    expect(after.has("q18.1")).toBe(false);
    // The physician's own save meanwhile keeps the lab's answers.
    await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: draft.response,
    });
    expect(
      answersByLinkId(
        (await inject("GET", `/api/survey/responses/${id}`, h.cookies.physician!)).json().response,
      ).get("q21")?.[0]?.valueCoding?.code,
    ).toBe("no_capacity");

    expect(
      (
        await inject("POST", `/api/survey/responses/${id}/lab`, h.cookies.lab_technologist!, {
          to: "physician",
        })
      ).json().labStatus,
    ).toBe("returned");
    expect(
      (await inject("GET", "/api/survey/lab-queue", h.cookies.lab_technologist!)).json().responses,
    ).toEqual([]);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "survey_response"), eq(auditLog.entityId, id)));
    expect(audits.length).toBeGreaterThanOrEqual(5);
  });

  it("corrects a submitted response as a new version and keeps the history", async () => {
    const { h, caseId } = await orderedCase();
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    const noReason = await inject("POST", `/api/survey/responses/${id}/corrections`, h.cookies.physician!, {
      submissionId: randomUUID(),
      response: draft.response,
      reason: " ",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe("reason");
    const corrected = {
      ...draft.response,
      item: [
        ...draft.response.item.filter((i: { linkId: string }) => i.linkId !== "q4"),
        answer("q4", { valueCoding: { code: "urinary" } }),
      ],
    };
    const submissionId = randomUUID();
    const res = await inject("POST", `/api/survey/responses/${id}/corrections`, h.cookies.physician!, {
      submissionId,
      response: corrected,
      reason: "感染部位の誤り",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toBe(2);
    const resend = await inject("POST", `/api/survey/responses/${id}/corrections`, h.cookies.physician!, {
      submissionId,
      response: corrected,
      reason: "感染部位の誤り",
    });
    expect(resend.json().version).toBe(2);
    const history = (await inject("GET", `/api/survey/responses/${id}/history`, h.cookies.physician!)).json()
      .versions;
    expect(history.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, "感染部位の誤り"],
    ]);
    expect(answersByLinkId(history[0].response).get("q4")?.[0]?.valueCoding?.code).toBe("bloodstream");
  });

  it("shows a hospital only its own responses, and refuses bad input naming the field", async () => {
    const a = await orderedCase();
    const b = await makeHospital(ctx.app, ctx.db);
    const id = randomUUID();
    await inject("POST", `/api/survey/cases/${a.caseId}/response`, a.h.cookies.physician!, { id });
    expect((await inject("GET", `/api/survey/responses/${id}`, b.cookies.physician!)).statusCode).toBe(404);
    expect(
      (
        await inject("POST", `/api/survey/cases/${a.caseId}/response`, b.cookies.physician!, {
          id: randomUUID(),
        })
      ).statusCode,
    ).toBe(404);
    expect((await inject("GET", "/api/survey/tasks", b.cookies.physician!)).json().tasks).toEqual([]);
    const bad = await inject("PUT", `/api/survey/responses/${id}/draft`, a.h.cookies.physician!, {
      response: {
        resourceType: "QuestionnaireResponse",
        item: [{ linkId: "q1", answer: [{ valueBoolean: true, valueString: "x" }] }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("response.item[0].answer[0]");
    const notQr = await inject("PUT", `/api/survey/responses/${id}/draft`, a.h.cookies.physician!, {
      response: { resourceType: "Patient" },
    });
    expect(notQr.json().error.fields[0].path).toBe("response.resourceType");
    // The secretariat has no way into a hospital's responses.
    const [sec] = await secretariatCookie();
    expect((await inject("GET", `/api/survey/responses/${id}`, sec!)).statusCode).toBe(403);
  });
});

describe("the secretariat", () => {
  it("exports without the hospital, the patient or free text, with dates shifted", async () => {
    const { h, caseId } = await orderedCase();
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    const withDate = {
      ...draft.response,
      item: [
        ...draft.response.item,
        answer("q10", { valueDate: "2026-01-16" }),
        answer("q17", { valueString: "山田太郎 さん" }),
      ],
    };
    await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, { response: withDate });
    await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    const [sec] = await secretariatCookie();
    expect((await inject("GET", "/api/survey/secretariat/overview", h.cookies.physician!)).statusCode).toBe(
      403,
    );

    const bundle = (await inject("GET", "/api/survey/secretariat/export?format=fhir", sec!)).json();
    const entry = bundle.entry.find((e: { resource: { id: string } }) => e.resource.id === id);
    const text = JSON.stringify(bundle);
    const [hospital] = await ctx.db.select().from(organisations).where(eq(organisations.id, h.id));
    expect(text).not.toContain(hospital!.name);
    expect(text).not.toContain("P-0001");
    expect(text).not.toContain("山田太郎");
    const date = answersByLinkId(entry.resource).get("q10")?.[0]?.valueDate;
    const [row] = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    const shifted = new Date(Date.UTC(2026, 0, 16 + row!.dateShiftDays)).toISOString().slice(0, 10);
    expect(row!.dateShiftDays).not.toBe(0);
    expect(date).toBe(shifted);

    const csv = await inject("GET", "/api/survey/secretariat/export?format=csv", sec!);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).not.toContain(hospital!.name);
    expect(csv.body).toContain(shifted);
    expect(csv.body.split("\r\n")[0]).toMatch(
      /^\uFEFFexport_id,questionnaire,version,source,prefecture,submitted_on,verdict,q1,q2,/,
    );

    const xlsx = await inject("GET", "/api/survey/secretariat/export?format=xlsx", sec!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("回答")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("export_id");
    expect(sheet.rowCount).toBeGreaterThanOrEqual(2);

    expect(
      (await inject("GET", "/api/survey/secretariat/export?format=pdf", sec!)).json().error.fields[0].path,
    ).toBe("query.format");
  });
});

describe("paper double entry", () => {
  it("two clerks key the same form; the difference is shown, resolved and submitted", async () => {
    const [clerk1, clerk2] = await secretariatCookie();
    const formId = randomUUID();
    expect(
      (
        await inject("POST", "/api/survey/paper", clerk1!, {
          id: formId,
          label: "封筒 12",
          prefecture: "大阪府",
        })
      ).statusCode,
    ).toBe(201);
    const lab = (q20: string) => [
      { linkId: "q18", item: ["q18.1", "q18.2", "q18.3"].map((l) => answer(l, { valueBoolean: true })) },
      { linkId: "q19", item: ["q19.1", "q19.2", "q19.3"].map((l) => answer(l, { valueBoolean: true })) },
      answer("q20", { valueCoding: { code: q20 } }),
      answer("q21", { valueCoding: { code: "no" } }),
    ];
    const entry = (q20: string) => ({
      resourceType: "QuestionnaireResponse",
      item: [
        answer("q1", { valueBoolean: true }),
        answer("q4", { valueCoding: { code: "urinary" } }),
        ...lab(q20),
      ],
    });
    await inject("PUT", `/api/survey/paper/${formId}/entries/1`, clerk1!, { response: entry("yes") });
    // The same clerk cannot make the second entry.
    const same = await inject("PUT", `/api/survey/paper/${formId}/entries/2`, clerk1!, {
      response: entry("yes"),
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.fields[0].code).toBe("same_person");
    const both = (
      await inject("PUT", `/api/survey/paper/${formId}/entries/2`, clerk2!, {
        response: entry("no_capacity"),
      })
    ).json();
    expect(both.differences).toEqual([{ linkId: "q20", first: "yes", second: "no_capacity" }]);

    const missing = await inject("POST", `/api/survey/paper/${formId}/resolve`, clerk2!, {
      submissionId: randomUUID(),
      responseId: randomUUID(),
      choices: {},
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe("choices.q20");
    const body = { submissionId: randomUUID(), responseId: randomUUID(), choices: { q20: 2 } };
    const resolved = await inject("POST", `/api/survey/paper/${formId}/resolve`, clerk2!, body);
    expect(resolved.statusCode).toBe(201);
    expect((await inject("POST", `/api/survey/paper/${formId}/resolve`, clerk2!, body)).statusCode).toBe(200);
    const [stored] = await ctx.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.id, body.responseId));
    expect(stored).toMatchObject({
      source: "paper",
      status: "submitted",
      hospitalId: null,
      prefecture: "大阪府",
      carbapenemaseTested: "no_capacity",
      infectionSite: "urinary",
    });
  });
});

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditLog, organisations, surveyResponses } from "../../db/schema/index.ts";
import { useTestApp } from "../../test/test-app.ts";
import { makeHospital } from "../cre/cre-test-support.ts";
import { answersByLinkId } from "./questionnaire-response.ts";
import {
  CLINICAL,
  code,
  orderedCase,
  paperEntry,
  secretariatClerks,
  withAnswers,
} from "./survey-test-support.ts";

const now = new Date("2026-01-20T10:00:00+09:00");
const ctx = useTestApp({ clock: () => now });

const inject = (method: "GET" | "POST" | "PUT", url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const answer = (linkId: string, value: object) => ({ linkId, answer: [value] });

describe("answering the cefiderocol survey (記3, 参考2)", () => {
  it("gives the physician a task with Mamori's answers pre-filled and marked, saves drafts, and submits once", async () => {
    const { h, caseId } = await orderedCase(ctx.app, ctx.db, { consult: true });
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
    expect(answers.get("q2")?.[0]?.valueCoding?.code).toBe("bloodstream");
    expect(answers.get("q4")?.[0]?.valueCoding?.code).toBe("klebsiella_pneumoniae");
    expect(answers.get("q6")?.[0]?.valueCoding?.code).toBe("producer");
    expect(answers.get("q7")?.map((a) => a.valueCoding?.code)).toEqual(["IMP"]);
    expect(answers.get("q10")).toEqual([{ valueBoolean: true }]);
    expect(answers.get("q11")).toEqual([{ valueDate: "2026-01-20" }]);
    expect(answers.get("q18.1")?.[0]?.valueCoding?.code).toBe("yes");
    // No MIC for cefmetazole? The contract isolate has one (>32): reported.
    expect(answers.get("q18.3")?.[0]?.valueCoding?.code).toBe("yes");
    expect(answers.get("q20")?.[0]?.valueCoding?.code).toBe("yes");
    expect(draft.prefilled).toEqual(
      expect.arrayContaining(["q1", "q2", "q4", "q6", "q10", "q18.1", "q20", "q21"]),
    );
    expect(draft.prefilled).not.toContain("q12");
    // 設問8 (本剤以外に、感受性があり感染部位・重症度に適した抗菌薬があった) from the case's treatment options, which hold only
    // drugs the isolate is susceptible to for the recorded site and severity (guide ※1, 表6).
    const detail = (await inject("GET", `/api/cre/cases/${caseId}`, h.cookies.physician!)).json();
    const others = detail.evaluation.clinical.options.filter(
      (o: { drugs: { key: string }[] }) => !o.drugs.some((d) => d.key === "cefiderocol"),
    );
    // An IMP producer in severe bloodstream infection: the other regimen of guide ② (seed 000, line 76: 「IMP 型を含む
    // MBL 産生 CPE 感染症では、Ceftazidime-Avibactam とアズトレオナムの併用療法、あるいは Cefiderocol 単剤治療」), so 「あった」.
    expect(others.map((o: { drugs: { key: string }[] }) => o.drugs.map((d) => d.key))).toEqual([
      ["ceftazidime_avibactam", "aztreonam"],
    ]);
    expect(answers.get("q8")?.[0]?.valueCoding?.code).toBe("yes");
    expect(draft.prefilled).toContain("q8");
    expect(draft.launchContext).toMatchObject({ cre: true, mechanism: "MBL", verdict: "appropriate" });

    // A resend of the open is the same draft.
    const again = await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);

    // The physician changes the site and completes the rest: the site is no longer marked as pre-filled.
    const changed = withAnswers(draft.response, { ...CLINICAL, q2: code("pneumonia") });
    const saved = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: changed,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().prefilled).not.toContain("q2");
    expect(saved.json().prefilled).toContain("q1");

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
      mechanism: "IMP",
      infectionSite: "pneumonia",
      carbapenemaseTested: "yes",
      consulted: true,
      prefecture: "東京都",
      verdict: "appropriate",
    });
    expect(stored!.response.status).toBe("completed");
    // A second, different submission of a submitted response is refused: corrections go through their own route.
    const other = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(other.statusCode).toBe(409);
  });

  it("keeps the draft when an answer breaks a rule or a required one is missing, and names the linkId", async () => {
    const { h, caseId } = await orderedCase(ctx.app, ctx.db);
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    // 1回投与量 2.5 g breaks the definition's constraint (「0 g より多く 2 g 以下」); q17 (転帰) left open.
    const { q17: _open, ...rest } = CLINICAL;
    const tooMuch = withAnswers(draft.response, { ...rest, q12: [{ valueDecimal: 2.5 }] });
    const saved = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: tooMuch,
    });
    expect(saved.statusCode).toBe(200);
    const refused = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "response.q17", code: "required" }),
        expect.objectContaining({
          path: "response.q12",
          code: "constraint",
          message: expect.stringContaining("2 g 以下"),
        }),
      ]),
    );
    const kept = (await inject("GET", `/api/survey/responses/${id}`, h.cookies.physician!)).json();
    expect(kept.status).toBe("draft");
    expect(answersByLinkId(kept.response).get("q12")).toEqual([{ valueDecimal: 2.5 }]);
    // An item the questionnaire does not have is refused by name.
    const stray = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: { resourceType: "QuestionnaireResponse", item: [answer("q99", { valueBoolean: true })] },
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.fields[0].path).toBe("response.q99");
  });

  it("ends after 設問1 when the organism is not CRE (参考2 ②: 「いいえ」と答えた場合 … CREのみの回答)", async () => {
    const { h, caseId } = await orderedCase(ctx.app, ctx.db);
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: withAnswers(draft.response, { q1: [{ valueBoolean: false }] }),
    });
    const submitted = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(submitted.statusCode).toBe(201);
    const [stored] = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(stored).toMatchObject({ isCre: false, mechanism: null, infectionSite: null });
    // The answers of the disabled items are not kept (FHIR R4: answers to disabled items SHALL NOT be retained).
    expect([...answersByLinkId(stored!.response).keys()]).toEqual(["q1"]);
  });

  it("hands the laboratory part to the technologist's queue and back; the lab cannot touch clinical answers", async () => {
    const { h, caseId } = await orderedCase(ctx.app, ctx.db);
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    // Before the hand-over the lab may not write.
    const early = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.lab_technologist!, {
      response: draft.response,
    });
    expect(early.statusCode).toBe(403);
    const handed = await inject("POST", `/api/survey/responses/${id}/lab`, h.cookies.physician!, {
      to: "lab",
    });
    expect(handed.json().labStatus).toBe("with_lab");
    const queue = (await inject("GET", "/api/survey/lab-queue", h.cookies.lab_technologist!)).json();
    expect(queue.responses.map((r: { responseId: string }) => r.responseId)).toEqual([id]);
    // Submitting while the lab holds its part is refused.
    const blocked = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(blocked.statusCode).toBe(409);

    const labAnswers = withAnswers(draft.response, {
      q1: [{ valueBoolean: false }],
      q21: code("no-capacity"),
    });
    const labSaved = await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.lab_technologist!, {
      response: labAnswers,
    });
    expect(labSaved.statusCode).toBe(200);
    const after = answersByLinkId(labSaved.json().response);
    expect(after.get("q1")).toEqual([{ valueBoolean: true }]); // not the lab's: kept as the physician left it
    expect(after.get("q21")?.[0]?.valueCoding?.code).toBe("no-capacity");
    // The physician's own save meanwhile keeps the lab's answers.
    await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, {
      response: withAnswers(draft.response, CLINICAL),
    });
    const read = (await inject("GET", `/api/survey/responses/${id}`, h.cookies.physician!)).json();
    expect(answersByLinkId(read.response).get("q21")?.[0]?.valueCoding?.code).toBe("no-capacity");
    expect(answersByLinkId(read.response).get("q17")?.[0]?.valueCoding?.code).toBe("improved");

    const back = await inject("POST", `/api/survey/responses/${id}/lab`, h.cookies.lab_technologist!, {
      to: "physician",
    });
    expect(back.json().labStatus).toBe("returned");
    expect(
      (await inject("GET", "/api/survey/lab-queue", h.cookies.lab_technologist!)).json().responses,
    ).toEqual([]);
    const submitted = await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
      submissionId: randomUUID(),
    });
    expect(submitted.statusCode).toBe(201);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "survey_response"), eq(auditLog.entityId, id)));
    // Opened, handed over, saved by the lab, saved by the physician, returned: five writes, five entries.
    expect(audits.length).toBe(5);
    const versionAudit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "survey_response_version"), eq(auditLog.entityId, `${id}#1`)));
    expect(versionAudit).toHaveLength(1);
  });

  it("corrects a submitted response as a new version and keeps the history", async () => {
    const { h, caseId } = await orderedCase(ctx.app, ctx.db);
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    const complete = withAnswers(draft.response, CLINICAL);
    await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, { response: complete });
    expect(
      (
        await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
          submissionId: randomUUID(),
        })
      ).statusCode,
    ).toBe(201);
    const noReason = await inject("POST", `/api/survey/responses/${id}/corrections`, h.cookies.physician!, {
      submissionId: randomUUID(),
      response: complete,
      reason: " ",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe("reason");
    const corrected = withAnswers(complete, { q2: code("urinary") });
    const submissionId = randomUUID();
    const body = { submissionId, response: corrected, reason: "感染部位の誤り" };
    const res = await inject("POST", `/api/survey/responses/${id}/corrections`, h.cookies.physician!, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toBe(2);
    const resend = await inject(
      "POST",
      `/api/survey/responses/${id}/corrections`,
      h.cookies.physician!,
      body,
    );
    expect(resend.json().version).toBe(2);
    const history = (await inject("GET", `/api/survey/responses/${id}/history`, h.cookies.physician!)).json()
      .versions;
    expect(history.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, "感染部位の誤り"],
    ]);
    expect(answersByLinkId(history[0].response).get("q2")?.[0]?.valueCoding?.code).toBe("bloodstream");
    expect(answersByLinkId(history[1].response).get("q2")?.[0]?.valueCoding?.code).toBe("urinary");
    expect(history[1].response.status).toBe("amended");
    // The secretariat counts the newest version: the stored figures follow the correction, and it is audited.
    const [row] = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(row).toMatchObject({ version: 2, infectionSite: "urinary", prefecture: "東京都" });
    // The hospital moves its prefecture in the settings: the next version is counted there.
    await ctx.db.update(organisations).set({ prefecture: "神奈川県" }).where(eq(organisations.id, h.id));
    const third = await inject("POST", `/api/survey/responses/${id}/corrections`, h.cookies.physician!, {
      submissionId: randomUUID(),
      response: corrected,
      reason: "所在地の訂正",
    });
    expect(third.statusCode).toBe(201);
    const [moved] = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(moved).toMatchObject({ version: 3, prefecture: "神奈川県" });
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "survey_response_version"), eq(auditLog.entityId, `${id}#2`)));
    expect(audits).toHaveLength(1);
  });

  it("shows a hospital only its own responses, and refuses bad input naming the field", async () => {
    const a = await orderedCase(ctx.app, ctx.db);
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
    expect(
      (await inject("PUT", `/api/survey/responses/not-a-uuid/draft`, a.h.cookies.physician!, {})).json().error
        .fields[0].path,
    ).toBe("params.id");
    // The secretariat has no way into a hospital's responses.
    const [sec] = (await secretariatClerks(ctx.app, ctx.db)).clerks;
    expect((await inject("GET", `/api/survey/responses/${id}`, sec!)).statusCode).toBe(403);
  });
});

describe("the secretariat", () => {
  it("exports without the hospital, the patient or free text, with dates shifted", async () => {
    const { h, caseId } = await orderedCase(ctx.app, ctx.db);
    const id = randomUUID();
    const draft = (
      await inject("POST", `/api/survey/cases/${caseId}/response`, h.cookies.physician!, { id })
    ).json();
    const withText = withAnswers(draft.response, {
      ...CLINICAL,
      q16: [{ valueString: "山田太郎 さんに ST合剤" }],
    });
    await inject("PUT", `/api/survey/responses/${id}/draft`, h.cookies.physician!, { response: withText });
    expect(
      (
        await inject("POST", `/api/survey/responses/${id}/submit`, h.cookies.physician!, {
          submissionId: randomUUID(),
        })
      ).statusCode,
    ).toBe(201);
    const [sec] = (await secretariatClerks(ctx.app, ctx.db)).clerks;
    expect((await inject("GET", "/api/survey/secretariat/overview", h.cookies.physician!)).statusCode).toBe(
      403,
    );

    const bundle = (await inject("GET", "/api/survey/secretariat/export?format=fhir", sec!)).json();
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const entry = bundle.entry.find((e: { resource: { id: string } }) => e.resource.id === id);
    const text = JSON.stringify(bundle);
    const [hospital] = await ctx.db.select().from(organisations).where(eq(organisations.id, h.id));
    expect(text).not.toContain(hospital!.name);
    expect(text).not.toContain("P-0001");
    expect(text).not.toContain("山田太郎");
    expect(text).not.toContain(caseId);
    // 投与開始日 2026-01-20 moved by this response's own shift, never by 0.
    const [row] = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(row!.dateShiftDays).not.toBe(0);
    const shifted = new Date(Date.UTC(2026, 0, 20 + row!.dateShiftDays)).toISOString().slice(0, 10);
    expect(answersByLinkId(entry.resource).get("q11")?.[0]?.valueDate).toBe(shifted);
    expect(JSON.stringify(entry)).not.toContain("2026-01-20");

    const csv = await inject("GET", "/api/survey/secretariat/export?format=csv", sec!);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).not.toContain(hospital!.name);
    expect(csv.body).toContain(shifted);
    expect(csv.body.split("\r\n")[0]).toMatch(
      /^\uFEFFexport_id,questionnaire,version,source,prefecture,submitted_on,verdict,q1,q2,q3,/,
    );

    const xlsx = await inject("GET", "/api/survey/secretariat/export?format=xlsx", sec!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("回答")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("export_id");
    expect(sheet.rowCount).toBeGreaterThanOrEqual(2);

    const badFormat = await inject("GET", "/api/survey/secretariat/export?format=pdf", sec!);
    expect(badFormat.json().error.fields[0].path).toBe("query.format");
  });
});

describe("paper double entry", () => {
  it("two clerks key the same form; the difference is shown, resolved and submitted", async () => {
    const [clerk1, clerk2] = (await secretariatClerks(ctx.app, ctx.db)).clerks;
    const formId = randomUUID();
    const created = await inject("POST", "/api/survey/paper", clerk1!, {
      id: formId,
      label: "封筒 12",
      prefecture: "大阪府",
    });
    expect(created.statusCode).toBe(201);
    await inject("PUT", `/api/survey/paper/${formId}/entries/1`, clerk1!, { response: paperEntry("yes") });
    // The same clerk cannot make the second entry.
    const same = await inject("PUT", `/api/survey/paper/${formId}/entries/2`, clerk1!, {
      response: paperEntry("yes"),
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.fields[0].code).toBe("same_person");
    const both = (
      await inject("PUT", `/api/survey/paper/${formId}/entries/2`, clerk2!, {
        response: paperEntry("no-capacity"),
      })
    ).json();
    expect(both.differences).toEqual([{ linkId: "q20", first: "yes", second: "no-capacity" }]);

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
    expect(resolved.json().responseId).toBe(body.responseId);
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
      carbapenemaseTested: "no-capacity",
      infectionSite: "urinary",
      mechanism: "non_producer",
      consulted: false,
      verdict: null,
    });
  });

  it("settles an item both clerks misread with the value read again on the paper, checked like any answer", async () => {
    const [clerk1, clerk2] = (await secretariatClerks(ctx.app, ctx.db)).clerks;
    const formId = randomUUID();
    await inject("POST", "/api/survey/paper", clerk1!, { id: formId, label: "封筒 13", prefecture: null });
    await inject("PUT", `/api/survey/paper/${formId}/entries/1`, clerk1!, { response: paperEntry("yes") });
    await inject("PUT", `/api/survey/paper/${formId}/entries/2`, clerk2!, {
      response: paperEntry("no-capacity"),
    });
    // A value that is not among 設問20's options is refused naming the item; nothing is registered.
    const body = (answer: object[]) => ({
      submissionId: randomUUID(),
      responseId: randomUUID(),
      choices: { q20: { answer } },
    });
    const wrong = await inject("POST", `/api/survey/paper/${formId}/resolve`, clerk1!, body(code("maybe")));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toContain("response.q20");
    expect((await inject("GET", `/api/survey/paper/${formId}`, clerk1!)).json().responseId).toBeNull();
    const right = body(code("no"));
    const settled = await inject("POST", `/api/survey/paper/${formId}/resolve`, clerk1!, right);
    expect(settled.statusCode).toBe(201);
    const [stored] = await ctx.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.id, right.responseId));
    expect(stored).toMatchObject({ source: "paper", carbapenemaseTested: "no" });
  });
});

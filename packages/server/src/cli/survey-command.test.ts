import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { captureRun, inputFolder, runMamori } from "../test/run-cli.ts";
import { run } from "./survey-command.ts";

// The command contract: docs/contracts/survey.md — exit 0 with one JSON document; exit 2 with nothing on stdout and the
// reason on stderr naming the linkId (or JSON path) at fault.
const { file } = inputFolder("mamori-survey-");
const call = (args: string[]) => captureRun(run, args);
const sdc = (name: string): unknown =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../domain/src/questionnaire/fixtures/sdc/${name}`, import.meta.url)),
      "utf8",
    ),
  );
const q = (item: unknown[]) => ({
  resourceType: "Questionnaire",
  status: "active",
  url: "urn:t",
  version: "1",
  item,
});

async function refused(doc: unknown, fragment: RegExp) {
  const result = await call(["validate", await file(`q-${Math.random()}.json`, doc)]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(fragment);
}

describe("mamori survey validate", () => {
  it("prints ok, url, version and the count of items at every depth", async () => {
    const result = await call([
      "validate",
      await file("phq9.json", sdc("questionnaire-sdc-profile-example-PHQ9.json")),
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      url: "http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9",
      version: "0.0.1",
      items: 11,
    });
  });

  it("refuses, naming the linkId: not a Questionnaire, duplicates, unknown question, cycle, type mismatch, bad FHIRPath", async () => {
    await refused({ resourceType: "Patient" }, /resourceType/);
    await refused(
      q([
        { linkId: "a", type: "boolean" },
        { linkId: "a", type: "string" },
      ]),
      /mamori survey: a: linkId used/,
    );
    await refused(
      q([
        {
          linkId: "b",
          type: "string",
          enableWhen: [{ question: "zz", operator: "exists", answerBoolean: true }],
        },
      ]),
      /b: enableWhen names question "zz"/,
    );
    await refused(
      q([
        { linkId: "a", type: "boolean", enableWhen: [{ question: "b", operator: "=", answerBoolean: true }] },
        { linkId: "b", type: "boolean", enableWhen: [{ question: "a", operator: "=", answerBoolean: true }] },
      ]),
      /a: enabling conditions form a cycle/,
    );
    await refused(
      q([
        { linkId: "n", type: "integer" },
        {
          linkId: "x",
          type: "string",
          enableWhen: [{ question: "n", operator: "=", answerCoding: { code: "1" } }],
        },
      ]),
      /x: enableWhen compares question "n" \(type integer\) with answerCoding/,
    );
    await refused(
      q([
        {
          linkId: "e",
          type: "integer",
          extension: [
            {
              url: "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression",
              valueExpression: { language: "text/fhirpath", expression: "%case.(" },
            },
          ],
        },
      ]),
      /e: FHIRPath expression does not parse/,
    );
  });

  it("refuses the SDC enableWhen test form (coded questions compared with strings), naming its items", async () => {
    await refused(
      sdc("questionnaire-sdc-test-enablewhen.json"),
      /e5da17a7-7546-45c5-9bcd-d0b09a74ty76: enableWhen/,
    );
  });

  it("a file that is not JSON or cannot be read exits 2", async () => {
    expect((await call(["validate", "/nonexistent/q.json"])).code).toBe(2);
    const bad = await file("bad.json", "");
    expect((await call(["validate", bad])).code).toBe(2);
  });
});

describe("mamori survey evaluate", () => {
  it("prints the contract's five fields for the SDC PHQ-9 response", async () => {
    const result = await call([
      "evaluate",
      await file("phq9-q.json", sdc("questionnaire-sdc-profile-example-PHQ9.json")),
      await file("phq9-r.json", sdc("questionnaireresponse-sdc-profile-example-PHQ9.json")),
    ]);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(Object.keys(out)).toEqual(["enabled", "missingRequired", "invalid", "answersIgnored", "complete"]);
    expect(out).toMatchObject({ missingRequired: [], invalid: [], answersIgnored: [], complete: true });
  });

  it("the CRE survey: q1 「いいえ」 alone is complete; 「はい」 opens q2–q21; invalid names the linkId and message", async () => {
    const exported = await call(["export", "cre-cefiderocol"]);
    const qFile = await file("cre.json", JSON.parse(exported.stdout));
    const no = await call([
      "evaluate",
      qFile,
      await file("no.json", {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        item: [{ linkId: "q1", answer: [{ valueBoolean: false }] }],
      }),
    ]);
    expect(JSON.parse(no.stdout)).toEqual({
      enabled: ["q1"],
      missingRequired: [],
      invalid: [],
      answersIgnored: [],
      complete: true,
    });
    const yes = await call([
      "evaluate",
      qFile,
      await file("yes.json", {
        resourceType: "QuestionnaireResponse",
        status: "in-progress",
        item: [
          { linkId: "q1", answer: [{ valueBoolean: true }] },
          { linkId: "q15", answer: [{ valueInteger: 120 }] },
        ],
      }),
    ]);
    const out = JSON.parse(yes.stdout);
    expect(out.enabled).toEqual(expect.arrayContaining(["q2", "q18", "q18.1", "q21"]));
    expect(out.invalid).toEqual([
      { linkId: "q15", message: "投与日数は 1 日から 90 日の間で入力してください。" },
    ]);
    expect(out.complete).toBe(false);
  });

  it("pre-filled answers from --context are not needed to evaluate, but enableWhenExpression can read it", async () => {
    const qDoc = q([
      { linkId: "a", type: "boolean" },
      {
        linkId: "b",
        type: "string",
        extension: [
          {
            url: "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
            valueExpression: { language: "text/fhirpath", expression: "%case.cre = true" },
          },
        ],
      },
    ]);
    const qFile = await file("ctx-q.json", qDoc);
    const rFile = await file("ctx-r.json", { resourceType: "QuestionnaireResponse", status: "in-progress" });
    const without = JSON.parse((await call(["evaluate", qFile, rFile])).stdout);
    expect(without.enabled).toEqual(["a"]);
    const withCase = await call([
      "evaluate",
      qFile,
      rFile,
      "--context",
      await file("ctx.json", { case: { cre: true } }),
    ]);
    expect(JSON.parse(withCase.stdout).enabled).toEqual(["a", "b"]);
  });

  it("a response that is not a QuestionnaireResponse, or whose item lacks a linkId, exits 2 naming the path", async () => {
    const qFile = await file("shape-q.json", q([{ linkId: "a", type: "boolean" }]));
    const notResponse = await call(["evaluate", qFile, await file("p.json", { resourceType: "Patient" })]);
    expect(notResponse).toMatchObject({ code: 2, stdout: "" });
    expect(notResponse.stderr).toMatch(/resourceType/);
    const noLink = await call([
      "evaluate",
      qFile,
      await file("nolink.json", {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        item: [{ answer: [] }],
      }),
    ]);
    expect(noLink).toMatchObject({ code: 2, stdout: "" });
    expect(noLink.stderr).toMatch(/item\[0\]\.linkId/);
    const other = await call([
      "evaluate",
      qFile,
      await file("other.json", {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        questionnaire: "urn:other|1",
      }),
    ]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/urn:other/);
  });
});

describe("mamori survey export", () => {
  it("prints the built-in CRE questionnaire, which validates", async () => {
    const result = await call(["export", "cre-cefiderocol"]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({
      resourceType: "Questionnaire",
      url: "https://mamori.jp/fhir/Questionnaire/cre-cefiderocol",
    });
    const validated = await call(["validate", await file("exported.json", doc)]);
    expect(JSON.parse(validated.stdout)).toMatchObject({ ok: true, items: 28 }); // 21 questions, 6 lab sub-items, 1 note;
  });

  it("an unknown name exits 2", async () => {
    const result = await call(["export", "nope"]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/cre-cefiderocol/);
  });

  it("runs as the mamori executable", async () => {
    const result = await runMamori(["survey", "export", "cre-cefiderocol"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).item[0].linkId).toBe("q1");
  });
});

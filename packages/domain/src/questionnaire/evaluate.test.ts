import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enableWhenHolds, evaluateResponse } from "./evaluate.ts";
import { EXT } from "./extensions.ts";
import { calculate, setAnswers, withoutDisabledAnswers } from "./response.ts";
import { questionnaire, response, sdcFixture } from "./test-support.ts";
import type { EnableWhen, Questionnaire, QuestionnaireResponse } from "./types.ts";
import { validateQuestionnaire } from "./validate.ts";

const constraint = (key: string, expression: string, human: string, severity = "error") => ({
  url: EXT.constraint,
  extension: [
    { url: "key", valueId: key },
    { url: "severity", valueCode: severity },
    { url: "expression", valueString: expression },
    { url: "human", valueString: human },
  ],
});

describe("enableWhen operators on the first answer (FHIR R4)", () => {
  const int = (operator: EnableWhen["operator"], answerInteger: number): EnableWhen => ({
    question: "n",
    operator,
    answerInteger,
  });
  it.each([
    ["=", 5, 5, true],
    ["=", 5, 6, false],
    ["!=", 5, 6, true],
    ["!=", 5, 5, false],
    [">", 5, 6, true],
    [">", 5, 5, false],
    ["<", 5, 4, true],
    ["<", 5, 5, false],
    [">=", 5, 5, true],
    [">=", 5, 4, false],
    ["<=", 5, 5, true],
    ["<=", 5, 6, false],
  ] as const)("%s %i with answer %i → %s", (op, threshold, answer, expected) => {
    expect(enableWhenHolds(int(op, threshold), [{ valueInteger: answer }])).toBe(expected);
  });

  it("no answer makes every operator but exists false", () => {
    for (const op of ["=", "!=", ">", "<", ">=", "<="] as const)
      expect(enableWhenHolds(int(op, 1), [])).toBe(false);
    expect(enableWhenHolds({ question: "n", operator: "exists", answerBoolean: false }, [])).toBe(true);
    expect(enableWhenHolds({ question: "n", operator: "exists", answerBoolean: true }, [])).toBe(false);
    expect(
      enableWhenHolds({ question: "n", operator: "exists", answerBoolean: true }, [{ valueInteger: 0 }]),
    ).toBe(true);
  });

  it("looks at the first answer only", () => {
    expect(enableWhenHolds(int("=", 2), [{ valueInteger: 1 }, { valueInteger: 2 }])).toBe(false);
  });

  it("compares codings by system and code, dates in order, quantities of the same unit", () => {
    const coding = { system: "s", code: "a" };
    expect(
      enableWhenHolds({ question: "c", operator: "=", answerCoding: coding }, [
        { valueCoding: { system: "s", code: "a", display: "A" } },
      ]),
    ).toBe(true);
    expect(
      enableWhenHolds({ question: "c", operator: "=", answerCoding: coding }, [
        { valueCoding: { system: "t", code: "a" } },
      ]),
    ).toBe(false);
    expect(
      enableWhenHolds({ question: "d", operator: ">", answerDate: "2024-01-25" }, [
        { valueDate: "2024-01-26" },
      ]),
    ).toBe(true);
    expect(
      enableWhenHolds({ question: "d", operator: ">", answerDate: "2024-01-25" }, [
        { valueDate: "2024-01-25" },
      ]),
    ).toBe(false);
    const kg = { value: 50, code: "kg" };
    expect(
      enableWhenHolds({ question: "w", operator: ">=", answerQuantity: kg }, [
        { valueQuantity: { value: 50, code: "kg" } },
      ]),
    ).toBe(true);
    expect(
      enableWhenHolds({ question: "w", operator: ">=", answerQuantity: kg }, [
        { valueQuantity: { value: 90, code: "[lb_av]" } },
      ]),
    ).toBe(false);
  });
});

const gate: Questionnaire = questionnaire([
  { linkId: "q1", type: "boolean", required: true },
  {
    linkId: "g",
    type: "group",
    enableWhen: [{ question: "q1", operator: "=", answerBoolean: true }],
    required: true,
    item: [
      { linkId: "g.1", type: "integer" },
      {
        linkId: "g.2",
        type: "string",
        required: true,
        enableWhen: [{ question: "g.1", operator: ">", answerInteger: 3 }],
      },
      { linkId: "g.note", type: "display", text: "説明" },
    ],
  },
  {
    linkId: "any",
    type: "string",
    enableBehavior: "any",
    enableWhen: [
      { question: "q1", operator: "=", answerBoolean: false },
      { question: "g.1", operator: "=", answerInteger: 7 },
    ],
  },
]);

describe("evaluateResponse", () => {
  it("an unanswered gate: only the gate is enabled, and it is missing", () => {
    expect(evaluateResponse(gate, response([]))).toEqual({
      enabled: ["q1"],
      missingRequired: ["q1"],
      invalid: [],
      answersIgnored: [],
      complete: false,
    });
  });

  it("a disabled group disables everything under it; their answers are ignored, groups never listed", () => {
    const r = response([
      { linkId: "q1", answer: [{ valueBoolean: false }] },
      { linkId: "g", item: [{ linkId: "g.1", answer: [{ valueInteger: 9 }] }] },
    ]);
    const result = evaluateResponse(gate, r);
    expect(result.enabled).toEqual(["q1", "any"]);
    expect(result.answersIgnored).toEqual(["g.1"]);
    expect(result.complete).toBe(true);
    expect(withoutDisabledAnswers(gate, r).item).toEqual([
      { linkId: "q1", answer: [{ valueBoolean: false }] },
    ]);
  });

  it("enabled lists groups and questions in document order, never display items; a group is required until a child is answered", () => {
    const open = evaluateResponse(gate, response([{ linkId: "q1", answer: [{ valueBoolean: true }] }]));
    expect(open.enabled).toEqual(["q1", "g", "g.1"]);
    expect(open.missingRequired).toEqual(["g"]);
    const deeper = evaluateResponse(
      gate,
      response([
        { linkId: "q1", answer: [{ valueBoolean: true }] },
        { linkId: "g", item: [{ linkId: "g.1", answer: [{ valueInteger: 4 }] }] },
      ]),
    );
    expect(deeper.enabled).toEqual(["q1", "g", "g.1", "g.2"]);
    expect(deeper.missingRequired).toEqual(["g.2"]);
  });

  it("enableBehavior any: one condition is enough", () => {
    const r = response([
      { linkId: "q1", answer: [{ valueBoolean: true }] },
      { linkId: "g", item: [{ linkId: "g.1", answer: [{ valueInteger: 7 }] }] },
    ]);
    expect(evaluateResponse(gate, r).enabled).toContain("any");
  });

  it("a condition on a disabled question is false even when that question carries an answer", () => {
    const q = questionnaire([
      { linkId: "a", type: "boolean" },
      { linkId: "b", type: "boolean", enableWhen: [{ question: "a", operator: "=", answerBoolean: true }] },
      { linkId: "c", type: "string", enableWhen: [{ question: "b", operator: "=", answerBoolean: true }] },
    ]);
    const r = response([
      { linkId: "a", answer: [{ valueBoolean: false }] },
      { linkId: "b", answer: [{ valueBoolean: true }] },
      { linkId: "c", answer: [{ valueString: "x" }] },
    ]);
    const result = evaluateResponse(q, r);
    expect(result.enabled).toEqual(["a"]);
    expect(result.answersIgnored).toEqual(["b", "c"]);
  });

  it("SDC enableWhenExpression with %resource bound to the response", () => {
    const q = questionnaire([
      { linkId: "age", type: "integer" },
      {
        linkId: "elderly",
        type: "boolean",
        extension: [
          {
            url: EXT.enableWhenExpression,
            valueExpression: {
              language: "text/fhirpath",
              expression: "%resource.repeat(item).where(linkId = 'age').answer.value >= 65",
            },
          },
        ],
      },
    ]);
    // 65 歳以上 = 高齢者 (both sides of the cut-off of the test expression)
    expect(
      evaluateResponse(q, response([{ linkId: "age", answer: [{ valueInteger: 65 }] }])).enabled,
    ).toEqual(["age", "elderly"]);
    expect(
      evaluateResponse(q, response([{ linkId: "age", answer: [{ valueInteger: 64 }] }])).enabled,
    ).toEqual(["age"]);
    expect(evaluateResponse(q, response([])).enabled).toEqual(["age"]);
  });

  it("invalid: wrong type, an answer outside answerOption, too many answers, unknown items", () => {
    const q = questionnaire([
      { linkId: "b", type: "boolean" },
      { linkId: "c", type: "choice", answerOption: [{ valueCoding: { system: "s", code: "yes" } }] },
      { linkId: "d", type: "date" },
      { linkId: "s", type: "string", maxLength: 3 },
    ]);
    const result = evaluateResponse(
      q,
      response([
        { linkId: "b", answer: [{ valueString: "true" }] },
        { linkId: "c", answer: [{ valueCoding: { system: "s", code: "maybe" } }] },
        { linkId: "d", answer: [{ valueDate: "2024-13-01" }, { valueDate: "2024-01-01" }] },
        { linkId: "s", answer: [{ valueString: "abcd" }] },
        { linkId: "zz", answer: [{ valueString: "?" }] },
      ]),
    );
    expect(result.invalid.map((i) => [i.linkId, i.code])).toEqual([
      ["b", "wrong_type"],
      ["c", "not_an_option"],
      ["d", "too_many_answers"],
      ["d", "wrong_type"],
      ["s", "too_long"],
      ["zz", "unknown_item"],
    ]);
    expect(result.complete).toBe(false);
  });

  it("a failed questionnaire-constraint of severity error is invalid with its human text; a warning is not", () => {
    const q = questionnaire([
      {
        linkId: "days",
        type: "integer",
        extension: [
          constraint(
            "range",
            "answer.value.empty() or (answer.value >= 1 and answer.value <= 90)",
            "1〜90日で入力してください",
          ),
          constraint("soft", "answer.value <= 14", "長めです", "warning"),
        ],
      },
    ]);
    const at = (n: number) =>
      evaluateResponse(q, response([{ linkId: "days", answer: [{ valueInteger: n }] }])).invalid;
    expect(at(90)).toEqual([]);
    expect(at(91)).toEqual([
      { linkId: "days", code: "constraint", key: "range", message: "1〜90日で入力してください" },
    ]);
    expect(at(1)).toEqual([]);
    expect(at(0)).toHaveLength(1);
  });

  it("a constraint can read other items through %resource", () => {
    const q = questionnaire([
      { linkId: "start", type: "date" },
      {
        linkId: "end",
        type: "date",
        extension: [
          constraint(
            "after-start",
            "answer.value >= %resource.item.where(linkId = 'start').answer.value",
            "終了日は開始日以降にしてください",
          ),
        ],
      },
    ]);
    const run = (end: string) =>
      evaluateResponse(
        q,
        response([
          { linkId: "start", answer: [{ valueDate: "2024-02-01" }] },
          { linkId: "end", answer: [{ valueDate: end }] },
        ]),
      ).invalid.map((i) => i.message);
    expect(run("2024-02-01")).toEqual([]);
    expect(run("2024-01-31")).toEqual(["終了日は開始日以降にしてください"]);
  });

  it("the SDC PHQ-9 example response is complete against its Questionnaire", () => {
    const q = validateQuestionnaire(sdcFixture("questionnaire-sdc-profile-example-PHQ9.json"));
    if (!q.ok) throw new Error("PHQ-9 should validate");
    const r = sdcFixture("questionnaireresponse-sdc-profile-example-PHQ9.json") as QuestionnaireResponse;
    const result = evaluateResponse(q.questionnaire, r);
    expect(result).toMatchObject({ missingRequired: [], invalid: [], answersIgnored: [], complete: true });
    expect(result.enabled).toHaveLength(11);
  });

  it("the SDC required-field form: its required items are missing until answered", () => {
    const q = validateQuestionnaire(sdcFixture("questionnaire-sdc-test-required-field.json"));
    if (!q.ok) throw new Error("should validate");
    const required = q.questionnaire.item?.flatMap(function walk(i): string[] {
      return [...(i.required ? [i.linkId] : []), ...(i.item ?? []).flatMap(walk)];
    });
    expect(evaluateResponse(q.questionnaire, response([])).missingRequired).toEqual(required);
  });
});

describe("calculatedExpression (SDC weight-height example)", () => {
  it("computes the BMI from weight and height", () => {
    const v = validateQuestionnaire(sdcFixture("questionnaire-sdc-profile-example-weight-height.json"));
    if (!v.ok) throw new Error("should validate");
    const q = v.questionnaire;
    let r: QuestionnaireResponse = response([]);
    r = setAnswers(q, r, "/29463-7", [{ valueDecimal: 60 }]); // weight, kg
    r = setAnswers(q, r, "/8302-2", [{ valueDecimal: 65 }]); // height, inches
    const out = calculate(q, r);
    // 65 in = 1.651 m; 60 / 1.651² = 22.01 → round(1) = 22
    const bmi = out.item?.find((i) => i.linkId === "/39156-5")?.answer?.[0]?.valueDecimal;
    expect(bmi).toBe(22);
  });
});

describe("invariants", () => {
  it("enabled and answersIgnored never share an item; complete iff nothing is missing or invalid", () => {
    fc.assert(
      fc.property(
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.integer({ min: -5, max: 12 }), { nil: undefined }),
        (q1, g1) => {
          const items = [
            ...(q1 === undefined ? [] : [{ linkId: "q1", answer: [{ valueBoolean: q1 }] }]),
            ...(g1 === undefined
              ? []
              : [{ linkId: "g", item: [{ linkId: "g.1", answer: [{ valueInteger: g1 }] }] }]),
          ];
          const result = evaluateResponse(gate, response(items));
          expect(result.answersIgnored.filter((id) => result.enabled.includes(id))).toEqual([]);
          expect(result.complete).toBe(result.missingRequired.length === 0 && result.invalid.length === 0);
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { EXT } from "./extensions.ts";
import { questionnaire, sdcFixture } from "./test-support.ts";
import type { QuestionnaireItem } from "./types.ts";
import { validateQuestionnaire } from "./validate.ts";

function issuesOf(input: unknown) {
  const result = validateQuestionnaire(input);
  if (result.ok) throw new Error("expected the definition to be refused");
  return result.issues;
}

const expr = (url: string, expression: string) => ({
  url,
  valueExpression: { language: "text/fhirpath", expression },
});

describe("validateQuestionnaire — the contract's refusals name the linkId", () => {
  it("accepts a small definition and counts items at every depth", () => {
    const result = validateQuestionnaire(
      questionnaire([
        { linkId: "g", type: "group", item: [{ linkId: "a", type: "boolean" }] },
        { linkId: "b", type: "string", enableWhen: [{ question: "a", operator: "=", answerBoolean: true }] },
      ]),
    );
    expect(result).toMatchObject({ ok: true, items: 3 });
  });

  it("refuses what is not a Questionnaire", () => {
    expect(issuesOf({ resourceType: "Patient" })[0]).toMatchObject({
      code: "not_questionnaire",
      path: "resourceType",
    });
    expect(issuesOf([])[0]?.code).toBe("not_questionnaire");
  });

  it("refuses a duplicate linkId, naming it", () => {
    const issues = issuesOf(
      questionnaire([
        { linkId: "a", type: "boolean" },
        { linkId: "g", type: "group", item: [{ linkId: "a", type: "string" }] },
      ]),
    );
    expect(issues).toEqual([
      expect.objectContaining({ linkId: "a", code: "duplicate_link_id", path: "item[1].item[0].linkId" }),
    ]);
  });

  it("refuses an item without linkId or with an unknown type", () => {
    expect(issuesOf(questionnaire([{ type: "boolean" } as unknown as QuestionnaireItem]))[0]).toMatchObject({
      code: "missing_link_id",
      path: "item[0].linkId",
    });
    expect(
      issuesOf(questionnaire([{ linkId: "x", type: "slider" } as unknown as QuestionnaireItem]))[0],
    ).toMatchObject({
      linkId: "x",
      code: "unknown_item_type",
    });
  });

  it("refuses an enableWhen that names no item", () => {
    const issues = issuesOf(
      questionnaire([
        {
          linkId: "b",
          type: "string",
          enableWhen: [{ question: "nope", operator: "exists", answerBoolean: true }],
        },
      ]),
    );
    expect(issues[0]).toMatchObject({ linkId: "b", code: "unknown_enable_when_question" });
    expect(issues[0]?.message).toContain("nope");
  });

  it("refuses a direct cycle and a chain", () => {
    const direct = issuesOf(
      questionnaire([
        {
          linkId: "a",
          type: "boolean",
          enableWhen: [{ question: "a", operator: "exists", answerBoolean: true }],
        },
      ]),
    );
    expect(direct[0]).toMatchObject({ linkId: "a", code: "enable_when_cycle" });
    const chain = issuesOf(
      questionnaire([
        { linkId: "a", type: "boolean", enableWhen: [{ question: "c", operator: "=", answerBoolean: true }] },
        { linkId: "b", type: "boolean", enableWhen: [{ question: "a", operator: "=", answerBoolean: true }] },
        { linkId: "c", type: "boolean", enableWhen: [{ question: "b", operator: "=", answerBoolean: true }] },
      ]),
    );
    expect(chain[0]?.code).toBe("enable_when_cycle");
    expect(chain[0]?.message).toMatch(/a → c → b → a/);
  });

  it("refuses a cycle through a group: a group conditioned on its own child", () => {
    const issues = issuesOf(
      questionnaire([
        {
          linkId: "g",
          type: "group",
          enableWhen: [{ question: "g.1", operator: "=", answerBoolean: true }],
          item: [{ linkId: "g.1", type: "boolean" }],
        },
      ]),
    );
    expect(issues[0]?.code).toBe("enable_when_cycle");
  });

  it("refuses a cycle that runs through an enableWhenExpression", () => {
    const issues = issuesOf(
      questionnaire([
        {
          linkId: "a",
          type: "boolean",
          enableWhen: [{ question: "b", operator: "exists", answerBoolean: true }],
        },
        {
          linkId: "b",
          type: "boolean",
          extension: [
            expr(EXT.enableWhenExpression, "%resource.repeat(item).where(linkId = 'a').answer.value = true"),
          ],
        },
      ]),
    );
    expect(issues[0]?.code).toBe("enable_when_cycle");
  });

  it("accepts a condition on a question in a sibling group (no cycle)", () => {
    const result = validateQuestionnaire(
      questionnaire([
        { linkId: "g1", type: "group", item: [{ linkId: "a", type: "boolean" }] },
        {
          linkId: "g2",
          type: "group",
          enableWhen: [{ question: "a", operator: "=", answerBoolean: true }],
          item: [
            {
              linkId: "b",
              type: "boolean",
              enableWhen: [{ question: "a", operator: "exists", answerBoolean: true }],
            },
          ],
        },
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it("refuses an enableWhen answer that does not fit the question's type, naming the item", () => {
    const issues = issuesOf(
      questionnaire([
        { linkId: "n", type: "integer" },
        { linkId: "x", type: "string", enableWhen: [{ question: "n", operator: ">", answerString: "3" }] },
      ]),
    );
    expect(issues[0]).toMatchObject({
      linkId: "x",
      code: "enable_when_type_mismatch",
      path: "item[1].enableWhen[0].answerString",
    });
    // exists takes answerBoolean only
    expect(
      issuesOf(
        questionnaire([
          { linkId: "n", type: "integer" },
          {
            linkId: "x",
            type: "string",
            enableWhen: [{ question: "n", operator: "exists", answerInteger: 1 }],
          },
        ]),
      )[0]?.code,
    ).toBe("enable_when_type_mismatch");
    // ordering a boolean makes no sense
    expect(
      issuesOf(
        questionnaire([
          { linkId: "b", type: "boolean" },
          {
            linkId: "x",
            type: "string",
            enableWhen: [{ question: "b", operator: ">", answerBoolean: true }],
          },
        ]),
      )[0]?.code,
    ).toBe("invalid_operator");
  });

  it("accepts a choice compared with the type of its answerOption values", () => {
    const result = validateQuestionnaire(
      questionnaire([
        { linkId: "c", type: "choice", answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }] },
        { linkId: "x", type: "string", enableWhen: [{ question: "c", operator: "=", answerInteger: 2 }] },
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it("refuses an FHIRPath expression that does not parse, in every expression extension", () => {
    for (const url of [EXT.enableWhenExpression, EXT.initialExpression, EXT.calculatedExpression]) {
      const issues = issuesOf(
        questionnaire([{ linkId: "e", type: "integer", extension: [expr(url, "%resource.item.where(")] }]),
      );
      expect(issues[0]).toMatchObject({ linkId: "e", code: "fhirpath_syntax" });
    }
    const constraint = {
      url: EXT.constraint,
      extension: [
        { url: "key", valueId: "k1" },
        { url: "severity", valueCode: "error" },
        { url: "expression", valueString: "answer.value >" },
        { url: "human", valueString: "x" },
      ],
    };
    expect(
      issuesOf(questionnaire([{ linkId: "k", type: "integer", extension: [constraint] }]))[0],
    ).toMatchObject({
      linkId: "k",
      code: "fhirpath_syntax",
    });
  });

  it("does not parse expressions in another language (x-fhir-query)", () => {
    const result = validateQuestionnaire(
      questionnaire([
        {
          linkId: "q",
          type: "string",
          extension: [
            {
              url: EXT.candidateExpression,
              valueExpression: {
                language: "application/x-fhir-query",
                expression: "RelatedPerson?patient={{%patient.id}}",
              },
            },
          ],
        },
      ]),
    );
    expect(result.ok).toBe(true);
  });
});

describe("the HL7 SDC guide's example forms", () => {
  const valid: [string, number][] = [
    ["questionnaire-sdc-profile-example-PHQ9.json", 11],
    ["questionnaire-sdc-profile-example-framingham-HCHD.json", 11],
    ["questionnaire-sdc-profile-example-hunger-vital-signs.json", 4],
    ["questionnaire-sdc-profile-example-weight-height.json", 5],
    ["questionnaire-sdc-test-all-data-types.json", 16],
    ["questionnaire-sdc-test-fhirpath-prepop-candexpr.json", 8],
    ["questionnaire-sdc-test-fhirpath-prepop-initialexpr.json", 14],
    ["questionnaire-sdc-test-fhirpath-prepop-source-query.json", 11],
    ["questionnaire-sdc-test-repeatable-nested-groups.json", 7],
    ["questionnaire-sdc-test-required-field.json", 5],
  ];
  it.each(valid)("%s validates with %i items", (name, items) => {
    expect(validateQuestionnaire(sdcFixture(name))).toMatchObject({ ok: true, items });
  });

  it("refuses the enableWhen test form, which compares coded questions with string answers (not valid R4)", () => {
    const issues = issuesOf(sdcFixture("questionnaire-sdc-test-enablewhen.json"));
    expect(issues.every((i) => i.code === "enable_when_type_mismatch")).toBe(true);
    expect(issues[0]).toMatchObject({ linkId: "e5da17a7-7546-45c5-9bcd-d0b09a74ty76" });
    expect(issues[0]?.message).toContain("s1-radio");
  });
});

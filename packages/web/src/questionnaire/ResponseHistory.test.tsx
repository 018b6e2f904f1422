import { builtInQuestionnaire, type Questionnaire } from "@mamori/domain/questionnaire";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SurveyResponseVersion } from "../api/survey.ts";
import { renderWithI18n } from "../test/render.tsx";
import { changedItems } from "./changed-items.ts";
import { ResponseHistory } from "./ResponseHistory.tsx";

const cre = builtInQuestionnaire("cre-cefiderocol") as Questionnaire;
const version = (n: number, q18_1: string, q2: string, reason: string | null): SurveyResponseVersion => ({
  version: n,
  reason,
  submittedAt: `2026-12-0${n}T01:00:00.000Z`,
  submittedBy: "医師 誠",
  response: {
    resourceType: "QuestionnaireResponse",
    status: "completed",
    item: [
      { linkId: "q1", answer: [{ valueBoolean: true }] },
      { linkId: "q2", answer: [{ valueCoding: { code: q2 } }] },
      { linkId: "q18", item: [{ linkId: "q18.1", answer: [{ valueCoding: { code: q18_1 } }] }] },
    ],
  },
});

describe("ResponseHistory", () => {
  it("lists versions newest first with who, when and why, naming the questions a correction changed as numbered on paper", () => {
    renderWithI18n(
      <ResponseHistory
        questionnaire={cre}
        versions={[version(1, "yes", "urinary", null), version(2, "no", "urinary", "MIC の報告を確認")]}
        timeZone="Asia/Tokyo"
      />,
    );
    const items = screen.getAllByRole("listitem");
    expect(items[0]!.textContent).toContain("第2版");
    expect(items[0]!.textContent).toContain("2026年12月2日(水) 10:00");
    expect(items[0]!.textContent).toContain("訂正の理由: MIC の報告を確認");
    expect(items[0]!.textContent).toContain("変えた設問: 設問18の1");
    expect(items[0]!.textContent).not.toContain("設問2、");
    expect(items[1]!.textContent).toContain("最初の送信");
  });

  it("changedItems: answered, cleared and changed items, in the definition's order; unchanged ones left out", () => {
    const a = version(1, "yes", "urinary", null).response;
    const b = version(2, "no", "pneumonia", "x").response;
    expect(changedItems(cre, a, b)).toEqual(["q2", "q18.1"]);
    expect(changedItems(cre, a, a)).toEqual([]);
    expect(changedItems(cre, a, { item: [] })).toEqual(["q1", "q2", "q18.1"]);
  });
});

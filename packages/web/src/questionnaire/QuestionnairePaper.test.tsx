import { builtInQuestionnaire, type Questionnaire } from "@mamori/domain/questionnaire";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../test/render.tsx";
import { QuestionnairePaper } from "./QuestionnairePaper.tsx";

const cre = builtInQuestionnaire("cre-cefiderocol") as Questionnaire;
const at = (linkId: string) => {
  const el = screen.getByTestId("questionnaire-paper").querySelector(`[data-link-id="${linkId}"]`);
  if (!el) throw new Error(`no ${linkId} on paper`);
  return el as HTMLElement;
};

describe("QuestionnairePaper (the CRE survey on A4)", () => {
  it("prints every question, conditional ones included, with blank boxes to tick", () => {
    renderWithI18n(<QuestionnairePaper questionnaire={cre} />);
    for (let n = 1; n <= 21; n++) expect(at(`q${n}`)).toBeTruthy();
    expect(
      within(at("q1"))
        .getAllByText(/はい|いいえ/)
        .map((e) => e.textContent),
    ).toEqual(["はい", "いいえ"]);
    expect(at("q20").querySelectorAll(".qr-paper-box")).toHaveLength(3);
    // 別添: (はい ・ いいえ ・ 検査体制がない)
    expect(at("q21").textContent).toContain("検査体制がない");
    expect(at("q21").textContent).toContain("※試験方法や試験結果に限らず");
  });

  it("says the gate once, before q2: answer the rest only when q1 is 「はい」", () => {
    renderWithI18n(<QuestionnairePaper questionnaire={cre} />);
    expect(screen.getAllByText("設問1で「はい」の場合は、ここからの設問にも回答してください。")).toHaveLength(
      1,
    );
    expect(at("q7").textContent).toContain("（設問6で「産生あり」の場合）");
    expect(at("q7").textContent).toContain("（複数選択可）");
    expect(at("q9").textContent).toContain("（設問8で「あった」の場合）");
  });

  it("frames the laboratory's questions and says who fills them in; marks provisional questions", () => {
    renderWithI18n(<QuestionnairePaper questionnaire={cre} />);
    for (const id of ["q18", "q19", "q20", "q21"]) expect(at(id).textContent).toContain("臨床検査技師が記入");
    expect(at("q18.1").textContent).not.toContain("臨床検査技師が記入");
    expect(within(at("q2")).getByText("仮")).toBeTruthy();
    expect(within(at("q1")).queryByText("仮")).toBeNull();
  });

  it("numbers and dates get boxes with their unit, no answers are printed", () => {
    renderWithI18n(<QuestionnairePaper questionnaire={cre} />);
    expect(at("q12").querySelector(".qr-paper-field")).toBeTruthy();
    expect(at("q12").textContent).toContain("g");
    expect(at("q15").textContent).toContain("日");
    expect(at("q11").textContent).toContain("年");
    expect(screen.getByText(cre.title as string)).toBeTruthy();
  });
});

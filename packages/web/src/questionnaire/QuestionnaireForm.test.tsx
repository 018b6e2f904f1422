import {
  builtInQuestionnaire,
  initialResponse,
  type Questionnaire,
  type QuestionnaireResponse,
} from "@mamori/domain/questionnaire";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { setLang } from "../i18n/index.ts";
import { renderWithI18n } from "../test/render.tsx";
import { QuestionnaireForm } from "./QuestionnaireForm.tsx";

const cre = builtInQuestionnaire("cre-cefiderocol") as Questionnaire;
const empty: QuestionnaireResponse = {
  resourceType: "QuestionnaireResponse",
  status: "in-progress",
  item: [],
};

function Harness(props: {
  start?: QuestionnaireResponse;
  role?: string | null;
  showMissing?: boolean;
  onResponse?: (r: QuestionnaireResponse) => void;
}) {
  const [response, setResponse] = useState(props.start ?? empty);
  return (
    <QuestionnaireForm
      questionnaire={cre}
      response={response}
      onChange={(r) => {
        setResponse(r);
        props.onResponse?.(r);
      }}
      answeringRole={props.role ?? null}
      showMissing={props.showMissing ?? false}
    />
  );
}

const item = (linkId: string) => screen.getByTestId(`qr-item-${linkId}`);

describe("QuestionnaireForm on the CRE survey", () => {
  it("shows only q1 until it is answered; 「はい」 opens the rest, 「いいえ」 closes it again (参考2 ②)", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    expect(screen.getByText("菌種は、カルバペネム耐性腸内細菌目細菌（CRE）である。")).toBeTruthy();
    expect(screen.queryByTestId("qr-item-q2")).toBeNull();
    await user.click(within(item("q1")).getByLabelText("はい"));
    expect(item("q2")).toBeTruthy();
    expect(screen.getByText("メロペネムの MIC を報告した。")).toBeTruthy();
    await user.click(within(item("q1")).getByLabelText("いいえ"));
    expect(screen.queryByTestId("qr-item-q2")).toBeNull();
  });

  it("a follow-up appears only for its answer: q7 (enzyme types) after 「産生あり」 on q6", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.click(within(item("q1")).getByLabelText("はい"));
    expect(screen.queryByTestId("qr-item-q7")).toBeNull();
    await user.click(within(item("q6")).getByLabelText("産生あり"));
    await user.click(within(item("q7")).getByLabelText("IMP"));
    await user.click(within(item("q7")).getByLabelText("NDM"));
    expect((within(item("q7")).getByLabelText("IMP") as HTMLInputElement).checked).toBe(true);
    expect((within(item("q7")).getByLabelText("NDM") as HTMLInputElement).checked).toBe(true);
    await user.click(within(item("q6")).getByLabelText("産生なし"));
    expect(screen.queryByTestId("qr-item-q7")).toBeNull();
  });

  it("shows the constraint's message under the question: 91 days is refused, 90 accepted", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    await user.click(within(item("q1")).getByLabelText("はい"));
    const days = within(item("q15")).getByRole("textbox");
    await user.type(days, "91");
    expect(within(item("q15")).getByRole("alert").textContent).toBe(
      "投与日数は 1 日から 90 日の間で入力してください。",
    );
    await user.clear(days);
    await user.type(days, "90");
    expect(within(item("q15")).queryByRole("alert")).toBeNull();
    await user.clear(days);
    await user.type(days, "1.5");
    expect(within(item("q15")).getByRole("alert").textContent).toBe("整数で入力してください");
  });

  it("marks pre-filled answers; changing one removes the mark", async () => {
    const user = userEvent.setup();
    const start = initialResponse(cre, {
      source: "case",
      context: { case: { cre: true, consultation: true, lab: { meropenemMicReported: true } } },
    });
    renderWithI18n(<Harness start={start} />);
    expect(within(item("q1")).getByText("Mamoriの記録から入力済み")).toBeTruthy();
    expect(within(item("q10")).getByText("Mamoriの記録から入力済み")).toBeTruthy();
    expect(within(item("q2")).queryByText("Mamoriの記録から入力済み")).toBeNull();
    await user.click(within(item("q10")).getByLabelText("いいえ"));
    expect(within(item("q10")).queryByText("Mamoriの記録から入力済み")).toBeNull();
  });

  it("the physician sees the laboratory's part read-only and marked; the technologist answers it but not the physician's part", async () => {
    const user = userEvent.setup();
    const start: QuestionnaireResponse = {
      ...empty,
      item: [{ linkId: "q1", answer: [{ valueBoolean: true }] }],
    };
    const { unmount } = renderWithI18n(<Harness start={start} />);
    expect(screen.getAllByText("臨床検査技師が回答").length).toBe(4);
    expect(within(item("q20")).queryByRole("radio")).toBeNull();
    expect(within(item("q20")).getByText("未回答")).toBeTruthy();
    unmount();
    renderWithI18n(<Harness start={start} role="lab_technologist" />);
    await user.click(within(item("q20")).getByLabelText("検査体制がない"));
    expect((within(item("q20")).getByLabelText("検査体制がない") as HTMLInputElement).checked).toBe(true);
    expect(within(item("q3")).queryByRole("radio")).toBeNull();
  });

  it("after a first try to submit, required questions still unanswered say so — only to the role that answers them", () => {
    const start: QuestionnaireResponse = {
      ...empty,
      item: [{ linkId: "q1", answer: [{ valueBoolean: true }] }],
    };
    const { unmount } = renderWithI18n(<Harness showMissing />);
    expect(within(item("q1")).getByRole("alert").textContent).toBe("この設問に回答してください");
    unmount();
    renderWithI18n(<Harness showMissing start={start} />);
    expect(within(item("q2")).getByRole("alert").textContent).toBe("この設問に回答してください");
    expect(within(item("q18.1")).queryByRole("alert")).toBeNull();
    expect(within(item("q20")).queryByRole("alert")).toBeNull();
  });

  it("writes dates as people here write them", async () => {
    const user = userEvent.setup();
    const start: QuestionnaireResponse = {
      ...empty,
      item: [
        { linkId: "q1", answer: [{ valueBoolean: true }] },
        { linkId: "q11", answer: [{ valueDate: "2024-02-01" }] },
      ],
    };
    renderWithI18n(<Harness start={start} />);
    expect(within(item("q11")).getByText("2024年2月1日(木)")).toBeTruthy();
  });

  it("speaks English when asked (the questions stay as the definition wrote them)", () => {
    setLang("en");
    renderWithI18n(<Harness showMissing />);
    expect(within(item("q1")).getByLabelText("Yes")).toBeTruthy();
    expect(within(item("q1")).getByRole("alert").textContent).toBe("Please answer this question");
  });
});

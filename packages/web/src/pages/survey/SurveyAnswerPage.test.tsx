import type { QuestionnaireResponse } from "@mamori/domain/questionnaire";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SurveyResponseVersion, SurveyResponseView } from "../../api/survey.ts";
import { LAB_USER, PHYSICIAN_USER } from "../../test/cre-users.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { SurveyAnswerPage } from "./SurveyAnswerPage.tsx";

const qr = (outcome: string): QuestionnaireResponse => ({
  resourceType: "QuestionnaireResponse",
  status: "completed",
  item: [
    { linkId: "q1", answer: [{ valueBoolean: true }] },
    {
      linkId: "q17",
      answer: [{ valueCoding: { code: outcome, display: outcome === "improved" ? "改善" : "治癒" } }],
    },
  ],
});
const view = (version: number, outcome: string): SurveyResponseView => ({
  id: "r-1",
  caseId: "c-1",
  patientLabel: "P-0001",
  questionnaire: { url: "u", version: "1" },
  status: "submitted",
  labStatus: "returned",
  labSection: ["q18", "q19", "q20", "q21"],
  version,
  response: qr(outcome),
  prefilled: [],
  launchContext: null,
  updatedAt: "2026-12-02T01:00:00.000Z",
  submittedAt: "2026-12-02T01:00:00.000Z",
});
const v1: SurveyResponseVersion = {
  version: 1,
  reason: null,
  submittedAt: "2026-12-01T01:00:00.000Z",
  submittedBy: "医師 誠",
  response: qr("improved"),
};

describe("SurveyAnswerPage: correcting a submitted response", () => {
  it("corrects an answer with a reason; the new version and what it changed show in the history", async () => {
    const user = userEvent.setup();
    const correct = vi.fn(async () => view(2, "cured"));
    const versions = [v1];
    const api = fakeApi({ me: async () => PHYSICIAN_USER });
    api.survey.response = async () => view(1, "improved");
    api.survey.history = async () => [...versions];
    api.survey.correct = correct;
    renderSignedIn(<SurveyAnswerPage id="r-1" />, api, "/survey/responses/r-1");
    const history = await screen.findByTestId("response-history", {}, { timeout: 5000 });
    expect(within(history).getByTestId("history-1").textContent).toContain("最初の送信");
    // Read-only until the physician chooses to correct.
    const q17 = screen.getByTestId("qr-item-q17");
    expect(within(q17).queryAllByRole("radio")).toHaveLength(0);
    await user.click(screen.getByTestId("correction-start"));
    await user.click(within(screen.getByTestId("qr-item-q17")).getByLabelText("治癒"));
    const send = screen.getByTestId("correction-send") as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await user.type(screen.getByTestId("correction-reason"), "退院時の評価に合わせた");
    versions.push({ ...v1, version: 2, reason: "退院時の評価に合わせた", response: qr("cured") });
    await user.click(send);
    await waitFor(() => expect(correct).toHaveBeenCalledOnce());
    const [, body] = correct.mock.calls[0] as unknown as [
      string,
      { reason: string; response: QuestionnaireResponse },
    ];
    expect(body.reason).toBe("退院時の評価に合わせた");
    expect(JSON.stringify(body.response)).toContain('"cured"');
    expect((await screen.findByTestId("submitted")).textContent).toContain("第2版");
    const second = await screen.findByTestId("history-2", {}, { timeout: 5000 });
    expect(second.textContent).toContain("退院時の評価に合わせた");
    expect(second.textContent).toContain("設問17");
    expect(second.textContent).toContain("集計に使う版");
  }, 20_000);

  it("offers no correction to the laboratory", async () => {
    const api = fakeApi({ me: async () => LAB_USER });
    api.survey.response = async () => view(1, "improved");
    api.survey.history = async () => [v1];
    renderSignedIn(<SurveyAnswerPage id="r-1" />, api, "/survey/responses/r-1");
    await screen.findByTestId("response-history", {}, { timeout: 5000 });
    expect(screen.queryByTestId("correction-start")).toBeNull();
  });
});

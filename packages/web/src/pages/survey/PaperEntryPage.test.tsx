import type { QuestionnaireResponse } from "@mamori/domain/questionnaire";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PaperForm } from "../../api/survey.ts";
import type { User } from "../../api/types.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { entrySlot, PaperEntryPage } from "./PaperEntryPage.tsx";

const CLERK: User = {
  id: "u-sec",
  username: "demo-secretariat",
  displayName: "調査事務局 香織",
  role: "secretariat",
  organisation: { id: "s1", name: "CRE治療薬アンケート事務局", kind: "secretariat" },
};

const qr = (q21: string): QuestionnaireResponse => ({
  resourceType: "QuestionnaireResponse",
  status: "in-progress",
  item: [
    { linkId: "q1", answer: [{ valueBoolean: true }] },
    { linkId: "q21", answer: [{ valueCoding: { code: q21 } }] },
  ],
});
const entry = (entryNo: 1 | 2, mine: boolean, q21: string) => ({
  entryNo,
  enteredBy: mine ? CLERK.displayName : "調査事務局 健太",
  mine,
  enteredAt: "2026-12-02T01:00:00.000Z",
  response: qr(q21),
});
const form = (over: Partial<PaperForm>): PaperForm => ({
  id: "f-1",
  label: "封筒 12",
  prefecture: "大阪府",
  responseId: null,
  entries: [],
  differences: null,
  ...over,
});

describe("entrySlot: two people key one form", () => {
  it("gives the first clerk entry 1, the next one entry 2, and nobody a third or a second of their own", () => {
    expect(entrySlot(form({}))).toBe(1);
    expect(entrySlot(form({ entries: [entry(1, false, "yes")] }))).toBe(2);
    expect(entrySlot(form({ entries: [entry(1, true, "yes")] }))).toBe(1);
    expect(entrySlot(form({ entries: [entry(1, false, "yes"), entry(2, false, "no")] }))).toBeNull();
    expect(entrySlot(form({ entries: [entry(2, true, "yes")] }))).toBe(2);
    expect(entrySlot(form({ responseId: "r", entries: [entry(1, true, "yes")] }))).toBeNull();
  });
});

describe("PaperEntryPage", () => {
  it("keys entry 1 on the questionnaire, every section included, and saves it", async () => {
    const user = userEvent.setup();
    const savePaperEntry = vi.fn(async (_id: string, _n: 1 | 2, response: QuestionnaireResponse) =>
      form({ entries: [{ ...entry(1, true, "yes"), response }] }),
    );
    const api = fakeApi({ me: async () => CLERK });
    api.survey.paperForm = async () => form({});
    api.survey.savePaperEntry = savePaperEntry;
    renderSignedIn(<PaperEntryPage id="f-1" />, api, "/survey/paper-entry/f-1");
    const q1 = await screen.findByTestId("qr-item-q1");
    await user.click(within(q1).getByLabelText("はい"));
    // The laboratory's question 21 is keyed by the clerk too: the paper holds every answer.
    await user.click(within(screen.getByTestId("qr-item-q21")).getByLabelText("検査体制がない"));
    await user.click(screen.getByTestId("paper-save-entry"));
    await waitFor(() => expect(savePaperEntry).toHaveBeenCalledOnce());
    expect(savePaperEntry.mock.calls[0]![1]).toBe(1);
    const saved = savePaperEntry.mock.calls[0]![2];
    expect(JSON.stringify(saved)).toContain("no-capacity");
    expect(await screen.findByTestId("paper-wait-other")).toBeTruthy();
  });

  it("shows the differing readings side by side in words, and settles with the reading chosen", async () => {
    const user = userEvent.setup();
    const both = form({
      entries: [entry(1, false, "yes"), entry(2, true, "no-capacity")],
      differences: [{ linkId: "q21", first: "yes", second: "no-capacity" }],
    });
    const resolvePaperForm = vi.fn(async () => ({ ...both, responseId: "r-1" }));
    const api = fakeApi({ me: async () => CLERK });
    api.survey.paperForm = async () => both;
    api.survey.resolvePaperForm = resolvePaperForm;
    renderSignedIn(<PaperEntryPage id="f-1" />, api, "/survey/paper-entry/f-1");
    const diff = await screen.findByTestId("difference-q21");
    // The other clerk's entry is named; the codes are shown as the form's words.
    expect(screen.getByTestId("paper-entry-1").textContent).toContain("調査事務局 健太");
    expect(within(diff).getByTestId("difference-q21-1").textContent).toContain("はい");
    expect(within(diff).getByTestId("difference-q21-2").textContent).toContain("検査体制がない");
    const settle = screen.getByTestId("paper-settle") as HTMLButtonElement;
    expect(settle.disabled).toBe(true);
    await user.click(within(diff).getByTestId("difference-q21-2"));
    expect(settle.disabled).toBe(false);
    await user.click(settle);
    await waitFor(() => expect(resolvePaperForm).toHaveBeenCalledOnce());
    const calls = resolvePaperForm.mock.calls as unknown as [string, { choices: object }][];
    expect(calls[0]![1].choices).toEqual({ q21: 2 });
    expect(await screen.findByTestId("paper-resolved")).toBeTruthy();
  });

  it("settles an item both misread with the value keyed again as the paper has it", async () => {
    const user = userEvent.setup();
    const both = form({
      entries: [entry(1, false, "yes"), entry(2, true, "no-capacity")],
      differences: [{ linkId: "q21", first: "yes", second: "no-capacity" }],
    });
    const resolvePaperForm = vi.fn(async () => ({ ...both, responseId: "r-1" }));
    const api = fakeApi({ me: async () => CLERK });
    api.survey.paperForm = async () => both;
    api.survey.resolvePaperForm = resolvePaperForm;
    renderSignedIn(<PaperEntryPage id="f-1" />, api, "/survey/paper-entry/f-1");
    const diff = await screen.findByTestId("difference-q21");
    await user.click(within(diff).getByTestId("difference-q21-reread"));
    const settle = screen.getByTestId("paper-settle") as HTMLButtonElement;
    // Nothing keyed yet: not settled.
    expect(settle.disabled).toBe(true);
    await user.click(within(within(diff).getByTestId("qr-item-q21")).getByLabelText("いいえ"));
    expect(settle.disabled).toBe(false);
    await user.click(settle);
    await waitFor(() => expect(resolvePaperForm).toHaveBeenCalledOnce());
    const calls = resolvePaperForm.mock.calls as unknown as [string, { choices: Record<string, unknown> }][];
    expect(calls[0]![1].choices.q21).toEqual({
      answer: [{ valueCoding: expect.objectContaining({ code: "no" }) }],
    });
  });

  it("keeps the form of a clerk who made neither entry out of the keying once both are in", async () => {
    const api = fakeApi({ me: async () => CLERK });
    api.survey.paperForm = async () =>
      form({ entries: [entry(1, false, "yes"), entry(2, false, "yes")], differences: [] });
    renderSignedIn(<PaperEntryPage id="f-1" />, api, "/survey/paper-entry/f-1");
    expect(await screen.findByTestId("paper-agree")).toBeTruthy();
    expect(screen.queryByTestId("questionnaire-form")).toBeNull();
    expect(screen.queryByTestId("paper-edit-mine")).toBeNull();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors.ts";
import type { CasePatch, NewCase, RecordedCase } from "../../api/records-types.ts";
import type { Facility, User } from "../../api/types.ts";
import { FIXTURE_PEOPLE } from "../../test/alerts-fixture.ts";
import { fakeApi, renderSignedIn, TEST_FACILITY, testUser } from "../../test/render.tsx";
import { CasesPage } from "./CasesPage.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NURSE: User = testUser({ id: "u-nurse", username: "demo-nurse", role: "nurse" });
const FACILITY: Facility = {
  ...TEST_FACILITY,
  units: [
    { id: "unit-1", name: "1階 さくらユニット", floor: "1F", rooms: [] },
    { id: "unit-2", name: "2階 もみじユニット", floor: "2F", rooms: [] },
  ],
};

/** A server keeping cases by id, as POST /api/cases and PATCH /api/cases/:id do. */
function server(options: { refuse?: ApiError } = {}) {
  const stored = new Map<string, RecordedCase>();
  const createCase = vi.fn(async (c: NewCase) => {
    if (options.refuse) throw options.refuse;
    const saved: RecordedCase = {
      ...c,
      disease: c.disease ?? null,
      syndromeGroup: c.syndromeGroup ?? null,
      resolvedDate: c.resolvedDate ?? null,
      diagnosedDate: c.diagnosedDate ?? null,
      notifiedDate: c.notifiedDate ?? null,
      remarks: c.remarks ?? null,
      notification: null,
      outcomes: c.outcomes ?? [],
      version: 1,
    };
    stored.set(c.id, saved);
    return saved;
  });
  const updateCase = vi.fn(async (id: string, patch: CasePatch) => {
    const before = stored.get(id)!;
    const after = {
      ...before,
      ...patch,
      resolvedDate: patch.resolvedDate ?? before.resolvedDate,
      version: before.version + 1,
    };
    stored.set(id, after);
    return after;
  });
  const api = fakeApi({
    me: async () => NURSE,
    facility: async () => FACILITY,
    people: async () => FIXTURE_PEOPLE,
    cases: async () => [...stored.values()],
    createCase,
    updateCase,
  });
  return { api, stored, createCase, updateCase };
}

describe("CasesPage", () => {
  it("records a confirmed norovirus case with a hospitalisation, with an id made on the device", async () => {
    const user = userEvent.setup();
    const s = server();
    renderSignedIn(<CasesPage />, s.api, "/records/cases");
    expect((await screen.findByText("まだ記録はありません。")).textContent).toBeTruthy();
    await user.click(screen.getByTestId("case-add"));
    const form = within(screen.getByTestId("case-form"));
    await user.selectOptions(form.getByTestId("case-person"), "p03");
    await user.selectOptions(form.getByTestId("case-disease"), "norovirus");
    // The disease picker speaks Japanese.
    expect((form.getByTestId("case-disease") as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      "ノロウイルス感染症",
    );
    await user.click(form.getByTestId("case-status-confirmed"));
    await user.type(form.getByTestId("case-onset"), "2026-01-09");
    await user.click(form.getByTestId("case-outcome-hospitalised"));
    await user.type(form.getByTestId("case-outcome-hospitalised-date"), "2026-01-10");
    await user.click(form.getByTestId("case-save"));

    await waitFor(() => expect(s.createCase).toHaveBeenCalledTimes(1));
    const sent = s.createCase.mock.calls[0]![0];
    expect(sent).toEqual({
      id: expect.stringMatching(UUID),
      personId: "p03",
      disease: "norovirus",
      status: "confirmed",
      onsetDate: "2026-01-09",
      resolvedDate: null,
      outcomes: [{ kind: "hospitalised", date: "2026-01-10" }],
    });
    expect(await screen.findByTestId("records-saved")).toBeTruthy();
    const row = screen.getByTestId(`case-${sent.id}`);
    expect(row.textContent).toContain("入所者3 和子（103号室）");
    expect(row.textContent).toContain("ノロウイルス感染症");
    expect(row.textContent).toContain("確定");
    expect(row.textContent).toContain("入院 2026年1月10日(土)");
    expect(row.textContent).toContain("治療中");
  });

  it("shows the server's field errors in Japanese under the fields they are about", async () => {
    const user = userEvent.setup();
    const refuse = new ApiError(400, "validation_failed", "Invalid input", [
      { path: "resolvedDate", message: "must not be before the onset" },
      { path: "outcomes[0].date", message: "expected a day as YYYY-MM-DD" },
    ]);
    const s = server({ refuse });
    renderSignedIn(<CasesPage />, s.api, "/records/cases");
    await user.click(await screen.findByTestId("case-add"));
    const form = within(screen.getByTestId("case-form"));
    await user.selectOptions(form.getByTestId("case-person"), "p01");
    await user.selectOptions(form.getByTestId("case-disease"), "influenza");
    await user.type(form.getByTestId("case-onset"), "2026-01-09");
    await user.type(form.getByTestId("case-resolved"), "2026-01-08");
    await user.click(form.getByTestId("case-outcome-death"));
    await user.type(form.getByTestId("case-outcome-death-date"), "2026-01-10");
    await user.click(form.getByTestId("case-save"));

    expect((await screen.findByTestId("form-error")).textContent).toBe("入力内容を確認してください。");
    const resolved = form.getByTestId("case-resolved").closest("label")!;
    expect(within(resolved).getByTestId("field-error").textContent).toBe(
      "発症日より前の日付は入れられません",
    );
    // outcomes[0] is the one outcome sent: the death.
    const death = form.getByTestId("case-outcome-death").closest("li")!;
    expect(within(death).getByTestId("field-error").textContent).toBe("日付を入れてください");
    expect(s.stored.size).toBe(0);
  });

  it("adds the recovery day to a recorded case", async () => {
    const user = userEvent.setup();
    const s = server();
    s.stored.set("c1", {
      id: "c1",
      personId: "p08",
      disease: "scabies",
      syndromeGroup: null,
      diagnosedDate: null,
      notifiedDate: null,
      notification: null,
      remarks: null,
      status: "suspected",
      onsetDate: "2026-01-05",
      resolvedDate: null,
      outcomes: [],
      version: 1,
    });
    renderSignedIn(<CasesPage />, s.api, "/records/cases");
    await user.click(await screen.findByTestId("case-edit-c1"));
    const form = within(screen.getByTestId("case-form"));
    expect((form.getByTestId("case-person") as HTMLSelectElement).disabled).toBe(true);
    await user.type(form.getByTestId("case-resolved"), "2026-01-20");
    await user.click(form.getByTestId("case-save"));
    await waitFor(() => expect(s.updateCase).toHaveBeenCalledTimes(1));
    expect(s.updateCase).toHaveBeenCalledWith("c1", {
      disease: "scabies",
      status: "suspected",
      onsetDate: "2026-01-05",
      resolvedDate: "2026-01-20",
      outcomes: [],
    });
    expect((await screen.findByTestId("case-c1")).textContent).toContain("疥癬");
  });

  it("is not offered to a care worker", async () => {
    renderSignedIn(<CasesPage />, fakeApi({ people: async () => FIXTURE_PEOPLE, cases: async () => [] }));
    expect(
      (await screen.findByText(/看護職員・感染対策担当者・施設長・医師が使えます/)).textContent,
    ).toBeTruthy();
    expect(screen.queryByTestId("case-add")).toBeNull();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors.ts";
import type { AntibioticCourse, NewAntibioticCourse } from "../../api/records-types.ts";
import type { User } from "../../api/types.ts";
import { FIXTURE_PEOPLE } from "../../test/alerts-fixture.ts";
import { fakeApi, renderSignedIn, testUser } from "../../test/render.tsx";
import { AntibioticsPage } from "./AntibioticsPage.tsx";

const NURSE: User = testUser({ id: "u-nurse", role: "nurse" });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function server(initial: AntibioticCourse[]) {
  const stored = [...initial];
  const createAntibiotic = vi.fn(async (c: NewAntibioticCourse) => {
    const saved = { ...c, drug: c.drug ?? null, endDate: c.endDate ?? null };
    stored.push(saved);
    return saved;
  });
  const endAntibiotic = vi.fn(async (id: string, endDate: string) => {
    const course = stored.find((c) => c.id === id)!;
    if (endDate < course.startDate)
      throw new ApiError(400, "validation_failed", "Invalid input: endDate", [
        { path: "endDate", message: "must not be before the start" },
      ]);
    course.endDate = endDate;
    return course;
  });
  const api = fakeApi({
    me: async () => NURSE,
    people: async () => FIXTURE_PEOPLE,
    antibiotics: async () => stored.map((c) => ({ ...c })),
    createAntibiotic,
    endAntibiotic,
  });
  return { api, createAntibiotic, endAntibiotic };
}

describe("AntibioticsPage", () => {
  it("records a course still going on, with an id made on the device", async () => {
    const user = userEvent.setup();
    const s = server([]);
    renderSignedIn(<AntibioticsPage />, s.api, "/records/antibiotics");
    await user.click(await screen.findByTestId("antibiotic-add"));
    const form = within(screen.getByTestId("antibiotic-form"));
    await user.selectOptions(form.getByTestId("antibiotic-person"), "p05");
    await user.type(form.getByTestId("antibiotic-drug"), "レボフロキサシン");
    await user.type(form.getByTestId("antibiotic-start"), "2026-01-02");
    await user.click(form.getByTestId("antibiotic-save"));
    await waitFor(() => expect(s.createAntibiotic).toHaveBeenCalledTimes(1));
    expect(s.createAntibiotic.mock.calls[0]![0]).toEqual({
      id: expect.stringMatching(UUID),
      personId: "p05",
      drug: "レボフロキサシン",
      startDate: "2026-01-02",
      endDate: null,
    });
    const table = await screen.findByTestId("antibiotics-table");
    expect(table.textContent).toContain("入所者5 幸子（105号室）");
    expect(table.textContent).toContain("使用中");
  });

  it("enters the end of a course; a day before the start is refused before sending", async () => {
    const user = userEvent.setup();
    const s = server([{ id: "a1", personId: "p09", drug: null, startDate: "2026-01-05", endDate: null }]);
    renderSignedIn(<AntibioticsPage />, s.api, "/records/antibiotics");
    await user.click(await screen.findByTestId("antibiotic-end-a1"));
    const form = within(screen.getByTestId("antibiotic-end-form"));
    await user.type(form.getByTestId("antibiotic-end-date"), "2026-01-04");
    await user.click(form.getByTestId("antibiotic-end-save"));
    expect((form.getByTestId("antibiotic-end-date") as HTMLInputElement).validity.rangeUnderflow).toBe(true);
    expect(s.endAntibiotic).not.toHaveBeenCalled();

    await user.clear(form.getByTestId("antibiotic-end-date"));
    await user.type(form.getByTestId("antibiotic-end-date"), "2026-01-11");
    await user.click(form.getByTestId("antibiotic-end-save"));
    await waitFor(() => expect(screen.queryByTestId("antibiotic-end-form")).toBeNull());
    expect(s.endAntibiotic).toHaveBeenLastCalledWith("a1", "2026-01-11");
    expect(screen.getByTestId("antibiotic-a1").textContent).toContain("2026年1月11日(日)");
  });
});

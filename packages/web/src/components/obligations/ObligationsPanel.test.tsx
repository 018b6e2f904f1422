import { evaluateObligations, OBLIGATION_SCHEDULE } from "@mamori/domain/obligations";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ObligationState } from "../../api/routine.ts";
import { setLang } from "../../i18n/index.ts";
import { fakeApi, renderSignedIn, TEST_FACILITY } from "../../test/render.tsx";
import { fakeRoutineApi } from "../../test/routine-fake.ts";
import { ObligationsPanel } from "./ObligationsPanel.tsx";

// The states come from the domain function itself, so the panel is shown what the server would send.
function states(): { asOf: string; items: ObligationState[] } {
  const { asOf, items } = evaluateObligations({
    asOf: "2026-12-02",
    staff: [{ id: "s1", hiredOn: "2026-10-20" }],
    committeeMeetings: [{ date: "2026-08-27" }],
    trainings: [
      { date: "2026-05-31", kind: "regular", attendees: [] },
      { date: "2026-10-18", kind: "regular", attendees: [] },
      { date: "2025-06-01", kind: "regular", attendees: [] },
      { date: "2025-10-20", kind: "regular", attendees: [] },
    ],
    humidifiers: [
      {
        id: "h1",
        type: "household",
        season: { from: "2026-11-01", to: null },
        log: [{ date: "2026-12-01", action: "tank_change" }],
      },
    ],
  });
  return {
    asOf,
    items: items.map((i) => ({
      ...i,
      subjectName: i.subject.staffId ? "木村 拓也" : i.subject.humidifierId ? "1階 食堂の加湿器" : null,
      rule: OBLIGATION_SCHEDULE[i.code].rule,
      source: OBLIGATION_SCHEDULE[i.code].source,
    })),
  };
}

function show() {
  const obligations = vi.fn(async () => states());
  renderSignedIn(
    <ObligationsPanel facility={TEST_FACILITY} />,
    fakeApi({ routine: fakeRoutineApi({ obligations }) }),
  );
  return obligations;
}

describe("ObligationsPanel", () => {
  it("lists the overdue items first with what to do, the due day as written here, and the source on request", async () => {
    setLang("ja");
    const obligations = show();
    expect((await screen.findByTestId("obligations-overdue")).textContent).toBe("期限切れ 2件");
    expect(obligations).toHaveBeenCalledWith("f1");
    const items = screen.getAllByRole("listitem").filter((li) => li.dataset.status);
    expect(items.map((li) => [li.dataset.testid, li.dataset.status])).toEqual([
      ["obligation-COMMITTEE", "overdue"],
      ["obligation-NEW_HIRE_TRAINING", "overdue"],
      ["obligation-HUMIDIFIER_TANK", "due_soon"],
    ]);
    const committee = screen.getByTestId("obligation-COMMITTEE");
    expect(committee.textContent).toContain("期限 11月27日(金)");
    expect(committee.textContent).toContain("前回 8月27日(木)");
    expect(committee.textContent).toContain("委員会を開き、議事録と決定事項を残して職員に回覧してください。");
    expect(committee.textContent).toContain("12ページ");
    expect(screen.getByTestId("obligation-NEW_HIRE_TRAINING").textContent).toContain("木村 拓也");
    expect(screen.getByTestId("obligation-NEW_HIRE_TRAINING").textContent).toContain("期限 11月19日(木)");
    expect(screen.getByTestId("obligations-panel").textContent).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
  });

  it("keeps what is done folded, and opens it on request", async () => {
    setLang("ja");
    show();
    await screen.findByTestId("obligations-overdue");
    expect(screen.queryAllByText("定期研修（年度ごと）")).toHaveLength(0);
    await userEvent.click(screen.getByTestId("obligations-toggle-done"));
    expect(screen.getAllByText("定期研修（年度ごと）")).toHaveLength(2);
    expect(screen.getAllByTestId("obligation-REGULAR_TRAINING")[0]!.textContent).toContain(
      "2026年度 2回／2回",
    );
  });

  it("speaks English when asked", async () => {
    setLang("en");
    show();
    expect((await screen.findByTestId("obligations-overdue")).textContent).toBe("2 overdue");
    expect(screen.getByTestId("obligation-COMMITTEE").textContent).toContain("due Fri 27 Nov");
    setLang("ja");
  });
});

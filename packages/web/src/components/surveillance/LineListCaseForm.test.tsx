import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { LineListEntry } from "../../api/surveillance-types.ts";
import { renderWithI18n } from "../../test/render.tsx";
import { LineListCaseForm } from "./LineListCaseForm.tsx";

const entry: LineListEntry = {
  key: "c1",
  caseId: "c1",
  version: 1,
  source: "recorded",
  person: { id: "p1", name: "山田 花子", kind: "resident", job: null },
  unit: null,
  room: null,
  subject: { group: "GI" },
  disease: null,
  status: "suspected",
  onsetDate: "2026-11-30",
  onsetAt: null,
  lastSymptomDate: null,
  resolvedDate: null,
  diagnosedDate: null,
  notifiedDate: null,
  notification: null,
  remarks: null,
  outcomes: [],
  days: [],
  symptomFreeDays: 0,
  closeOffer: null,
};

describe("LineListCaseForm: notification to the health centre (manual p.48; 付録2 表A2)", () => {
  it("says EHEC is notified at once once confirmed, with its deadline, and sends the notified date", async () => {
    const onSave = vi.fn(async () => {});
    renderWithI18n(<LineListCaseForm entry={entry} today="2026-12-02" onSave={onSave} onCancel={() => {}} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId("line-disease"), "ehec");
    await user.click(screen.getByTestId("line-status-confirmed"));
    await user.type(screen.getByTestId("line-diagnosed"), "2026-12-01");
    const status = screen.getByTestId("notify-status");
    expect(status.textContent).toContain("感染症法 3類感染症（全数把握）");
    // 「診断後直ちに届出（全数）」: due the day of diagnosis, so one day late today.
    expect(screen.getByTestId("notify-due").textContent).toBe(
      " 診断後直ちに — 期限 12月1日(火)（期限を1日過ぎています）",
    );
    expect(status.dataset.state).toBe("overdue");
    await user.type(screen.getByTestId("line-notified"), "2026-12-02");
    expect(screen.getByTestId("notify-done").textContent).toContain("届出済み 12月2日(水)");
    await user.click(screen.getByTestId("line-save"));
    expect(onSave).toHaveBeenCalledWith({
      update: {
        id: "c1",
        patch: expect.objectContaining({
          disease: "ehec",
          diagnosedDate: "2026-12-01",
          notifiedDate: "2026-12-02",
        }),
      },
    });
  });

  it("asks no date for norovirus (定点: only sentinel institutions notify) and says so", async () => {
    renderWithI18n(
      <LineListCaseForm entry={entry} today="2026-12-02" onSave={async () => {}} onCancel={() => {}} />,
    );
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId("line-disease"), "norovirus");
    expect(screen.getByTestId("notify-status").textContent).toContain("定点把握");
    expect(screen.queryByTestId("line-notified")).toBeNull();
    expect(screen.queryByTestId("notify-due")).toBeNull();
  });
});

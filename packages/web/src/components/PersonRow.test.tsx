import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RoundPerson } from "../api/types.ts";
import type { OutboxItem } from "../outbox/outbox.ts";
import { buildRow } from "../round/round-state.ts";
import { renderWithI18n } from "../test/render.tsx";
import { PersonRow } from "./PersonRow.tsx";

const person: RoundPerson = {
  id: "p1",
  name: "吉田 和子",
  kind: "short_stay",
  room: "101号室",
  baselineTempC: 36.3,
  observations: [],
};

const queued = (
  extra: Partial<OutboxItem["observation"]>,
  status: OutboxItem["status"] = "pending",
): OutboxItem => ({
  observation: { id: "o1", personId: "p1", at: "2026-11-23T07:00:00+09:00", symptoms: [], ...extra },
  day: "2026-11-23",
  unitId: "unit-1",
  queuedAt: "2026-11-23T07:00:00+09:00",
  attempts: 1,
  status,
});

describe("PersonRow", () => {
  it("someone unchecked shows 未確認 and a one-tap 変わりなし", async () => {
    const user = userEvent.setup();
    const onClear = vi.fn();
    const onOpen = vi.fn();
    renderWithI18n(<PersonRow row={buildRow(person, [])} canRecord onClear={onClear} onOpen={onOpen} />);
    const row = screen.getByTestId("row-p1");
    expect(row.dataset.status).toBe("unchecked");
    expect(row.textContent).toContain("未確認");
    expect(screen.getByTestId("kind-badge").textContent).toBe("ショートステイ");
    await user.click(screen.getByTestId("clear-p1"));
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(onOpen).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("open-p1"));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it("once checked there is no 変わりなし button to tap twice; a queued entry shows 送信待ち", () => {
    renderWithI18n(
      <PersonRow row={buildRow(person, [queued({})])} canRecord onClear={vi.fn()} onOpen={vi.fn()} />,
    );
    expect(screen.queryByTestId("clear-p1")).toBeNull();
    expect(screen.getByTestId("row-p1").dataset.status).toBe("clear");
    expect(screen.getByTestId("pending-p1").textContent).toBe("送信待ち");
  });

  it("a finding shows the temperature, 発熱 from the usual temperature, and the symptom", () => {
    // 37.3 °C is a fever for someone whose usual temperature is 36.3 °C (usual + 1.0, manual p.34).
    const row = buildRow(person, [queued({ tempC: 37.3, symptoms: ["vomiting"] })]);
    renderWithI18n(<PersonRow row={row} canRecord onClear={vi.fn()} onOpen={vi.fn()} />);
    expect(screen.getByTestId("row-p1").dataset.status).toBe("finding");
    expect(screen.getByTestId("temp-p1").textContent).toBe("37.3℃");
    expect(screen.getByTestId("fever-badge").textContent).toBe("発熱");
    expect(screen.getByTestId("row-symptom-p1-vomiting").textContent).toBe("嘔吐");
  });

  it("a refused entry leaves the person unchecked and says so", () => {
    const row = buildRow(person, [queued({}, "rejected")]);
    renderWithI18n(<PersonRow row={row} canRecord onClear={vi.fn()} onOpen={vi.fn()} />);
    expect(screen.getByTestId("row-p1").dataset.status).toBe("unchecked");
    expect(screen.getByTestId("rejected-p1")).toBeTruthy();
  });

  it("a role that may not record sees no 変わりなし button", () => {
    renderWithI18n(
      <PersonRow row={buildRow(person, [])} canRecord={false} onClear={vi.fn()} onOpen={vi.fn()} />,
    );
    expect(screen.queryByTestId("clear-p1")).toBeNull();
  });

  it("tells a screen reader who and the day's state: 未確認, 変わりなし, 38.4℃ 発熱 and the symptoms", () => {
    const open = () => screen.getByTestId("open-p1");
    const { rerender } = renderWithI18n(
      <PersonRow row={buildRow(person, [])} canRecord onClear={vi.fn()} onOpen={vi.fn()} />,
    );
    expect(open().getAttribute("aria-label")).toBe("101号室 吉田 和子 ショートステイ、未確認");
    expect(screen.getByTestId("clear-p1").getAttribute("aria-label")).toBe(
      "101号室 吉田 和子 ショートステイ 変わりなし",
    );
    rerender(
      <PersonRow row={buildRow(person, [queued({}, "sent")])} canRecord onClear={vi.fn()} onOpen={vi.fn()} />,
    );
    expect(open().getAttribute("aria-label")).toBe("101号室 吉田 和子 ショートステイ、変わりなし");
    const resident = { ...person, kind: "resident" as const };
    rerender(
      <PersonRow
        row={buildRow(resident, [queued({ tempC: 38.4, symptoms: ["vomiting", "diarrhea"] })])}
        canRecord
        onClear={vi.fn()}
        onOpen={vi.fn()}
      />,
    );
    expect(open().getAttribute("aria-label")).toBe("101号室 吉田 和子、38.4℃ 発熱、嘔吐、下痢、送信待ち");
    // 37.6 °C is a low-grade fever (37.5 up to 38.0, manual p.33–34) when the usual temperature is 36.8 (not + 1.0).
    rerender(
      <PersonRow
        row={buildRow({ ...resident, baselineTempC: 36.8 }, [queued({ tempC: 37.6 }, "sent")])}
        canRecord
        onClear={vi.fn()}
        onOpen={vi.fn()}
      />,
    );
    expect(open().getAttribute("aria-label")).toBe("101号室 吉田 和子、37.6℃ 微熱");
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { BathUse } from "../../api/records-types.ts";
import type { Facility, User } from "../../api/types.ts";
import { FIXTURE_PEOPLE } from "../../test/alerts-fixture.ts";
import { fakeApi, renderSignedIn, TEST_FACILITY, TEST_USER, testUser } from "../../test/render.tsx";
import { BathPage } from "./BathPage.tsx";

const FACILITY: Facility = {
  ...TEST_FACILITY,
  units: [
    { id: "unit-1", name: "1階 さくらユニット", floor: "1F", rooms: [] },
    { id: "unit-2", name: "2階 もみじユニット", floor: "2F", rooms: [] },
  ],
};
const DAY = "2026-01-08";

/** A server holding bath use by day, as GET/POST/DELETE /api/bath-uses do. */
function server(initial: BathUse[], user: User = TEST_USER) {
  const stored = [...initial];
  const saveBathDay = vi.fn(async (date: string, personIds: string[]) => {
    for (const personId of personIds) stored.push({ personId, date });
    return { saved: personIds.length, duplicates: 0 };
  });
  const removeBathUse = vi.fn(async (date: string, personId: string) => {
    const i = stored.findIndex((u) => u.date === date && u.personId === personId);
    if (i >= 0) stored.splice(i, 1);
    return { removed: i >= 0 ? 1 : 0 };
  });
  const api = fakeApi({
    me: async () => user,
    facility: async () => FACILITY,
    people: async () => FIXTURE_PEOPLE,
    bathUses: async (from, to) => stored.filter((u) => u.date >= from && u.date <= to),
    saveBathDay,
    removeBathUse,
  });
  return { api, stored, saveBathDay, removeBathUse };
}

describe("BathPage", () => {
  it("lets a care worker tick who bathed and take off a tick made by mistake, sending only the changes", async () => {
    const user = userEvent.setup();
    const s = server([{ personId: "p02", date: DAY }]);
    renderSignedIn(<BathPage date={DAY} />, s.api, `/records/bath/${DAY}`);
    const p02 = (await screen.findByTestId("bath-p02")) as HTMLInputElement;
    expect(p02.checked).toBe(true);
    expect((screen.getByTestId("bath-save") as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByTestId("bath-p01"));
    await user.click(screen.getByTestId("bath-p07"));
    await user.click(p02);
    expect(screen.getByText("まだ保存していない変更があります。")).toBeTruthy();
    await user.click(screen.getByTestId("bath-save"));

    expect((await screen.findByTestId("bath-saved")).textContent).toBe("保存しました（入浴 2人）。");
    expect(s.saveBathDay).toHaveBeenCalledWith(DAY, ["p01", "p07"]);
    expect(s.removeBathUse).toHaveBeenCalledWith(DAY, "p02");
    expect(s.stored.map((u) => u.personId).sort()).toEqual(["p01", "p07"]);
  });

  it("ticks a whole unit in one tap", async () => {
    const user = userEvent.setup();
    const s = server([]);
    renderSignedIn(<BathPage date={DAY} />, s.api, `/records/bath/${DAY}`);
    const unit2 = await screen.findByTestId("bath-unit-unit-2");
    await user.click(within(unit2).getByText("このユニット全員に✓"));
    expect(within(unit2).getByText("✓ 6人")).toBeTruthy();
    await user.click(screen.getByTestId("bath-save"));
    await waitFor(() =>
      expect(s.saveBathDay).toHaveBeenCalledWith(DAY, ["p07", "p08", "p09", "p10", "p11", "p12"]),
    );
  });

  it("shows a physician the sheet without letting them change it", async () => {
    const physician: User = testUser({ id: "u-doc", role: "physician" });
    const s = server([{ personId: "p02", date: DAY }], physician);
    renderSignedIn(<BathPage date={DAY} />, s.api, `/records/bath/${DAY}`);
    const p02 = (await screen.findByTestId("bath-p02")) as HTMLInputElement;
    expect(p02.checked).toBe(true);
    expect(p02.disabled).toBe(true);
    expect(screen.queryByTestId("bath-save")).toBeNull();
  });
});

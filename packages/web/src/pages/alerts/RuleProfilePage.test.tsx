import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Facility, User } from "../../api/types.ts";
import { fakeApi, renderSignedIn, TEST_FACILITY, testUser } from "../../test/render.tsx";
import { RuleProfilePage } from "./RuleProfilePage.tsx";

const DIRECTOR: User = testUser({ id: "u-dir", role: "director" });

describe("RuleProfilePage", () => {
  it("marks the profile in use and lets the director choose another, saved on the facility", async () => {
    const user = userEvent.setup();
    let facility: Facility = TEST_FACILITY;
    const updateFacility = vi.fn(async (patch: { ruleProfile?: string }) => {
      facility = { ...facility, ruleProfile: patch.ruleProfile ?? facility.ruleProfile };
      return facility;
    });
    renderSignedIn(
      <RuleProfilePage />,
      fakeApi({ me: async () => DIRECTOR, facility: async () => facility, updateFacility }),
      "/setup/rules",
    );
    const national = await screen.findByTestId("profile-mhlw-2005");
    expect(national.dataset.current).toBe("true");
    expect(national.textContent).toContain("使用中");
    expect(within(national).getByTestId("profile-mhlw-2005-GI").textContent).toContain("利用者の半数以上");
    const childcare = screen.getByTestId("profile-childcare");
    expect(childcare.textContent).toContain("利用者の2割以上");

    await user.click(screen.getByTestId("profile-choose-childcare"));
    expect(updateFacility).toHaveBeenCalledWith({ ruleProfile: "childcare" });
    expect((await screen.findByTestId("profile-saved")).textContent).toContain("保育所・学校等");
    await waitFor(() => expect(screen.getByTestId("profile-childcare").dataset.current).toBe("true"));
    expect(screen.getByTestId("profile-mhlw-2005").dataset.current).toBe("false");
  });

  it("shows a nurse the rules without a way to change them", async () => {
    const nurse: User = testUser({ role: "nurse" });
    renderSignedIn(<RuleProfilePage />, fakeApi({ me: async () => nurse }), "/setup/rules");
    expect(await screen.findByTestId("profile-city-strict")).toBeTruthy();
    expect(screen.queryByTestId("profile-choose-childcare")).toBeNull();
    expect(screen.getByText("報告基準の設定は、施設長・管理者ができます。")).toBeTruthy();
  });
});

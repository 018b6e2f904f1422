import type { CreDrugKey } from "@mamori/domain/cre";
import { defaultCreAvailability } from "@mamori/domain/cre";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeCreApi } from "../../test/cre-fake.ts";
import { AST_USER, LAB_USER } from "../../test/cre-users.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { CreAvailabilityPage } from "./CreAvailabilityPage.tsx";

const DEFAULT = { drugs: defaultCreAvailability(), isDefault: true, updatedAt: null };

describe("CreAvailabilityPage", () => {
  it("lets the AST take a drug off the formulary and save", async () => {
    const user = userEvent.setup();
    const setAvailability = vi.fn(async (drugs: CreDrugKey[]) => ({
      drugs,
      isDefault: false,
      updatedAt: "2026-11-23T01:00:00.000Z",
    }));
    renderSignedIn(
      <CreAvailabilityPage />,
      fakeApi({
        me: async () => AST_USER,
        cre: fakeCreApi({ availability: async () => DEFAULT, setAvailability }),
      }),
      "/cre/availability",
    );
    const cefiderocol = (await screen.findByTestId("cre-drug-cefiderocol")) as HTMLInputElement;
    expect(cefiderocol.checked).toBe(true);
    // cre-reference.md §4.9: meropenem-vaborbactam is not marketed in Japan, so it is off by default.
    expect((screen.getByTestId("cre-drug-meropenem_vaborbactam") as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId("cre-availability-default").textContent).toContain("初期設定");
    await user.click(cefiderocol);
    await user.click(screen.getByTestId("cre-availability-save"));
    await waitFor(() => expect(setAvailability).toHaveBeenCalledOnce());
    expect(setAvailability.mock.calls[0]![0]).not.toContain("cefiderocol");
    expect(await screen.findByTestId("cre-availability-saved")).toBeTruthy();
  });

  it("shows the laboratory the list without letting it change", async () => {
    renderSignedIn(
      <CreAvailabilityPage />,
      fakeApi({ me: async () => LAB_USER, cre: fakeCreApi({ availability: async () => DEFAULT }) }),
      "/cre/availability",
    );
    expect(((await screen.findByTestId("cre-drug-cefiderocol")) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByTestId("cre-availability-save")).toBeNull();
  });
});

import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeCreApi } from "../../test/cre-fake.ts";
import { CASE_LIST } from "../../test/cre-fixtures.ts";
import { ADMIN_USER, AST_USER } from "../../test/cre-users.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { CreCasesPage } from "./CreCasesPage.tsx";

describe("CreCasesPage", () => {
  it("lists the demo hospital's cases with their state and counts what waits", async () => {
    const cases = vi.fn(async () => CASE_LIST);
    renderSignedIn(
      <CreCasesPage />,
      fakeApi({ me: async () => AST_USER, cre: fakeCreApi({ cases }) }),
      "/cre",
    );
    await screen.findByTestId("cre-cases");
    expect(cases).toHaveBeenCalledWith("ja");
    const [pending, cystitis, mbl] = CASE_LIST;
    const pendingRow = screen.getByTestId(`cre-case-row-${pending!.id}`);
    expect(within(pendingRow).getByTestId("cre-state-workup").textContent).toBe(
      "検査待ち: mCIM法 / Carba NP法",
    );
    expect(within(pendingRow).getByTestId("cre-state-physician")).toBeTruthy();
    const cystitisRow = screen.getByTestId(`cre-case-row-${cystitis!.id}`);
    expect(within(cystitisRow).getByTestId("cre-state-notify").getAttribute("data-due")).toBe(
      cystitis!.notification.dueDate,
    );
    expect(within(cystitisRow).getByText("エンテロバクター・クロアカ")).toBeTruthy();
    const mblRow = screen.getByTestId(`cre-case-row-${mbl!.id}`);
    expect(within(mblRow).getByTestId("cre-state-notified")).toBeTruthy();
    expect(within(mblRow).getByTestId("cre-state-survey")).toBeTruthy();
    expect(within(mblRow).getByTestId("cre-state-order").getAttribute("data-status")).toBe("approved");
    expect(screen.getByTestId("cre-count-workup").textContent).toBe("1検査待ち");
    expect(screen.getByTestId("cre-count-notify").textContent).toBe("1届出が必要（未届出）");
    expect(screen.getByTestId("cre-count-order").textContent).toBe("0セフィデロコル承認待ち");
  });

  it("sends an administrator to the formulary instead of asking for cases", async () => {
    const cases = vi.fn(async () => CASE_LIST);
    renderSignedIn(
      <CreCasesPage />,
      fakeApi({ me: async () => ADMIN_USER, cre: fakeCreApi({ cases }) }),
      "/cre",
    );
    expect(await screen.findByTestId("cre-nav-availability")).toBeTruthy();
    expect(screen.queryByTestId("cre-nav-list")).toBeNull();
    expect(cases).not.toHaveBeenCalled();
  });
});

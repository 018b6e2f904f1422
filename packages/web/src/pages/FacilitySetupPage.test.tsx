import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { FacilityPatch, Overseers } from "../api/account-types.ts";
import { ApiError } from "../api/errors.ts";
import type { Facility, User } from "../api/types.ts";
import { fakeApi, renderSignedIn, TEST_FACILITY, testUser } from "../test/render.tsx";
import { FacilitySetupPage } from "./FacilitySetupPage.tsx";

const DIRECTOR: User = testUser({ id: "u-dir", displayName: "施設長 一郎", role: "director" });
const HC_OTHER = "6b1d3c52-7c9e-4f43-9a43-0a3c7a2b9e11";
const OVERSEERS: Overseers = {
  healthCentres: [
    { id: "hc", name: "みなと市保健所" },
    { id: HC_OTHER, name: "やまて保健所" },
  ],
  municipalities: [{ id: "m", name: "みなと市" }],
};

function directorApi(overrides: Parameters<typeof fakeApi>[0] = {}) {
  let facility: Facility = TEST_FACILITY;
  const facilityCall = vi.fn(async () => facility);
  const updateFacility = vi.fn(async (patch: FacilityPatch) => {
    facility = { ...facility, ...patch };
    return facility;
  });
  const api = fakeApi({
    me: async () => DIRECTOR,
    facility: facilityCall,
    overseers: async () => OVERSEERS,
    updateFacility,
    ...overrides,
  });
  return { api, updateFacility, facilityCall };
}

describe("FacilitySetupPage", () => {
  it("sets the prefecture (of the 47, written in full) and sends only it", async () => {
    const user = userEvent.setup();
    const { api, updateFacility } = directorApi();
    renderSignedIn(<FacilitySetupPage />, api, "/setup/facility");
    const prefecture = (await screen.findByTestId("facility-prefecture")) as HTMLSelectElement;
    expect(prefecture.value).toBe("");
    expect(prefecture.options).toHaveLength(48);
    await user.selectOptions(prefecture, "大阪府");
    await user.click(screen.getByTestId("facility-save"));
    await waitFor(() => expect(updateFacility).toHaveBeenCalledWith({ prefecture: "大阪府" }));
  });

  it("lets the director change name, type, time zone and health centre, sending only what changed", async () => {
    const user = userEvent.setup();
    const { api, updateFacility, facilityCall } = directorApi();
    renderSignedIn(<FacilitySetupPage />, api, "/setup/facility");

    const name = await screen.findByTestId("facility-name");
    expect((name as HTMLInputElement).value).toBe("特別養護老人ホーム さくらの里");
    const type = screen.getByTestId("facility-type") as HTMLSelectElement;
    expect(type.value).toBe("elderly_care");
    // The four types in plain Japanese, as the brief for this page names them.
    expect([...type.options].map((o) => o.textContent)).toEqual([
      "特別養護老人ホーム等の高齢者施設",
      "保育所等",
      "障害者施設",
      "病院",
    ]);
    const zone = screen.getByTestId("facility-time-zone") as HTMLSelectElement;
    expect(zone.value).toBe("Asia/Tokyo");
    expect(zone.options[0]?.value).toBe("Asia/Tokyo");
    const healthCentre = screen.getByTestId("facility-health-centre") as HTMLSelectElement;
    await waitFor(() => expect(healthCentre.disabled).toBe(false));
    expect([...healthCentre.options].map((o) => o.textContent)).toEqual(["みなと市保健所", "やまて保健所"]);

    await user.clear(name);
    await user.type(name, "さくらの里 本館");
    await user.selectOptions(type, "hospital");
    await user.selectOptions(zone, "other");
    await user.type(screen.getByTestId("facility-time-zone-custom"), "Europe/Berlin");
    await user.selectOptions(healthCentre, HC_OTHER);
    await user.click(screen.getByTestId("facility-save"));

    expect(updateFacility).toHaveBeenCalledTimes(1);
    expect(updateFacility).toHaveBeenCalledWith({
      name: "さくらの里 本館",
      type: "hospital",
      timeZone: "Europe/Berlin",
      healthCentreId: HC_OTHER,
    });
    expect((await screen.findByTestId("facility-saved")).textContent).toBe("施設の設定を保存しました。");
    // The facility the other pages use (time zone of the round's "today") is read again.
    await waitFor(() => expect(facilityCall).toHaveBeenCalledTimes(2));
  });

  it("shows the server's field errors in Japanese beside their fields", async () => {
    const user = userEvent.setup();
    const refusal = new ApiError(400, "validation_failed", "Invalid input: name, healthCentreId", [
      // zod 4's message for max(200) and the route's own for an id that is not a health centre
      // (packages/server/src/routes/facility/schema.ts and routes.ts).
      { path: "name", message: "Too big: expected string to have <=200 characters" },
      { path: "healthCentreId", message: "unknown health centre" },
    ]);
    const updateFacility = vi.fn(async () => Promise.reject(refusal));
    const { api } = directorApi({ updateFacility });
    renderSignedIn(<FacilitySetupPage />, api, "/setup/facility");

    const name = await screen.findByTestId("facility-name");
    await waitFor(() =>
      expect((screen.getByTestId("facility-health-centre") as HTMLSelectElement).disabled).toBe(false),
    );
    await user.type(name, "（別館）");
    await user.selectOptions(screen.getByTestId("facility-health-centre"), HC_OTHER);
    await user.click(screen.getByTestId("facility-save"));

    expect((await screen.findByTestId("field-error-name")).textContent).toBe("200文字以内にしてください");
    expect(screen.getByTestId("field-error-healthCentreId").textContent).toBe(
      "一覧にある保健所を選んでください",
    );
    // Beside the field, inside its label: the message belongs to that field.
    expect(within(name.closest("label")!).getByTestId("field-error-name")).toBeTruthy();
    expect(name.getAttribute("aria-describedby")).toBe("name-error");
    expect(screen.getByTestId("form-problem").textContent).toBe("入力内容を確認してください。");
    expect(screen.queryByTestId("facility-saved")).toBeNull();
    expect(updateFacility).toHaveBeenCalledTimes(1);
  });

  it("checks the name and the time zone before sending", async () => {
    const user = userEvent.setup();
    const { api, updateFacility } = directorApi();
    renderSignedIn(<FacilitySetupPage />, api, "/setup/facility");

    await user.clear(await screen.findByTestId("facility-name"));
    await user.selectOptions(screen.getByTestId("facility-time-zone"), "other");
    await user.type(screen.getByTestId("facility-time-zone-custom"), "Tokyo");
    await user.click(screen.getByTestId("facility-save"));

    expect(screen.getByTestId("field-error-name").textContent).toBe("施設名を入力してください。");
    expect(screen.getByTestId("field-error-timeZone").textContent).toContain("使えない時間帯です");
    expect(updateFacility).not.toHaveBeenCalled();

    // Any IANA zone is accepted, not only the offered ones.
    await user.type(screen.getByTestId("facility-name"), "さくらの里");
    await user.clear(screen.getByTestId("facility-time-zone-custom"));
    await user.type(screen.getByTestId("facility-time-zone-custom"), "America/Argentina/Buenos_Aires");
    await user.click(screen.getByTestId("facility-save"));
    expect(updateFacility).toHaveBeenCalledWith({
      name: "さくらの里",
      timeZone: "America/Argentina/Buenos_Aires",
    });
  });

  it("says so when nothing has changed, without calling the server", async () => {
    const user = userEvent.setup();
    const { api, updateFacility } = directorApi();
    renderSignedIn(<FacilitySetupPage />, api, "/setup/facility");
    await user.click(await screen.findByTestId("facility-save"));
    expect(screen.getByTestId("facility-unchanged").textContent).toBe("変更はありません。");
    expect(updateFacility).not.toHaveBeenCalled();
  });

  it("opens a zone that is not in the short list as typed text", async () => {
    const berlin: Facility = { ...TEST_FACILITY, timeZone: "Europe/Berlin" };
    const { api } = directorApi({ facility: async () => berlin });
    renderSignedIn(<FacilitySetupPage />, api, "/setup/facility");
    const custom = (await screen.findByTestId("facility-time-zone-custom")) as HTMLInputElement;
    expect(custom.value).toBe("Europe/Berlin");
    expect((screen.getByTestId("facility-time-zone") as HTMLSelectElement).value).toBe("other");
  });

  it("shows a care worker the settings to read, without a form, and no accounts tab", async () => {
    const overseers = vi.fn(async () => OVERSEERS);
    renderSignedIn(<FacilitySetupPage />, fakeApi({ overseers }), "/setup/facility");
    const facts = await screen.findByTestId("facility-facts");
    expect(facts.textContent).toContain("特別養護老人ホーム等の高齢者施設");
    expect(facts.textContent).toContain("日本（Asia/Tokyo）");
    expect(facts.textContent).toContain("みなと市保健所");
    expect(screen.getByText("施設の設定の変更は、施設長・管理者ができます。")).toBeTruthy();
    expect(screen.queryByTestId("facility-form")).toBeNull();
    expect(overseers).not.toHaveBeenCalled();
    expect(screen.getByTestId("setup-facility").getAttribute("aria-current")).toBe("page");
    expect(screen.queryByTestId("setup-accounts")).toBeNull();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors.ts";
import type { Equipment, RoutineRecord, RoutineSettings } from "../../api/routine.ts";
import { setLang } from "../../i18n/index.ts";
import { fakeApi, renderSignedIn, TEST_USER, testUser } from "../../test/render.tsx";
import { fakeRoutineApi } from "../../test/routine-fake.ts";
import { EquipmentPage } from "./EquipmentPage.tsx";
import { GuidelinePage } from "./GuidelinePage.tsx";
import { InspectionPage } from "./InspectionPage.tsx";
import { SettingsPage } from "./SettingsPage.tsx";

const DEFAULTS: RoutineSettings = {
  committeeEveryMonths: 3,
  newHireTrainingDays: 30,
  regularTrainingsPerYear: 2,
  fiscalYearStartMonth: 4,
  guidelineReviewMonths: 12,
  healthCheckEveryMonths: 12,
  fluVaccineDueMonth: 12,
  circulatingBathWaterChangeDays: 7,
  retentionYears: 5,
  influenzaDaysAfterOnset: 5,
  influenzaDaysAfterFever: 2,
  giSymptomFreeDays: 2,
};

const record = (over: Partial<RoutineRecord>): RoutineRecord => ({
  id: "r1",
  type: "guideline_version",
  date: "2026-04-01",
  personId: null,
  equipmentId: null,
  data: {},
  flagged: false,
  attendeeIds: [],
  acknowledgements: [],
  recordedAt: "2026-04-01T00:00:00Z",
  ...over,
});

describe("SettingsPage", () => {
  it("shows each setting with its source, refuses a number out of range, and sends all of them", async () => {
    setLang("ja");
    const saveSettings = vi.fn(async (s: RoutineSettings) => s);
    renderSignedIn(
      <SettingsPage />,
      fakeApi({ routine: fakeRoutineApi({ settings: async () => DEFAULTS, saveSettings }) }),
    );
    const committee = await screen.findByTestId("setting-committeeEveryMonths");
    expect(within(committee).getByText("感染対策委員会の開催間隔")).toBeTruthy();
    // The source of the committee's rule, with its page.
    expect(within(committee).getByText(/定期的な開催に加えて/)).toBeTruthy();
    expect(within(committee).getByText(/12ページ/)).toBeTruthy();
    expect(
      within(screen.getByTestId("setting-influenzaDaysAfterOnset")).getByText(/学校保健安全法/),
    ).toBeTruthy();

    const days = screen.getByTestId("setting-input-newHireTrainingDays");
    await userEvent.clear(days);
    await userEvent.type(days, "0");
    expect(screen.getByText("この範囲で入れてください。")).toBeTruthy();
    expect((screen.getByTestId("settings-save") as HTMLButtonElement).disabled).toBe(true);
    await userEvent.clear(days);
    await userEvent.type(days, "14");
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(saveSettings).toHaveBeenCalledTimes(1));
    expect(saveSettings.mock.calls[0]![0]).toEqual({ ...DEFAULTS, newHireTrainingDays: 14 });
  }, 20_000);

  it("names the field the server refused", async () => {
    setLang("ja");
    const saveSettings = vi.fn(async () => {
      throw new ApiError(400, "validation", "bad", [
        { path: "retentionYears", message: "Too small: expected number to be >=3" },
      ]);
    });
    renderSignedIn(
      <SettingsPage />,
      fakeApi({
        routine: fakeRoutineApi({ settings: async () => DEFAULTS, saveSettings: saveSettings as never }),
      }),
    );
    await userEvent.click(await screen.findByTestId("settings-save"));
    expect(await screen.findByTestId("error-notice")).toBeTruthy();
    expect(screen.getByTestId("error-notice").textContent).toContain("記録の保存期間: 3以上にしてください");
  }, 20_000);
});

describe("EquipmentPage", () => {
  it("lists the register by kind with seasons, adds a humidifier with its season, and takes one out of use", async () => {
    setLang("ja");
    const list: Equipment[] = [
      {
        id: "e1",
        kind: "humidifier_builtin",
        name: "空調の加湿装置",
        seasonFrom: "2026-10-15",
        seasonTo: "2027-03-31",
        active: true,
      },
      {
        id: "e2",
        kind: "bath_circulating",
        name: "一般浴槽",
        seasonFrom: null,
        seasonTo: null,
        active: true,
      },
    ];
    const addEquipment = vi.fn(async (e: Omit<Equipment, "id">) => ({ ...e, id: "e3" }));
    const updateEquipment = vi.fn(async (id: string, patch: Partial<Equipment>) => ({
      ...list[0]!,
      ...patch,
      id,
    }));
    renderSignedIn(
      <EquipmentPage />,
      fakeApi({
        routine: fakeRoutineApi({
          equipment: async () => list,
          addEquipment: addEquipment as never,
          updateEquipment: updateEquipment as never,
        }),
      }),
    );
    const register = await screen.findByTestId("equipment-register");
    expect(within(register).getByText("加湿装置（空調に組み込み）")).toBeTruthy();
    expect(within(register).getByText(/使う期間 10月15日\(木\)～2027年3月31日\(水\)/)).toBeTruthy();

    await userEvent.type(screen.getByTestId("equipment-name"), "2階 食堂の加湿器");
    await userEvent.type(screen.getByTestId("equipment-season-from"), "2026-11-01");
    await userEvent.click(screen.getByTestId("equipment-save"));
    await waitFor(() => expect(addEquipment).toHaveBeenCalledTimes(1));
    expect(addEquipment.mock.calls[0]![0]).toEqual({
      kind: "humidifier_household",
      name: "2階 食堂の加湿器",
      seasonFrom: "2026-11-01",
      seasonTo: null,
      active: true,
    });

    await userEvent.click(within(register).getAllByRole("button", { name: "変更" })[0]!);
    const edit = screen.getByTestId("equipment-edit");
    await userEvent.click(within(edit).getByRole("checkbox"));
    await userEvent.click(within(edit).getByRole("button", { name: "変更を保存" }));
    await waitFor(() => expect(updateEquipment).toHaveBeenCalledTimes(1));
    expect(updateEquipment.mock.calls[0]).toEqual([
      "e1",
      { name: "空調の加湿装置", active: false, seasonFrom: "2026-10-15", seasonTo: "2027-03-31" },
    ]);
  }, 20_000);
});

describe("GuidelinePage", () => {
  it("lists versions newest first with read counts, records a new version, and confirms reading", async () => {
    setLang("ja");
    const versions = [
      record({ id: "v1", date: "2025-04-01", data: { document: "guideline", version: "1" } }),
      record({
        id: "v2",
        date: "2026-04-01",
        data: { document: "guideline", version: "2", summary: "嘔吐物処理の手順を追加" },
        acknowledgements: [{ userId: "someone", at: "2026-04-02T00:00:00Z" }],
      }),
    ];
    const create = vi.fn(async (_type: string, r: { id: string; date: string }) => record(r));
    const acknowledge = vi.fn(async () => ({ acknowledged: true }));
    renderSignedIn(
      <GuidelinePage manages />,
      fakeApi({
        routine: fakeRoutineApi({
          records: async () => versions,
          obligations: async () => ({ asOf: "2026-12-02", items: [] }),
          create: create as never,
          acknowledge,
        }),
      }),
    );
    const rows = await screen.findAllByTestId("guideline-version");
    expect(rows[0]!.textContent).toContain("第2版");
    expect(rows[0]!.textContent).toContain("現在の版");
    expect(rows[0]!.textContent).toContain("既読 1人");
    expect(rows[1]!.textContent).not.toContain("現在の版");

    await userEvent.type(screen.getByTestId("guideline-version-input"), "3");
    await userEvent.type(screen.getByTestId("guideline-summary"), "年1回の見直し");
    await userEvent.click(screen.getByTestId("guideline-save"));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toBe("guideline_version");
    expect((create.mock.calls[0]![1] as unknown as { data: object }).data).toEqual({
      document: "guideline",
      version: "3",
      summary: "年1回の見直し",
    });

    await userEvent.click(within(rows[0]!).getByTestId("guideline-read"));
    expect(acknowledge).toHaveBeenCalledWith("v2");
    expect(TEST_USER.id).toBe("u-care");
  }, 20_000);

  it("shows no form to a role that does not manage the routine", async () => {
    renderSignedIn(
      <GuidelinePage manages={false} />,
      fakeApi({
        routine: fakeRoutineApi({
          records: async () => [],
          obligations: async () => {
            throw new ApiError(403, "forbidden", "no", []);
          },
        }),
      }),
    );
    expect(await screen.findByText("まだ版の記録がありません。")).toBeTruthy();
    expect(screen.queryByTestId("guideline-form")).toBeNull();
  }, 20_000);
});

describe("InspectionPage: deletion within the retention period", () => {
  it("tells the lead a record is kept until its day when the server refuses its deletion", async () => {
    setLang("ja");
    vi.spyOn(globalThis, "confirm").mockReturnValue(true);
    const remove = vi.fn(async () => {
      throw new ApiError(409, "retention", "Records are kept for 5 years: this one until 2031-05-20.", [
        { path: "id", message: "kept until 2031-05-20" },
      ]);
    });
    renderSignedIn(
      <InspectionPage />,
      fakeApi({
        me: async () => testUser({ role: "ic_lead" }),
        people: async () => [],
        routine: fakeRoutineApi({
          records: async () => [
            record({
              id: "t1",
              type: "training",
              date: "2026-05-20",
              data: { kind: "regular", topic: "手洗い" },
            }),
          ],
          equipment: async () => [],
          remove,
        }),
      }),
      "/routine/inspection?type=training",
    );
    await userEvent.click(await screen.findByTestId("inspection-delete"));
    expect(remove).toHaveBeenCalledWith("t1");
    expect((await screen.findByTestId("inspection-removal")).textContent).toBe(
      "この記録は保存期間中のため削除できません（2031年5月20日(火)まで保存します）。",
    );
  }, 20_000);
});

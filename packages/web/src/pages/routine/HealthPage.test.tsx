import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Person } from "../../api/types.ts";
import { setLang } from "../../i18n/index.ts";
import { fakeApi, renderSignedIn } from "../../test/render.tsx";
import { fakeRoutineApi } from "../../test/routine-fake.ts";
import { HealthPage } from "./HealthPage.tsx";

const person = (id: string, name: string, kind: Person["kind"]): Person => ({
  id,
  name,
  nameKana: null,
  kind,
  job: kind === "staff" ? "care" : null,
  unit: null,
  unitId: null,
  room: null,
  roomId: null,
  baselineTempC: null,
  birthDate: null,
  active: true,
});

describe("HealthPage", () => {
  it("asks a resident's vaccination for the consent (manual p.4) and sends it; a staff member's without", async () => {
    setLang("ja");
    const create = vi.fn(async (type: string, record: { id: string; date: string }) => ({
      ...record,
      type,
      personId: null,
      equipmentId: null,
      data: {},
      flagged: false,
      attendeeIds: [],
      acknowledgements: [],
      recordedAt: "",
    }));
    const records = vi.fn(async () => []);
    renderSignedIn(
      <HealthPage />,
      fakeApi({
        people: async () => [person("s1", "木村 拓也", "staff"), person("r1", "佐藤 ハナ", "resident")],
        routine: fakeRoutineApi({ create: create as never, records }),
      }),
    );
    const who = await screen.findByTestId("health-person");
    await userEvent.selectOptions(who, "r1");
    expect(screen.getByText("同意した人")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "記録" }));
    expect(create).toHaveBeenCalledTimes(1);
    const [type, sent] = create.mock.calls[0] as unknown as [
      string,
      { personId: string; data: Record<string, unknown> },
    ];
    expect(type).toBe("vaccination");
    expect(sent.personId).toBe("r1");
    expect(sent.data).toMatchObject({ vaccine: "influenza", declined: false, consent: { by: "family" } });

    await userEvent.selectOptions(who, "s1");
    expect(screen.queryByText("同意した人")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "記録" }));
    const [, staff] = create.mock.calls[1] as unknown as [string, { data: Record<string, unknown> }];
    expect(staff.data.consent).toBeNull();
  }, 20_000);

  it("closes an exposure's follow-up after adding a dated step (manual p.31), keeping its data", async () => {
    setLang("ja");
    const exposure = {
      id: "x1",
      type: "occupational_exposure" as const,
      date: "2026-11-20",
      personId: "s1",
      equipmentId: null,
      data: { kind: "needle_stick", followUp: "", steps: [], followUpDoneOn: null },
      flagged: false,
      attendeeIds: [],
      acknowledgements: [],
      recordedAt: "",
    };
    let stored = exposure;
    const update = vi.fn(async (_id: string, patch: { data: Record<string, unknown> }) => {
      stored = { ...stored, data: patch.data as typeof exposure.data };
      return stored;
    });
    renderSignedIn(
      <HealthPage />,
      fakeApi({
        people: async () => [person("s1", "木村 拓也", "staff")],
        routine: fakeRoutineApi({ records: async () => [stored], update: update as never }),
      }),
    );
    const row = await screen.findByTestId("exposure-row");
    expect(row.textContent).toContain("木村 拓也");
    expect(row.textContent).toContain("針刺し");
    await userEvent.type(screen.getByTestId("exposure-step-text"), "HBs抗体を検査");
    await userEvent.click(screen.getByTestId("exposure-add-step"));
    await screen.findByTestId("exposure-steps");
    expect(update.mock.calls[0]![1].data).toMatchObject({
      kind: "needle_stick",
      steps: [{ text: "HBs抗体を検査" }],
      followUpDoneOn: null,
    });
    await userEvent.click(screen.getByTestId("exposure-close"));
    expect(await screen.findByText("経過観察中の曝露はありません。")).toBeTruthy();
    expect(update.mock.calls[1]![1].data).toMatchObject({
      steps: [{ text: "HBs抗体を検査" }],
      followUpDoneOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  }, 20_000);
});

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
});

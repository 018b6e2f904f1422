import { evaluateFacility } from "@mamori/domain/surveillance";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isPersonAlert } from "../../alerts/alert-view.ts";
import type { AlertsResult } from "../../api/records-types.ts";
import type { NewObservation, Round, RoundPerson } from "../../api/types.ts";
import { todayIn } from "../../lib/dates.ts";
import { RoundPage } from "../../pages/RoundPage.tsx";
import { CLUSTER_DAY, FIXTURE_PEOPLE, fixtureAlerts } from "../../test/alerts-fixture.ts";
import { fakeApi, renderSignedIn, renderWithI18n } from "../../test/render.tsx";
import { PersonHints } from "./PersonHints.tsx";

const UNIT_2: RoundPerson[] = FIXTURE_PEOPLE.filter((p) => p.unitId === "unit-2").map((p) => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  room: p.room,
  baselineTempC: p.baselineTempC,
  observations: [],
}));

const round = (date: string, people: RoundPerson[]): Round => ({
  date,
  unit: { id: "unit-2", name: "2階 もみじユニット", floor: "2F" },
  people,
});

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("PersonHints", () => {
  it("shows each hint as a short badge; a tap tells why, what to do, and that it is not a diagnosis", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const hints = fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 1)
      .alerts.filter(isPersonAlert)
      .filter((a) => a.subject.personId === "p12");
    renderWithI18n(<PersonHints personId="p12" personName="入所者12 茂" hints={hints} />);
    expect(screen.getByTestId("hint-p12-FEVER").textContent).toBe("発熱：看護職員へ");
    expect(screen.getByTestId("hint-p12-REPORT_TO_NURSE").textContent).toBe("看護職員へ報告");

    await user.click(screen.getByTestId("hint-p12-FEVER"));
    const dialog = screen.getByTestId("hint-dialog");
    expect(dialog.textContent).toContain("入所者12 茂さんの気づき（1月10日(土)）");
    expect(dialog.textContent).toContain("これは診断ではありません");
    const fever = within(within(dialog).getByTestId("hint-detail-FEVER"));
    // Manual p.33–34: 38.0 °C or more, or 1.0 °C above the usual (36.2 °C here).
    expect(fever.getByTestId("hint-why").textContent).toBe(
      "入所者12 茂：1月10日(土) 07:50に38.4 °C（基準：38.0 °C以上、または平熱36.2 °Cより1.0 °C以上高い）。（マニュアル p.33–34）",
    );
    expect(fever.getByTestId("hint-advice").textContent).toContain("看護職員に伝え");
    await user.click(within(dialog).getByTestId("dialog-close"));
    expect(screen.queryByTestId("hint-dialog")).toBeNull();
  });

  it("shows nothing for someone without hints", () => {
    const { container } = renderWithI18n(<PersonHints personId="p01" personName="入所者1 花子" hints={[]} />);
    expect(container.textContent).toBe("");
  });
});

describe("person hints in the round", () => {
  it("asks for the day's alerts once for the whole unit and shows each person's hints on their row", async () => {
    const alerts = vi.fn(async (_facilityId: string, query?: { asOf?: string; lookback?: number }) =>
      fixtureAlerts(query?.asOf ?? "", query?.lookback ?? 7),
    );
    renderSignedIn(
      <RoundPage unitId="unit-2" date={CLUSTER_DAY} />,
      fakeApi({ alerts, round: async (_unit, date) => round(date, UNIT_2) }),
      `/round/unit-2/${CLUSTER_DAY}`,
    );
    const row = await screen.findByTestId("row-p12");
    await waitFor(() => expect(within(row).getByTestId("hint-p12-FEVER")).toBeTruthy());
    expect(alerts).toHaveBeenCalledTimes(1);
    // An earlier day is evaluated at its last second in the facility's zone, one day only.
    expect(alerts).toHaveBeenCalledWith("f1", { lookback: 1, asOf: "2026-01-10T23:59:59.000+09:00" });
    expect(within(screen.getByTestId("row-p07")).getByTestId("hint-p07-NOROVIRUS_CONSIDER")).toBeTruthy();
    expect(within(screen.getByTestId("row-p12")).queryByTestId("hint-p12-NOROVIRUS_CONSIDER")).toBeNull();
  });

  it("asks again after an entry is saved, so a new fever shows as a hint", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const today = todayIn("Asia/Tokyo");
    const stored: NewObservation[] = [];
    const people = UNIT_2.slice(0, 2);
    // The rules engine itself, on what the fake server holds.
    const alerts = vi.fn(
      async (): Promise<AlertsResult> =>
        evaluateFacility({
          facility: { id: "f1", timeZone: "Asia/Tokyo" },
          people: people.map((p) => ({ id: p.id, kind: p.kind, baselineTempC: p.baselineTempC })),
          observations: stored,
          asOf: new Date(),
          lookbackDays: 1,
        }),
    );
    const api = fakeApi({
      alerts,
      round: async (_unit, date) =>
        round(
          date,
          people.map((p) => ({
            ...p,
            observations: stored
              .filter((o) => o.personId === p.id)
              .map((o) => ({
                id: o.id,
                personId: o.personId,
                at: o.at,
                day: date,
                tempC: o.tempC ?? null,
                symptoms: o.symptoms,
                note: null,
                temperatureClass: null,
                version: 1,
                recordedBy: "介護 花子",
              })),
          })),
        ),
      saveObservations: async (batch) => {
        stored.push(...batch);
        return { saved: batch.length, duplicates: 0 };
      },
    });
    renderSignedIn(<RoundPage unitId="unit-2" date={today} />, api, `/round/unit-2/${today}`);
    await screen.findByTestId("row-p07");
    await waitFor(() => expect(alerts).toHaveBeenCalledTimes(1));
    expect(alerts).toHaveBeenCalledWith("f1", { lookback: 1 });
    expect(screen.queryByTestId("hints-p07")).toBeNull();

    await user.click(screen.getByTestId("open-p07"));
    const editor = await screen.findByTestId("observation-editor");
    for (const key of ["3", "8", "6"]) await user.click(within(editor).getByTestId(`keypad-${key}`));
    await user.click(within(editor).getByTestId("save-entry"));

    await vi.advanceTimersByTimeAsync(1_500);
    await waitFor(() => expect(screen.getByTestId("hint-p07-FEVER")).toBeTruthy());
    expect(alerts.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByTestId("hints-p08")).toBeNull();
  });

  it("says so when the hints cannot be loaded, and the round still works", async () => {
    const today = todayIn("Asia/Tokyo");
    renderSignedIn(
      <RoundPage unitId="unit-2" date={today} />,
      fakeApi({ round: async (_unit, date) => round(date, UNIT_2) }),
      `/round/unit-2/${today}`,
    );
    expect((await screen.findByTestId("hints-unavailable")).textContent).toContain("記録はできます");
    expect(screen.getByTestId("clear-p07")).toBeTruthy();
  });
});

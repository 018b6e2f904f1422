import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { EpisodeDetail, EpisodeSummary } from "../../api/episodes.ts";
import type { User } from "../../api/types.ts";
import { CLUSTER_DAY, FIXTURE_PEOPLE, fixtureAlerts } from "../../test/alerts-fixture.ts";
import { fakeEpisodesApi } from "../../test/episodes-fake.ts";
import { fakeApi, renderSignedIn, testUser } from "../../test/render.tsx";
import { AlertsPanel } from "../alerts/AlertsPanel.tsx";
import { OpenEpisodesPanel } from "./OpenEpisodesPanel.tsx";

const NURSE: User = testUser({ id: "u-nurse", username: "demo-nurse", role: "nurse" });

function summary(state: Partial<EpisodeSummary["state"]>): EpisodeSummary {
  return {
    id: "e1",
    subject: { group: "GI" },
    openedDate: "2026-01-11",
    alert: { code: "NORO_CLUSTER_24H", day: CLUSTER_DAY },
    note: null,
    openedBy: "看護 さくら",
    openedAt: "2026-01-11T00:00:00.000Z",
    closedDate: null,
    decision: null,
    overrideReason: null,
    closedBy: null,
    closedAt: null,
    state: {
      status: "open",
      caseCount: 11,
      openCaseCount: 3,
      firstOnset: CLUSTER_DAY,
      lastOnset: CLUSTER_DAY,
      countFrom: CLUSTER_DAY,
      daysWithoutNewOnset: 1,
      quietDays: 7,
      daysUntilEligible: 6,
      eligibleOn: "2026-01-17",
      eligible: false,
      ...state,
    },
  };
}

describe("OpenEpisodesPanel", () => {
  it("lists each open episode with its group, start, case count and countdown, linking to it", async () => {
    const list = vi.fn(async () => ({ today: "2026-01-11", episodes: [summary({})] }));
    const api = fakeApi({ me: async () => NURSE, episodes: fakeEpisodesApi({ list }) });
    renderSignedIn(<OpenEpisodesPanel facilityId="f1" />, api);
    const item = await screen.findByTestId("open-episode-e1");
    expect(item.textContent).toBe("嘔吐・下痢：2026年1月10日(土)から・11人終息の目安まであと6日開く ›");
    expect(within(item).getByRole("link").getAttribute("href")).toBe("/episodes/e1");
    expect(list).toHaveBeenCalledWith("f1", "open");
  });

  it("says when the end can be decided, and shows nothing without an open episode", async () => {
    const api = fakeApi({
      me: async () => NURSE,
      episodes: fakeEpisodesApi({
        list: async () => ({
          today: "2026-01-17",
          episodes: [summary({ eligible: true, daysUntilEligible: 0 })],
        }),
      }),
    });
    renderSignedIn(<OpenEpisodesPanel facilityId="f1" />, api);
    expect((await screen.findByTestId("open-episode-countdown")).textContent).toBe("終息を判断できます");

    const empty = fakeApi({
      me: async () => NURSE,
      episodes: fakeEpisodesApi({ list: async () => ({ today: "2026-01-17", episodes: [] }) }),
    });
    const view = renderSignedIn(<OpenEpisodesPanel facilityId="f1" />, empty);
    await waitFor(() => expect(view.container.querySelector("[data-testid=open-episodes]")).toBeNull());
  });
});

describe("starting an episode from an alert card", () => {
  it("opens an episode from the cluster alert with its code and day and goes to it", async () => {
    const user = userEvent.setup();
    const open = vi.fn(async () => ({ episode: { id: "e9" } }) as EpisodeDetail);
    const api = fakeApi({
      me: async () => NURSE,
      people: async () => FIXTURE_PEOPLE,
      alerts: async () => fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7),
      episodes: fakeEpisodesApi({ list: async () => ({ today: CLUSTER_DAY, episodes: [] }), open }),
    });
    const { location } = renderSignedIn(<AlertsPanel facility={await api.facility()} />, api);
    const card = await screen.findByTestId("alert-card-NORO_CLUSTER_24H-GI");
    const button = await within(card).findByTestId("episode-start");
    expect(button.textContent).toBe("この通知からアウトブレイク対応を開始");
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await user.click(button);
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open.mock.calls[0]).toEqual([
      "f1",
      expect.objectContaining({
        subject: { group: "GI" },
        alert: { code: "NORO_CLUSTER_24H", day: CLUSTER_DAY },
      }),
    ]);
    await waitFor(() => expect(location.history?.at(-1) ?? "").toBe("/episodes/e9"));
  });

  it("links to the open episode of the same group instead of starting a second one", async () => {
    const api = fakeApi({
      me: async () => NURSE,
      people: async () => FIXTURE_PEOPLE,
      alerts: async () => fixtureAlerts(`${CLUSTER_DAY}T12:00:00+09:00`, 7),
      episodes: fakeEpisodesApi({
        list: async () => ({
          today: CLUSTER_DAY,
          episodes: [{ ...summary({}), subject: { disease: "norovirus" } }],
        }),
      }),
    });
    renderSignedIn(<AlertsPanel facility={await api.facility()} />, api);
    const card = await screen.findByTestId("alert-card-NORO_CLUSTER_24H-GI");
    expect((await within(card).findByTestId("episode-open-existing")).getAttribute("href")).toBe(
      "/episodes/e1",
    );
    expect(within(card).queryByTestId("episode-start")).toBeNull();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { EpisodeDetail, NewMeasure } from "../../api/episodes.ts";
import { ApiError } from "../../api/errors.ts";
import type { User } from "../../api/types.ts";
import { FIXTURE_PEOPLE } from "../../test/alerts-fixture.ts";
import { fakeEpisodesApi } from "../../test/episodes-fake.ts";
import { fakeApi, renderSignedIn, testUser } from "../../test/render.tsx";
import { EpisodePage } from "./EpisodePage.tsx";

const NURSE: User = testUser({ id: "u-nurse", username: "demo-nurse", role: "nurse" });
const LEAD: User = testUser({ id: "u-lead", username: "demo-lead", role: "ic_lead" });
const [p1, p2] = FIXTURE_PEOPLE;

function detail(overrides: Partial<EpisodeDetail["episode"]["state"]> = {}): EpisodeDetail {
  return {
    today: "2026-12-02",
    episode: {
      id: "e1",
      subject: { group: "GI" },
      openedDate: "2026-12-02",
      alert: { code: "NORO_CLUSTER_24H", day: "2026-11-27" },
      note: null,
      openedBy: "看護 さくら",
      openedAt: "2026-12-02T00:00:00.000Z",
      closedDate: null,
      decision: null,
      overrideReason: null,
      closedBy: null,
      closedAt: null,
      state: {
        status: "open",
        caseCount: 2,
        openCaseCount: 1,
        firstOnset: "2026-11-27",
        lastOnset: "2026-11-29",
        countFrom: "2026-11-29",
        daysWithoutNewOnset: 3,
        quietDays: 7,
        daysUntilEligible: 4,
        eligibleOn: "2026-12-06",
        eligible: false,
        ...overrides,
      },
    },
    cases: [
      {
        linkId: "l1",
        source: "implicit",
        caseId: null,
        personId: p1!.id,
        disease: null,
        status: null,
        onsetDate: "2026-11-27",
        resolvedDate: "2026-11-29",
      },
      {
        linkId: "l2",
        source: "implicit",
        caseId: null,
        personId: p2!.id,
        disease: null,
        status: null,
        onsetDate: "2026-11-29",
        resolvedDate: null,
      },
    ],
    candidates: [],
    measures: [],
    timeline: [
      {
        kind: "opened",
        day: "2026-12-02",
        at: "2026-12-02T00:00:00.000Z",
        by: "看護 さくら",
        text: null,
        ref: null,
      },
    ],
  };
}

describe("EpisodePage", () => {
  it("shows the countdown in days and dates, the manual's measures with their pages, and records a measure", async () => {
    const user = userEvent.setup();
    const addMeasure = vi.fn(async (_f: string, _id: string, body: NewMeasure) => ({
      ...detail(),
      measures: [
        {
          id: body.id,
          catalogueId: body.catalogueId ?? null,
          text: null,
          doneDate: body.doneDate,
          doneBy: null,
          note: body.note ?? null,
          recordedBy: "看護 さくら",
          recordedAt: "2026-12-02T01:00:00.000Z",
        },
      ],
    }));
    const api = fakeApi({
      me: async () => NURSE,
      people: async () => FIXTURE_PEOPLE,
      episodes: fakeEpisodesApi({ get: async () => detail(), addMeasure }),
    });
    renderSignedIn(<EpisodePage id="e1" />, api, "/episodes/e1");
    const countdown = await screen.findByTestId("countdown-text");
    expect(countdown.textContent).toBe(
      "新しい発症者が出なければ、あと4日で終息を判断できます（2026年12月6日(日)から）。",
    );
    const emergency = within(screen.getByTestId("measure-gi.emergency-footing"));
    expect(emergency.getByText("施設全体に緊急体制を敷く")).toBeTruthy();
    expect(emergency.getByText("マニュアル p.54")).toBeTruthy();
    expect(
      within(screen.getByTestId("measure-all.keep-specimens")).getByText("マニュアル p.69–70"),
    ).toBeTruthy();
    expect(screen.getByTestId("measure-disinfection-link").getAttribute("href")).toBe(
      "/disinfection?use=vomit",
    );
    // A nurse records but does not close.
    expect(screen.getByText("終息の記録は感染対策担当者か施設長が行います。")).toBeTruthy();

    await user.click(emergency.getByTestId("measure-record"));
    const dialog = within(screen.getByTestId("measure-dialog"));
    expect((dialog.getByTestId("measure-date") as HTMLInputElement).value).toBe("2026-12-02");
    await user.type(dialog.getByTestId("measure-note"), "施設長が指示");
    await user.click(dialog.getByTestId("measure-save"));
    await waitFor(() => expect(addMeasure).toHaveBeenCalledTimes(1));
    expect(addMeasure.mock.calls[0]![2]).toMatchObject({
      catalogueId: "gi.emergency-footing",
      doneDate: "2026-12-02",
      note: "施設長が指示",
    });
    expect((await screen.findByTestId("measure-done")).textContent).toContain(
      "12月2日(水) 実施（看護 さくら）",
    );
  });

  it("says under the date why the server refused a measure date", async () => {
    const user = userEvent.setup();
    const refuse = new ApiError(400, "validation_failed", "Invalid input: doneDate", [
      { path: "doneDate", message: "must not be before the episode's first onset (2026-11-27)" },
    ]);
    const api = fakeApi({
      me: async () => NURSE,
      people: async () => FIXTURE_PEOPLE,
      episodes: fakeEpisodesApi({
        get: async () => detail(),
        addMeasure: async () => Promise.reject(refuse),
      }),
    });
    renderSignedIn(<EpisodePage id="e1" />, api, "/episodes/e1");
    await user.click(within(await screen.findByTestId("measure-gi.visitors")).getByTestId("measure-record"));
    await user.click(within(screen.getByTestId("measure-dialog")).getByTestId("measure-save"));
    expect((await screen.findByTestId("measure-date-error")).textContent).toBe(
      "最初の発症日（11月27日(金)）より前の日付は記録できません。",
    );
  });

  it("lets the lead close with the committee's decision; before the end is due it asks for a reason", async () => {
    const user = userEvent.setup();
    const close = vi.fn(async () => ({
      ...detail({ status: "closed", openCaseCount: 0 }),
      episode: {
        ...detail().episode,
        closedDate: "2026-12-02",
        decision: "委員会で終息と判断",
        state: { ...detail().episode.state, status: "closed" as const },
      },
    }));
    const api = fakeApi({
      me: async () => LEAD,
      people: async () => FIXTURE_PEOPLE,
      episodes: fakeEpisodesApi({ get: async () => detail({ openCaseCount: 0 }), close }),
    });
    renderSignedIn(<EpisodePage id="e1" />, api, "/episodes/e1");
    const form = within(await screen.findByTestId("episode-close"));
    expect(
      form.getByText("終息の目安は2026年12月6日(日)です。それより前に閉じるときは理由を書いてください。"),
    ).toBeTruthy();
    await user.type(form.getByTestId("close-decision"), "委員会で終息と判断");
    await user.type(form.getByTestId("close-override"), "医師の診断で感染症ではなかった");
    await user.click(form.getByTestId("close-submit"));
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(close.mock.calls[0]).toEqual([
      "f1",
      "e1",
      {
        decision: "委員会で終息と判断",
        decisionDate: "2026-12-02",
        overrideReason: "医師の診断で感染症ではなかった",
      },
    ]);
    expect((await screen.findByTestId("episode-decision")).textContent).toBe(
      "委員会の判断：委員会で終息と判断",
    );
  });
});

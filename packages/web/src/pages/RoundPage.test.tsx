import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NetworkError } from "../api/errors.ts";
import type { NewObservation, Round, RoundPerson } from "../api/types.ts";
import { todayIn } from "../lib/dates.ts";
import { fakeApi, renderSignedIn } from "../test/render.tsx";
import { RoundPage, UNDO_ALL_CLEAR_MS } from "./RoundPage.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function person(id: string, room: string, name: string, kind: RoundPerson["kind"] = "resident"): RoundPerson {
  return { id, name, kind, room, baselineTempC: 36.2, observations: [] };
}

/** A server holding one unit; it stores observations by id and answers the round from what it holds. */
function server(people: RoundPerson[]) {
  const stored = new Map<string, NewObservation>();
  let offline = false;
  const posts: NewObservation[][] = [];
  const withdrawals: string[][] = [];
  const api = fakeApi({
    withdrawObservations: vi.fn(async (ids: string[]) => {
      if (offline) throw new NetworkError("Failed to fetch");
      withdrawals.push(ids);
      let withdrawn = 0;
      for (const id of ids) if (stored.delete(id)) withdrawn += 1;
      return { withdrawn, notFound: ids.length - withdrawn };
    }),
    round: async (unitId, date) =>
      ({
        date,
        unit: { id: unitId, name: "1階 さくらユニット", floor: "1F" },
        people: people.map((p) => ({
          ...p,
          observations: [...stored.values()]
            .filter((o) => o.personId === p.id)
            .map((o) => ({
              id: o.id,
              personId: o.personId,
              at: o.at,
              day: date,
              tempC: o.tempC ?? null,
              symptoms: o.symptoms,
              note: o.note ?? null,
              temperatureClass: null,
              version: 1,
              recordedBy: "介護 花子",
            })),
        })),
      }) satisfies Round,
    saveObservations: vi.fn(async (batch: NewObservation[]) => {
      posts.push(batch);
      if (offline) throw new NetworkError("Failed to fetch");
      let saved = 0;
      for (const o of batch) {
        if (!stored.has(o.id)) saved += 1;
        stored.set(o.id, o);
      }
      return { saved, duplicates: batch.length - saved };
    }),
  });
  return {
    api,
    stored,
    posts,
    withdrawals,
    setOffline(value: boolean) {
      offline = value;
    },
  };
}

const PEOPLE = [
  person("a", "101号室", "吉田 和子"),
  person("b", "102号室", "橋本 幸子"),
  person("c", "103号室", "山崎 一郎"),
];

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

async function openRound(s: ReturnType<typeof server>, day = todayIn("Asia/Tokyo")) {
  renderSignedIn(<RoundPage unitId="unit-1" date={day} />, s.api, `/round/unit-1/${day}`);
  await screen.findByTestId("row-a");
  return day;
}

/** Taps 全員変わりなし and answers its question with yes. */
async function allClear(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("all-clear"));
  await user.click(await screen.findByTestId("all-clear-confirm-yes"));
}

describe("RoundPage", () => {
  it("counts who is unchecked and clears the whole unit in one tap, each entry with its own client id", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    expect(screen.getByTestId("unchecked-count").dataset.count).toBe("3");

    await allClear(user);
    expect(screen.getByTestId("unchecked-count").dataset.count).toBe("0");
    await waitFor(() => expect(s.stored.size).toBe(3));
    const sent = s.posts.flat();
    expect(sent.map((o) => o.personId).sort()).toEqual(["a", "b", "c"]);
    expect(new Set(sent.map((o) => o.id)).size).toBe(3);
    expect(sent.every((o) => UUID.test(o.id) && o.symptoms.length === 0 && o.tempC === undefined)).toBe(true);
    expect(sent.every((o) => /[+-]\d{2}:\d{2}$/.test(o.at))).toBe(true);
  });

  it("全員変わりなし leaves alone whoever was already checked", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    await user.click(screen.getByTestId("clear-b"));
    expect(screen.getByTestId("all-clear").textContent).toContain("2");
    await allClear(user);
    await waitFor(() => expect(s.stored.size).toBe(3));
    expect(s.posts.flat().filter((o) => o.personId === "b")).toHaveLength(1);
  });

  it("records a temperature and a symptom for one person in a few taps, flagged at once", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    await user.click(screen.getByTestId("open-a"));
    const editor = await screen.findByTestId("observation-editor");
    for (const key of ["3", "8", "4"]) await user.click(within(editor).getByTestId(`keypad-${key}`));
    expect(within(editor).getByTestId("fever-badge").textContent).toBe("発熱");
    await user.click(within(editor).getByTestId("symptom-vomiting"));
    await user.click(within(editor).getByTestId("save-entry"));

    expect(screen.queryByTestId("observation-editor")).toBeNull();
    const row = screen.getByTestId("row-a");
    expect(row.dataset.status).toBe("finding");
    expect(within(row).getByTestId("fever-badge").textContent).toBe("発熱");
    await waitFor(() => expect(s.stored.size).toBe(1));
    expect([...s.stored.values()][0]).toMatchObject({ personId: "a", tempC: 38.4, symptoms: ["vomiting"] });
  });

  it("refuses a temperature outside 30–45 °C before sending", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    await user.click(screen.getByTestId("open-a"));
    const editor = await screen.findByTestId("observation-editor");
    for (const key of ["4", "8", "1"]) await user.click(within(editor).getByTestId(`keypad-${key}`));
    expect(within(editor).getByTestId("temp-error").textContent).toContain("30.0〜45.0");
    expect((within(editor).getByTestId("save-entry") as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps an entry as 送信待ち while offline and resends it with the same id", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    s.setOffline(true);
    await user.click(screen.getByTestId("clear-c"));
    await waitFor(() => expect(s.posts).toHaveLength(1));
    expect(screen.getByTestId("pending-c").textContent).toBe("送信待ち");
    expect(screen.getByTestId("row-c").dataset.status).toBe("clear");
    expect(JSON.parse(localStorage.getItem("mamori.outbox.u-care") ?? "[]")).toHaveLength(1);

    s.setOffline(false);
    await vi.advanceTimersByTimeAsync(2_500);
    await waitFor(() => expect(s.stored.size).toBe(1));
    expect(s.posts[1]![0]!.id).toBe(s.posts[0]![0]!.id);
    await waitFor(() => expect(screen.queryByTestId("pending-c")).toBeNull());
  });

  it("全員変わりなし asks once with the unit and the count, and marks only residents and short-stay guests", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server([
      ...PEOPLE,
      person("t", "104号室", "石田 次郎", "short_stay"),
      person("d", "105号室", "森 ハル", "day_service"),
      person("s", "—", "介護 太郎", "staff"),
    ]);
    await openRound(s);
    expect(screen.getByTestId("unchecked-count").dataset.count).toBe("6");
    expect(screen.getByTestId("round-rows-day_service").textContent).toContain("森 ハル");
    expect(screen.getByTestId("round-rows-staff").textContent).toContain("介護 太郎");

    await user.click(screen.getByTestId("all-clear"));
    const question = await screen.findByTestId("all-clear-confirm");
    expect(within(question).getByTestId("all-clear-question").textContent).toBe(
      "1階 さくらユニットの入所者・ショートステイ 4名を変わりなしにします。",
    );
    expect(question.textContent).toContain("通所サービスの方と職員は含みません");
    expect(screen.queryByTestId("all-clear-past-day")).toBeNull();
    expect(s.posts).toHaveLength(0); // nothing before the answer

    await user.click(within(question).getByTestId("all-clear-confirm-yes"));
    await waitFor(() => expect(s.stored.size).toBe(4));
    expect([...s.stored.values()].map((o) => o.personId).sort()).toEqual(["a", "b", "c", "t"]);
    expect(screen.getByTestId("unchecked-count").dataset.count).toBe("2");
    expect(screen.getByTestId("row-d").dataset.status).toBe("unchecked");
    expect(screen.getByTestId("row-s").dataset.status).toBe("unchecked");
  });

  it("やめる leaves everyone unchecked", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    await user.click(screen.getByTestId("all-clear"));
    const question = await screen.findByTestId("all-clear-confirm");
    await user.click(within(question).getAllByRole("button", { name: "やめる" }).at(-1)!);
    expect(screen.queryByTestId("all-clear-confirm")).toBeNull();
    expect(screen.getByTestId("unchecked-count").dataset.count).toBe("3");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.posts).toHaveLength(0);
  });

  it("on a past day the question names the day first", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    const today = todayIn("Asia/Tokyo");
    const [y, m, d] = today.split("-").map(Number) as [number, number, number];
    const yesterday = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    await openRound(s, yesterday);
    await user.click(screen.getByTestId("all-clear"));
    const warning = await screen.findByTestId("all-clear-past-day");
    const [, ym, yd] = yesterday.split("-").map(Number);
    expect(warning.textContent).toContain(`${ym}月${yd}日`);
    expect(warning.textContent).toContain("今日ではありません");
  });

  it("元に戻す takes back what was sent on the server and what was still queued on the device", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    await allClear(user);
    await waitFor(() => expect(s.stored.size).toBe(3));
    const undo = await screen.findByTestId("undo-all-clear");
    expect(screen.getByTestId("undo-bar").textContent).toContain("3名を変わりなしにしました");
    await waitFor(() => expect(document.activeElement).toBe(undo));

    await user.click(undo);
    await waitFor(() => expect(screen.getByTestId("undo-bar").dataset.state).toBe("undone"));
    expect(s.withdrawals.flat().sort()).toEqual(
      s.posts
        .flat()
        .map((o) => o.id)
        .sort(),
    );
    expect(s.stored.size).toBe(0);
    await waitFor(() => expect(screen.getByTestId("unchecked-count").dataset.count).toBe("3"));
    expect(screen.getByTestId("all-clear").textContent).toContain("3");
  });

  it("元に戻す of entries tried while offline asks the server; when it cannot be reached they stay and go later", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    s.setOffline(true);
    await allClear(user);
    await waitFor(() => expect(s.posts.length).toBeGreaterThan(0));
    expect(s.stored.size).toBe(0);
    // Sent without an answer, they may have arrived: only the server can take them back, and it cannot be reached.
    await user.click(await screen.findByTestId("undo-all-clear"));
    await waitFor(() => expect(screen.getByTestId("undo-bar").dataset.state).toBe("failed"));
    expect(screen.getByTestId("undo-bar").textContent).toContain("記録はそのまま残っています");
    expect(screen.getByTestId("unchecked-count").dataset.count).toBe("0");
    s.setOffline(false);
    await vi.advanceTimersByTimeAsync(6_000);
    await waitFor(() => expect(s.stored.size).toBe(3));
  });

  it("offers 元に戻す for 15 seconds only", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    await allClear(user);
    await screen.findByTestId("undo-all-clear");
    await vi.advanceTimersByTimeAsync(UNDO_ALL_CLEAR_MS - 1_000);
    expect(screen.getByTestId("undo-all-clear")).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(screen.queryByTestId("undo-bar")).toBeNull();
  });

  it("the entry panel keeps Tab inside and gives the focus back to the row on closing", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    const rowButton = screen.getByTestId("open-b");
    rowButton.focus();
    await user.keyboard("{Enter}");
    const editor = await screen.findByTestId("observation-editor");
    for (let i = 0; i < 25; i += 1) {
      await user.tab();
      expect(editor.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(editor.contains(document.activeElement)).toBe(true);
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("observation-editor")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("open-b"));
  }, 20_000);
});

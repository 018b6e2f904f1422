import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NetworkError } from "../api/errors.ts";
import type { NewObservation, Round, RoundPerson } from "../api/types.ts";
import { todayIn } from "../lib/dates.ts";
import { fakeApi, renderSignedIn } from "../test/render.tsx";
import { RoundPage } from "./RoundPage.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function person(id: string, room: string, name: string): RoundPerson {
  return { id, name, kind: "resident", room, baselineTempC: 36.2, observations: [] };
}

/** A server holding one unit; it stores observations by id and answers the round from what it holds. */
function server(people: RoundPerson[]) {
  const stored = new Map<string, NewObservation>();
  let offline = false;
  const posts: NewObservation[][] = [];
  const api = fakeApi({
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

async function openRound(s: ReturnType<typeof server>) {
  const today = todayIn("Asia/Tokyo");
  renderSignedIn(<RoundPage unitId="unit-1" date={today} />, s.api, `/round/unit-1/${today}`);
  await screen.findByTestId("row-a");
  return today;
}

describe("RoundPage", () => {
  it("counts who is unchecked and clears the whole unit in one tap, each entry with its own client id", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const s = server(PEOPLE);
    await openRound(s);
    expect(screen.getByTestId("unchecked-count").dataset.count).toBe("3");

    await user.click(screen.getByTestId("all-clear"));
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
    await user.click(screen.getByTestId("all-clear"));
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
});

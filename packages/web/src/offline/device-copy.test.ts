import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "../api/errors.ts";
import type { Round, User } from "../api/types.ts";
import { fakeApi, TEST_FACILITY, TEST_USER, testUser } from "../test/render.tsx";
import { DeviceCopy, withDeviceCopy } from "./device-copy.ts";

const offline = () => Promise.reject(new NetworkError("Failed to fetch"));

function roundOf(unitId: string, date: string, observed: boolean): Round {
  return {
    date,
    unit: { id: unitId, name: `ユニット ${unitId}`, floor: "1F" },
    people: [
      {
        id: "p1",
        name: "山田 太郎",
        kind: "resident",
        room: "101号室",
        baselineTempC: 36.4,
        observations: observed
          ? [
              {
                id: "o1",
                personId: "p1",
                at: `${date}T07:10:00+09:00`,
                day: date,
                tempC: null,
                symptoms: [],
                note: null,
                temperatureClass: null,
                version: 1,
                recordedBy: "介護 花子",
              },
            ]
          : [],
      },
    ],
  };
}

let clock: Date;
let copy: DeviceCopy;

beforeEach(() => {
  localStorage.clear();
  clock = new Date("2026-11-23T07:00:00+09:00");
  copy = new DeviceCopy(localStorage, { now: () => clock, maxRounds: 3 });
});

describe("the device copy behind the API client", () => {
  it("answers me, facility and round from the copy when the server cannot be reached, and says from when", async () => {
    const online = withDeviceCopy(
      fakeApi({ round: async (unitId, date) => roundOf(unitId, date, true) }),
      copy,
    );
    await online.me();
    await online.facility();
    await online.round("unit-1", "2026-11-23");
    expect(copy.shownSince()).toBeNull();

    clock = new Date("2026-11-23T09:30:00+09:00");
    const cut = withDeviceCopy(fakeApi({ me: offline, facility: offline, round: offline }), copy);
    const seen = vi.fn();
    copy.subscribe(seen);
    await expect(cut.me()).resolves.toEqual(TEST_USER);
    await expect(cut.facility()).resolves.toEqual(TEST_FACILITY);
    const round = await cut.round("unit-1", "2026-11-23");
    expect(round.people[0]?.observations).toHaveLength(1);
    // The time the server gave it, not the time it was shown again.
    expect(copy.shownSince()).toBe("2026-11-22T22:00:00.000Z");
    expect(seen).toHaveBeenCalled();
  });

  it("opens a later day offline with the unit's people and no entries, never an earlier day's entries", async () => {
    const online = withDeviceCopy(
      fakeApi({ round: async (unitId, date) => roundOf(unitId, date, true) }),
      copy,
    );
    await online.me();
    await online.round("unit-1", "2026-11-22");
    const cut = withDeviceCopy(fakeApi({ round: offline }), copy);

    const nextMorning = await cut.round("unit-1", "2026-11-23");
    expect(nextMorning.date).toBe("2026-11-23");
    expect(nextMorning.people.map((p) => p.name)).toEqual(["山田 太郎"]);
    expect(nextMorning.people[0]?.observations).toEqual([]);
    // A day before anything kept, or another unit: nothing to show, the network error stands.
    await expect(cut.round("unit-1", "2026-11-21")).rejects.toBeInstanceOf(NetworkError);
    await expect(cut.round("unit-2", "2026-11-23")).rejects.toBeInstanceOf(NetworkError);
  });

  it("clears the announcement once the server answers again", async () => {
    const online = withDeviceCopy(fakeApi({ round: async (u, d) => roundOf(u, d, false) }), copy);
    await online.me();
    await online.round("unit-1", "2026-11-23");
    await withDeviceCopy(fakeApi({ round: offline }), copy).round("unit-1", "2026-11-23");
    expect(copy.shownSince()).not.toBeNull();
    await online.round("unit-1", "2026-11-23");
    expect(copy.shownSince()).toBeNull();
  });

  it("keeps only the latest rounds, per user, and wipes everything for another user, sign-out and a 401", async () => {
    const online = withDeviceCopy(fakeApi({ round: async (u, d) => roundOf(u, d, false) }), copy);
    await online.me();
    for (const [i, unit] of ["a", "b", "c", "d"].entries()) {
      clock = new Date(Date.UTC(2026, 10, 23, i));
      await online.round(unit, "2026-11-23");
    }
    const cut = withDeviceCopy(fakeApi({ round: offline }), copy);
    // maxRounds 3: the oldest (unit a) is gone.
    await expect(cut.round("a", "2026-11-23")).rejects.toBeInstanceOf(NetworkError);
    await expect(cut.round("d", "2026-11-23")).resolves.toBeTruthy();

    const nurse: User = testUser({ id: "u-nurse", role: "nurse" });
    await withDeviceCopy(fakeApi({ me: async () => nurse }), copy).me();
    await expect(cut.round("d", "2026-11-23")).rejects.toBeInstanceOf(NetworkError);
    expect(Object.keys(localStorage).filter((k) => k.startsWith("mamori.copy."))).toEqual([
      "mamori.copy.user",
    ]);

    await withDeviceCopy(fakeApi({ logout: async () => undefined }), copy).logout();
    expect(Object.keys(localStorage).filter((k) => k.startsWith("mamori.copy."))).toEqual([]);

    await online.me();
    const expired = new ApiError(401, "unauthenticated", "Sign in first.");
    await expect(withDeviceCopy(fakeApi({ me: () => Promise.reject(expired) }), copy).me()).rejects.toBe(
      expired,
    );
    expect(copy.user()).toBeNull();
  });

  it("never stands in for an answer the server gave: a 403 or 500 is passed on", async () => {
    const online = withDeviceCopy(fakeApi({}), copy);
    await online.me();
    await online.facility();
    const refused = new ApiError(500, "internal", "Internal error");
    await expect(
      withDeviceCopy(fakeApi({ facility: () => Promise.reject(refused) }), copy).facility(),
    ).rejects.toBe(refused);
    expect(copy.shownSince()).toBeNull();
  });

  it("leaves the outbox of the round alone", async () => {
    localStorage.setItem("mamori.outbox.u-care", "[]");
    await withDeviceCopy(fakeApi({}), copy).me();
    copy.forget();
    expect(localStorage.getItem("mamori.outbox.u-care")).toBe("[]");
  });
});

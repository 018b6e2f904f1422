import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "../api/errors.ts";
import type { NewObservation, SaveResult } from "../api/types.ts";
import { Outbox, type OutboxStorage } from "./outbox.ts";

class MemoryStorage implements OutboxStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

function observation(id: string, extra: Partial<NewObservation> = {}): NewObservation {
  return { id, personId: `p-${id}`, at: "2026-11-23T07:05:00.000+09:00", symptoms: [], ...extra };
}

/** A fake server that stores by id the way the API does: a known id with the same content is a duplicate. */
function fakeServer() {
  const stored = new Map<string, string>();
  const calls: NewObservation[][] = [];
  let failNext = 0;
  const send = vi.fn(async (batch: NewObservation[]): Promise<SaveResult> => {
    calls.push(batch);
    if (failNext > 0) {
      failNext -= 1;
      throw new NetworkError("Failed to fetch");
    }
    let saved = 0;
    let duplicates = 0;
    for (const o of batch) {
      if (stored.has(o.id)) duplicates += 1;
      else {
        stored.set(o.id, JSON.stringify(o));
        saved += 1;
      }
    }
    return { saved, duplicates };
  });
  return {
    send,
    stored,
    calls,
    failTimes(n: number) {
      failNext = n;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Outbox", () => {
  it("stores an entry on the device before sending, and forgets it once the server has it", async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    const outbox = new Outbox({ storage, key: "k", send: server.send });
    outbox.enqueue(observation("a"), { day: "2026-11-23" });
    expect(JSON.parse(storage.getItem("k")!)).toHaveLength(1);
    expect(outbox.pendingCount()).toBe(1);

    const outcome = await outbox.flush();
    expect(outcome).toMatchObject({ sent: 1, retryLater: false });
    expect(server.stored.has("a")).toBe(true);
    expect(JSON.parse(storage.getItem("k")!)).toHaveLength(0);
    expect(outbox.items().map((i) => [i.observation.id, i.status])).toEqual([["a", "sent"]]);
  });

  it("keeps entries queued when the network fails and resends them with the same ids", async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    server.failTimes(1);
    const outbox = new Outbox({ storage, key: "k", send: server.send });
    outbox.enqueue(observation("a"), { day: "2026-11-23" });
    outbox.enqueue(observation("b", { tempC: 38.4 }), { day: "2026-11-23" });

    const first = await outbox.flush();
    expect(first).toMatchObject({ sent: 0, retryLater: true });
    expect(outbox.pendingCount()).toBe(2);
    expect(outbox.items().every((i) => i.attempts === 1)).toBe(true);

    const second = await outbox.flush();
    expect(second).toMatchObject({ sent: 2, retryLater: false });
    expect(server.calls[0]!.map((o) => o.id)).toEqual(["a", "b"]);
    expect(server.calls[1]).toEqual(server.calls[0]);
    expect(server.stored.size).toBe(2);
  });

  it("survives a reload: a new outbox on the same storage resends what was not acknowledged", async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    server.failTimes(1);
    const before = new Outbox({ storage, key: "k", send: server.send });
    before.enqueue(observation("a", { symptoms: ["vomiting"] }), { day: "2026-11-23", unitId: "u1" });
    await before.flush();

    const after = new Outbox({ storage, key: "k", send: server.send });
    expect(after.items()).toHaveLength(1);
    expect(after.items()[0]).toMatchObject({ unitId: "u1", day: "2026-11-23", status: "pending" });
    await after.flush();
    expect(server.stored.get("a")).toContain("vomiting");
  });

  it("a resend of something the server already stored counts as a duplicate, not a second entry", async () => {
    const server = fakeServer();
    const lostAnswer = vi.fn(async (batch: NewObservation[]) => {
      await server.send(batch);
      throw new NetworkError("connection reset"); // stored, but the answer never arrived
    });
    const storage = new MemoryStorage();
    const outbox = new Outbox({ storage, key: "k", send: lostAnswer });
    outbox.enqueue(observation("a"), { day: "2026-11-23" });
    await outbox.flush();
    expect(outbox.pendingCount()).toBe(1);

    const again = new Outbox({ storage, key: "k", send: server.send });
    await again.flush();
    expect(server.stored.size).toBe(1);
    expect(await server.send.mock.results.at(-1)!.value).toEqual({ saved: 0, duplicates: 1 });
  });

  it("ignores a second entry with an id it already holds (double tap)", async () => {
    const server = fakeServer();
    const outbox = new Outbox({ storage: new MemoryStorage(), key: "k", send: server.send });
    expect(outbox.enqueue(observation("a"), { day: "2026-11-23" })).toBe(true);
    expect(outbox.enqueue(observation("a"), { day: "2026-11-23" })).toBe(false);
    await outbox.flush();
    expect(outbox.enqueue(observation("a"), { day: "2026-11-23" })).toBe(false);
    expect(server.calls.flat()).toHaveLength(1);
  });

  it("marks only the entries a 400 names as refused and sends the rest", async () => {
    const stored: string[] = [];
    const send = vi.fn(async (batch: NewObservation[]) => {
      const bad = batch.findIndex((o) => o.tempC != null && o.tempC > 45);
      if (bad >= 0) {
        throw new ApiError(400, "validation_failed", "invalid", [
          { path: `observations[${bad}].tempC`, message: "30〜45の範囲で入力してください" },
        ]);
      }
      stored.push(...batch.map((o) => o.id));
      return { saved: batch.length, duplicates: 0 };
    });
    const outbox = new Outbox({ storage: new MemoryStorage(), key: "k", send });
    outbox.enqueue(observation("a"), { day: "d" });
    outbox.enqueue(observation("b", { tempC: 48 }), { day: "d" });
    outbox.enqueue(observation("c"), { day: "d" });

    const outcome = await outbox.flush();
    expect(outcome).toMatchObject({ sent: 2, rejected: 1, retryLater: false });
    expect(stored).toEqual(["a", "c"]);
    const refused = outbox.items().find((i) => i.observation.id === "b")!;
    expect(refused.status).toBe("rejected");
    expect(refused.error?.fields).toEqual([{ path: "tempC", message: "30〜45の範囲で入力してください" }]);

    outbox.discard("b");
    expect(outbox.items().some((i) => i.observation.id === "b")).toBe(false);
  });

  it("finds the culprit one by one when a refusal names no entry (409 conflict)", async () => {
    const send = vi.fn(async (batch: NewObservation[]) => {
      if (batch.some((o) => o.id === "b")) throw new ApiError(409, "conflict", "known id, other content");
      return { saved: batch.length, duplicates: 0 };
    });
    const outbox = new Outbox({ storage: new MemoryStorage(), key: "k", send });
    for (const id of ["a", "b", "c"]) outbox.enqueue(observation(id), { day: "d" });
    const outcome = await outbox.flush();
    expect(outcome).toMatchObject({ sent: 2, rejected: 1 });
    expect(outbox.items().find((i) => i.observation.id === "b")).toMatchObject({
      status: "rejected",
      error: { id: "conflict" },
    });
  });

  it("stops on 401 and keeps everything for after sign-in", async () => {
    const send = vi.fn(async () => {
      throw new ApiError(401, "unauthenticated", "sign in");
    });
    const storage = new MemoryStorage();
    const outbox = new Outbox({ storage, key: "k", send });
    outbox.enqueue(observation("a"), { day: "d" });
    expect(await outbox.flush()).toMatchObject({ unauthenticated: true, sent: 0 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(new Outbox({ storage, key: "k", send }).pendingCount()).toBe(1);
  });

  it("retries by itself after a failure, with the same id, once started", async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    server.failTimes(2);
    const outbox = new Outbox({
      storage: new MemoryStorage(),
      key: "k",
      send: server.send,
      retryDelaysMs: [1000],
    });
    outbox.start();
    outbox.enqueue(observation("a"), { day: "d" });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(3);
    expect(server.calls.flat().map((o) => o.id)).toEqual(["a", "a", "a"]);
    expect(outbox.pendingCount()).toBe(0);
    outbox.stop();
  });

  it("sends large queues in batches", async () => {
    const server = fakeServer();
    const outbox = new Outbox({ storage: new MemoryStorage(), key: "k", send: server.send, batchSize: 2 });
    for (const id of ["a", "b", "c", "d", "e"]) outbox.enqueue(observation(id), { day: "d" });
    await outbox.flush();
    expect(server.calls.map((b) => b.length)).toEqual([2, 2, 1]);
  });

  it("sets aside unreadable storage instead of overwriting it", () => {
    const storage = new MemoryStorage();
    storage.setItem("k", "{not json");
    const outbox = new Outbox({ storage, key: "k", send: fakeServer().send });
    expect(outbox.items()).toEqual([]);
    expect(storage.getItem("k.unreadable")).toBe("{not json");
  });
});

describe("Outbox.withdraw (元に戻す)", () => {
  function withServer(options: { failWithdraw?: boolean } = {}) {
    const server = fakeServer();
    const withdrawn: string[][] = [];
    const withdraw = vi.fn(async (ids: string[]) => {
      if (options.failWithdraw) throw new NetworkError("Failed to fetch");
      withdrawn.push(ids);
      for (const id of ids) server.stored.delete(id);
      return { withdrawn: ids.length, notFound: 0 };
    });
    const storage = new MemoryStorage();
    const outbox = new Outbox({ storage, key: "k", send: server.send, withdraw });
    return { server, outbox, withdraw, withdrawn, storage };
  }

  it("drops entries that never left the device without asking the server", async () => {
    const { outbox, withdraw, storage, server } = withServer();
    outbox.enqueue(observation("a"), { day: "d" });
    outbox.enqueue(observation("b"), { day: "d" });
    await outbox.withdraw(["a"]);
    expect(withdraw).not.toHaveBeenCalled();
    expect(outbox.items().map((i) => i.observation.id)).toEqual(["b"]);
    expect(JSON.parse(storage.getItem("k")!)).toHaveLength(1);
    await outbox.flush();
    expect([...server.stored.keys()]).toEqual(["b"]);
  });

  it("takes back on the server what was sent, and forgets it here", async () => {
    const { outbox, withdrawn, server } = withServer();
    outbox.enqueue(observation("a"), { day: "d" });
    outbox.enqueue(observation("b"), { day: "d" });
    await outbox.flush();
    await outbox.withdraw(["a", "b"]);
    expect(withdrawn).toEqual([["a", "b"]]);
    expect(server.stored.size).toBe(0);
    expect(outbox.items()).toEqual([]);
  });

  it("waits for a batch on the wire, then takes back what it delivered", async () => {
    const { outbox, withdrawn, server } = withServer();
    outbox.enqueue(observation("a"), { day: "d" });
    const sending = outbox.flush(); // "a" is on the wire
    const undo = outbox.withdraw(["a"]);
    await Promise.all([sending, undo]);
    expect(withdrawn).toEqual([["a"]]);
    expect(server.stored.size).toBe(0);
    expect(outbox.items()).toEqual([]);
  });

  it("asks the server about an entry sent without an answer (it may have arrived)", async () => {
    const { outbox, withdrawn, server } = withServer();
    server.failTimes(1);
    outbox.enqueue(observation("a"), { day: "d" });
    await outbox.flush();
    expect(outbox.items()[0]).toMatchObject({ status: "pending", attempts: 1 });
    await outbox.withdraw(["a"]);
    expect(withdrawn).toEqual([["a"]]);
    expect(outbox.items()).toEqual([]);
  });

  it("keeps everything as it was when the server cannot be asked", async () => {
    const { outbox, server } = withServer({ failWithdraw: true });
    outbox.enqueue(observation("a"), { day: "d" });
    await outbox.flush();
    outbox.enqueue(observation("b"), { day: "d" });
    await expect(outbox.withdraw(["a", "b"])).rejects.toThrow();
    expect(
      outbox
        .items()
        .map((i) => [i.observation.id, i.status])
        .sort(),
    ).toEqual([
      ["a", "sent"],
      ["b", "pending"],
    ]);
    expect(server.stored.has("a")).toBe(true);
  });
});

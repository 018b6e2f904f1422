import type { ObservationInput } from "@mamori/contract/observations";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database } from "../../db/database.ts";
import { type RoundWrite, recordRoundWrites } from "./record-observations.ts";
import { createRoundWriter } from "./round-writer.ts";

// The queue alone, with the transaction replaced: which writes go together, and who is told what when a group fails.
vi.mock("./record-observations.ts", () => ({ recordRoundWrites: vi.fn() }));
const record = vi.mocked(recordRoundWrites);

const db = {} as Database;
const user = { id: "u" } as SessionUser;
const write = (n: number) => ({ user, inputs: Array(n).fill({}) as ObservationInput[], now: new Date() });
const saved = (writes: RoundWrite[]) =>
  writes.map((w) => ({ ok: true as const, answer: { saved: w.inputs.length, duplicates: 0 } }));
const unreachable = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

beforeEach(() => {
  record.mockReset();
});

describe("the round writer", () => {
  it("writes what arrives while a group runs as the next group, and answers each write with its own outcome", async () => {
    let release!: () => void;
    const first = new Promise<void>((resolve) => {
      release = resolve;
    });
    record.mockImplementationOnce(async (_db, _f, writes) => {
      await first;
      return saved(writes);
    });
    record.mockImplementation(async (_db, _f, writes) => saved(writes));
    const writer = createRoundWriter(db, { groupsInFlight: 1 });
    const answers = [
      writer.record("f", write(1)),
      writer.record("f", write(2)),
      writer.record("f", write(3)),
    ];
    const otherFacility = writer.record("g", write(4));
    release();
    expect(await Promise.all(answers)).toEqual([1, 2, 3].map((n) => ({ saved: n, duplicates: 0 })));
    expect(await otherFacility).toEqual({ saved: 4, duplicates: 0 });
    expect(record.mock.calls.map(([, facility, writes]) => `${facility}:${writes.length}`)).toEqual([
      "f:1",
      "g:1",
      "f:2",
    ]);
  });

  it("starts the next group when one is committing, not when its commit is answered", async () => {
    let commitAnswered!: () => void;
    const commit = new Promise<void>((resolve) => {
      commitAnswered = resolve;
    });
    let secondStarted = false;
    record.mockImplementationOnce(async (_db, _f, writes, options) => {
      options?.committing?.();
      await commit;
      return saved(writes);
    });
    record.mockImplementationOnce(async (_db, _f, writes) => {
      secondStarted = true;
      return saved(writes);
    });
    const writer = createRoundWriter(db, { groupsInFlight: 1 });
    const first = writer.record("f", write(1));
    const second = writer.record("f", write(2));
    await vi.waitFor(() => expect(secondStarted).toBe(true));
    expect(await second).toEqual({ saved: 2, duplicates: 0 });
    commitAnswered();
    expect(await first).toEqual({ saved: 1, duplicates: 0 });
  });

  it("fails a group's writes when the database cannot be reached, and tries each alone after any other failure", async () => {
    const writer = createRoundWriter(db, { groupsInFlight: 1 });
    let calls = 0;
    record.mockImplementation(async (_db, _f, writes) => {
      calls += 1;
      if (calls === 1) return saved(writes);
      if (calls === 2) throw unreachable;
      if (writes.length > 1 || writes[0]!.inputs.length === 2) throw new Error("value out of range");
      return saved(writes);
    });
    const lone = writer.record("f", write(1));
    const unreached = [writer.record("f", write(1)), writer.record("f", write(1))];
    expect(await lone).toEqual({ saved: 1, duplicates: 0 });
    for (const answer of await Promise.allSettled(unreached))
      expect(answer).toMatchObject({ reason: unreachable });

    const blocker = writer.record("f", write(1));
    const group = [writer.record("f", write(1)), writer.record("f", write(2)), writer.record("f", write(3))];
    await blocker;
    const answers = await Promise.allSettled(group);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});

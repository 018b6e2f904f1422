import type { Database } from "../../db/database.ts";
import { classifyDatabaseError } from "../../http/database-errors.ts";
import {
  type RoundWrite,
  type RoundWriteAnswer,
  type RoundWriteOutcome,
  recordRoundWrites,
} from "./record-observations.ts";

/** At most this many entries go into one group (one request's batch always goes in whole). */
export const MAX_GROUP_ENTRIES = 1000;

/**
 * How many groups of one facility may be in their transactions at once, not counting those committing: the next group
 * begins when the one before sends its COMMIT, so that its first statement is at the database, waiting for the people
 * the committing group holds, when their locks are let go — no turn of the event loop between one group's commit and
 * the next one's start. More than one before COMMIT measured no gain on the shared 2-core machine (bench/README.md):
 * the groups lock the same people, and split into smaller groups.
 */
export const GROUPS_IN_FLIGHT = 1;

type Waiting = RoundWrite & {
  resolve: (answer: RoundWriteAnswer) => void;
  reject: (error: unknown) => void;
};

/**
 * Group commit for `POST /api/observations`: the round writes of one facility that arrive while one of its
 * transactions runs wait for it and then go in together, in one transaction (recordRoundWrites): a few round trips, one
 * lock of the people and one commit (one WAL flush) for many requests, instead of each waiting for the others' locks
 * on the same people. A write that arrives when fewer than GROUPS_IN_FLIGHT groups are before their commit starts at
 * once.
 *
 * Each request still gets its own answer: a write refused for its input (400) or a conflict (409) is refused alone. A
 * database that cannot be reached or takes no writes fails the group's requests (503); any other failure of a group is
 * not blamed on all of them: each of its writes is then tried again alone, so that only its cause fails.
 */
export function createRoundWriter(db: Database, options: { groupsInFlight?: number } = {}) {
  const groupsInFlight = options.groupsInFlight ?? GROUPS_IN_FLIGHT;
  const queues = new Map<string, Waiting[]>();
  /** Per facility, its groups not yet committing. */
  const running = new Map<string, number>();

  function startNext(facilityId: string): void {
    const queue = queues.get(facilityId);
    if (!queue || (running.get(facilityId) ?? 0) >= groupsInFlight) return;
    const group = takeGroup(queue);
    if (queue.length === 0) queues.delete(facilityId);
    running.set(facilityId, (running.get(facilityId) ?? 0) + 1);
    let done = false;
    const letNextStart = () => {
      if (done) return;
      done = true;
      const left = running.get(facilityId)! - 1;
      if (left === 0) running.delete(facilityId);
      else running.set(facilityId, left);
      startNext(facilityId);
    };
    void writeGroup(facilityId, group, letNextStart).finally(letNextStart);
  }

  async function writeGroup(facilityId: string, group: Waiting[], committing?: () => void): Promise<void> {
    let outcomes: RoundWriteOutcome[];
    try {
      outcomes = await recordRoundWrites(db, facilityId, group, { committing });
    } catch (error) {
      const failure = classifyDatabaseError(error);
      if (group.length === 1 || failure === "unavailable" || failure === "read_only") {
        for (const w of group) w.reject(error);
        return;
      }
      await Promise.all(group.map((w) => writeGroup(facilityId, [w])));
      return;
    }
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) group[i]!.resolve(outcome.answer);
      else group[i]!.reject(outcome.error);
    });
  }

  return {
    /** Records one request's batch; resolves with its answer or rejects with its own error. */
    record(facilityId: string, write: RoundWrite): Promise<RoundWriteAnswer> {
      return new Promise((resolve, reject) => {
        const queue = queues.get(facilityId) ?? [];
        queue.push({ ...write, resolve, reject });
        queues.set(facilityId, queue);
        startNext(facilityId);
      });
    },
  };
}

/** The first waiting writes, in order of arrival, up to MAX_GROUP_ENTRIES entries (at least one write). */
function takeGroup(queue: Waiting[]): Waiting[] {
  let entries = queue[0]!.inputs.length;
  let count = 1;
  while (count < queue.length && entries + queue[count]!.inputs.length <= MAX_GROUP_ENTRIES) {
    entries += queue[count]!.inputs.length;
    count++;
  }
  return queue.splice(0, count);
}

export type RoundWriter = ReturnType<typeof createRoundWriter>;

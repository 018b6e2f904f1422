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
 * How many groups of one facility may be in their transactions at once. More than one would overlap a group's commit
 * and the server's work between its statements with the next group's statements (their people's locks keep the writes
 * of one person one after the other), but on the shared 2-core machine 2 measured no clear gain (bench/README.md).
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
 * on the same people. A write that arrives when fewer than GROUPS_IN_FLIGHT groups run starts at once.
 *
 * Each request still gets its own answer: a write refused for its input (400) or a conflict (409) is refused alone. A
 * database that cannot be reached or takes no writes fails the group's requests (503); any other failure of a group is
 * not blamed on all of them: each of its writes is then tried again alone, so that only its cause fails.
 */
export function createRoundWriter(db: Database, options: { groupsInFlight?: number } = {}) {
  const groupsInFlight = options.groupsInFlight ?? GROUPS_IN_FLIGHT;
  const queues = new Map<string, Waiting[]>();
  const running = new Map<string, number>();

  async function drain(facilityId: string): Promise<void> {
    running.set(facilityId, (running.get(facilityId) ?? 0) + 1);
    try {
      for (let queue = queues.get(facilityId); queue && queue.length > 0; queue = queues.get(facilityId)) {
        const group = takeGroup(queue);
        if (queue.length === 0) queues.delete(facilityId);
        await writeGroup(facilityId, group);
      }
    } finally {
      const left = running.get(facilityId)! - 1;
      if (left === 0) running.delete(facilityId);
      else running.set(facilityId, left);
    }
  }

  async function writeGroup(facilityId: string, group: Waiting[]): Promise<void> {
    let outcomes: RoundWriteOutcome[];
    try {
      outcomes = await recordRoundWrites(db, facilityId, group);
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
        if ((running.get(facilityId) ?? 0) < groupsInFlight) void drain(facilityId);
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

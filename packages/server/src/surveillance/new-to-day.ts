import { and, eq, gte, lte, not, or } from "drizzle-orm";
import type { Executor } from "../db/database.ts";
import { observations } from "../db/schema/index.ts";

/** Longer than any local day (25 hours on the day a clock goes back), so "the rest of the day" is always inside. */
const LONGEST_DAY_MS = 25 * 3600_000;

/**
 * After observations were corrected or withdrawn: the observations of the same person after each of them, through the
 * rest of its day, may have been stored as adding nothing to the day (`new_to_day` false) because of what it showed,
 * which may now be gone. They are marked new to their day again, so that the round's write reads them when it next
 * recomputes that person's onsets. Conservative: a little more than the rest of the day, whatever the time zone.
 *
 * Must run after the people's lock is taken (keepOnsets): a round's write holding it may still store such rows; once
 * it has committed, this statement (with its own snapshot) sees them.
 */
export async function markRestOfDayNew(
  tx: Executor,
  facilityId: string,
  changed: readonly { personId: string; at: Date }[],
): Promise<void> {
  if (changed.length === 0) return;
  await tx
    .update(observations)
    .set({ newToDay: true })
    .where(
      and(
        eq(observations.facilityId, facilityId),
        not(observations.newToDay),
        or(
          ...changed.map((c) =>
            and(
              eq(observations.personId, c.personId),
              gte(observations.at, c.at),
              lte(observations.at, new Date(c.at.getTime() + LONGEST_DAY_MS)),
            ),
          ),
        ),
      ),
    );
}

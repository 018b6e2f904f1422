import { randomUUID } from "node:crypto";
import type { FacilitySubject } from "@mamori/domain/surveillance";
import { appendAudit } from "../../audit/audit.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Executor } from "../../db/database.ts";
import { outbreakEpisodeCases, outbreakEpisodeEvents } from "../../db/schema/index.ts";
import { conflict } from "../../errors.ts";
import type { EpisodeRow, FacilityFrame } from "./episode-store.ts";

// The steps the episode commands share: who acts, the episode's subject, its timeline and its linked cases.

export type Actor = { user: SessionUser; facilityId: string };

/** Whether two subjects are the same group or the same disease. */
export const sameSubject = (a: FacilitySubject, b: FacilitySubject) =>
  ("group" in a && "group" in b && a.group === b.group) ||
  ("disease" in a && "disease" in b && a.disease === b.disease);

/** Refuses a change to a closed episode (reopen it first). */
export function refuseIfClosed(row: EpisodeRow) {
  if (row.closedDate !== null)
    throw conflict("The episode is closed; reopen it first.", [{ path: "episode", message: "closed" }]);
}

/** Adds an entry to the episode's timeline, audited. */
export async function addEvent(
  tx: Executor,
  actor: Actor,
  frame: FacilityFrame,
  event: { episodeId: string; kind: "opened" | "closed" | "reopened"; day: string; text: string | null },
) {
  const [row] = await tx
    .insert(outbreakEpisodeEvents)
    .values({ ...event, facilityId: frame.id, byUser: actor.user.id, at: frame.now })
    .returning();
  await appendAudit(tx, [
    {
      actorUserId: actor.user.id,
      organisationId: frame.id,
      action: "create",
      entity: "outbreak_episode_event",
      entityId: row!.id,
      after: row,
    },
  ]);
}

/** Links a case to the episode once (a second link of the same case changes nothing), audited. */
export async function insertLink(
  tx: Executor,
  actor: Actor,
  frame: FacilityFrame,
  episodeId: string,
  link: { caseId: string | null; personId: string; onsetDate: string | null },
) {
  const [row] = await tx
    .insert(outbreakEpisodeCases)
    .values({
      id: randomUUID(),
      episodeId,
      facilityId: frame.id,
      ...link,
      linkedBy: actor.user.id,
      linkedAt: frame.now,
    })
    .onConflictDoNothing()
    .returning();
  if (row)
    await appendAudit(tx, [
      {
        actorUserId: actor.user.id,
        organisationId: frame.id,
        action: "create",
        entity: "outbreak_episode_case",
        entityId: row.id,
        after: row,
      },
    ]);
  return row;
}

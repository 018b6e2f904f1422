import { episodeRuleSubject } from "@mamori/domain/surveillance";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { updateAudited } from "../../db/insert-once.ts";
import { outbreakEpisodes } from "../../db/schema/index.ts";
import { conflict, validationFailed } from "../../errors.ts";
import { subjectOfEpisode } from "./episode-rules.ts";
import { episodeDetail, type FacilityFrame, findEpisode } from "./episode-store.ts";
import { type Actor, addEvent, refuseIfClosed, sameSubject } from "./episode-write-steps.ts";

/**
 * Closes the episode with the committee's decision and date (manual p.56: 「感染対策委員会で最終的な判断をします」). The end
 * must be eligible on the decision date (no new onset for the quiet period) unless an override reason is given, and no
 * linked case may still be ill.
 */
export async function closeEpisode(
  db: Database,
  frame: FacilityFrame,
  actor: Actor,
  episodeId: string,
  body: { decision: string; decisionDate: string; overrideReason?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const row = await findEpisode(tx, frame.id, episodeId, true);
    refuseIfClosed(row);
    if (body.decisionDate > frame.today)
      throw validationFailed([{ path: "decisionDate", message: "must not be in the future" }]);
    if (body.decisionDate < row.openedDate)
      throw validationFailed([{ path: "decisionDate", message: "must not be before the episode opened" }]);
    const detail = await episodeDetail(tx, frame, row);
    if (detail.state.openCaseCount > 0)
      throw conflict("Cases of the episode are still ill.", [
        {
          path: "cases",
          message: `${detail.state.openCaseCount} case(s) still ill: record the day each ended first`,
        },
      ]);
    const onDecision = await episodeDetail(tx, frame, row, body.decisionDate);
    if (!onDecision.state.eligible && body.overrideReason === undefined)
      throw validationFailed([
        {
          path: "overrideReason",
          message: `the end is eligible from ${onDecision.state.eligibleOn}; give a reason to close earlier`,
        },
      ]);
    await updateAudited(tx, {
      table: outbreakEpisodes,
      current: row,
      owner: { column: outbreakEpisodes.facilityId, id: frame.id },
      changes: {
        closedDate: body.decisionDate,
        decision: body.decision,
        overrideReason: onDecision.state.eligible ? null : (body.overrideReason ?? null),
        closedBy: actor.user.id,
        closedAt: frame.now,
      },
      audit: {
        actorUserId: actor.user.id,
        organisationId: frame.id,
        action: "update",
        entity: "outbreak_episode",
      },
    });
    await addEvent(tx, actor, frame, {
      episodeId: row.id,
      kind: "closed",
      day: body.decisionDate,
      text: body.decision,
    });
  });
}

/** Reopens a closed episode (a new case after the committee's end, or a mistake), with the reason. */
export async function reopenEpisode(
  db: Database,
  frame: FacilityFrame,
  actor: Actor,
  episodeId: string,
  reason: string,
) {
  return db.transaction(async (tx) => {
    const row = await findEpisode(tx, frame.id, episodeId, true);
    if (row.closedDate === null)
      throw conflict("The episode is open.", [{ path: "episode", message: "not closed" }]);
    const open = await tx
      .select()
      .from(outbreakEpisodes)
      .where(and(eq(outbreakEpisodes.facilityId, frame.id), isNull(outbreakEpisodes.closedDate)));
    const subject = episodeRuleSubject(subjectOfEpisode(row), frame.profile);
    if (
      open.some((other) => sameSubject(episodeRuleSubject(subjectOfEpisode(other), frame.profile), subject))
    )
      throw conflict("Another episode of this group is open.", [
        { path: "subject", message: "an episode of this group is already open" },
      ]);
    await updateAudited(tx, {
      table: outbreakEpisodes,
      current: row,
      owner: { column: outbreakEpisodes.facilityId, id: frame.id },
      changes: { closedDate: null, decision: null, overrideReason: null, closedBy: null, closedAt: null },
      audit: {
        actorUserId: actor.user.id,
        organisationId: frame.id,
        action: "update",
        entity: "outbreak_episode",
      },
    });
    await addEvent(tx, actor, frame, { episodeId: row.id, kind: "reopened", day: frame.today, text: reason });
  });
}

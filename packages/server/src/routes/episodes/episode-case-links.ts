import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { updateAudited } from "../../db/insert-once.ts";
import { cases, outbreakEpisodeCases, people } from "../../db/schema/index.ts";
import { notFound, validationFailed } from "../../errors.ts";
import { subjectOfEpisode } from "./episode-rules.ts";
import { type FacilityFrame, findEpisode, recordedCaseFits, subjectCases } from "./episode-store.ts";
import { type Actor, insertLink, refuseIfClosed } from "./episode-write-steps.ts";

/**
 * Links a case to the episode: a recorded case of the facility (another facility's is not found), or an implicit case
 * by person and onset day, which must be a new onset of the episode's group. Linking twice changes nothing.
 */
export async function linkCase(
  db: Database,
  frame: FacilityFrame,
  actor: Actor,
  episodeId: string,
  body: { caseId: string } | { personId: string; onsetDate: string },
): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    const row = await findEpisode(tx, frame.id, episodeId, true);
    refuseIfClosed(row);
    const subject = subjectOfEpisode(row);
    if ("caseId" in body) {
      const [held] = await tx
        .select()
        .from(cases)
        .where(and(eq(cases.id, body.caseId), eq(cases.facilityId, frame.id)));
      if (!held) throw notFound("Case");
      // A case without a disease yet belongs to its group of symptoms.
      const fits =
        held.disease !== null
          ? recordedCaseFits(subject, held.disease, frame.profile)
          : "group" in subject && held.syndromeGroup === subject.group;
      if (!fits) throw validationFailed([{ path: "caseId", message: "a case of another disease or group" }]);
      const linked = await insertLink(tx, actor, frame, row.id, {
        caseId: held.id,
        personId: held.personId,
        onsetDate: null,
      });
      return { created: linked !== undefined };
    }
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, body.personId), eq(people.facilityId, frame.id)));
    if (!person) throw notFound("Person");
    if (body.onsetDate > frame.today)
      throw validationFailed([{ path: "onsetDate", message: "must not be in the future" }]);
    const group = await subjectCases(tx, frame, subject, body.onsetDate);
    if (!group.implicit.some((c) => c.personId === body.personId && c.onsetDate === body.onsetDate))
      throw validationFailed([
        { path: "onsetDate", message: "no new onset of this group for the person on that day" },
      ]);
    const linked = await insertLink(tx, actor, frame, row.id, {
      caseId: null,
      personId: body.personId,
      onsetDate: body.onsetDate,
    });
    return { created: linked !== undefined };
  });
}

/**
 * Records the day a linked case ended (null: ill again): on the recorded case itself, or on the link of an implicit
 * case. Not in the future, not before the onset.
 */
export async function resolveLinkedCase(
  db: Database,
  frame: FacilityFrame,
  actor: Actor,
  episodeId: string,
  linkId: string,
  resolvedDate: string | null,
) {
  return db.transaction(async (tx) => {
    const row = await findEpisode(tx, frame.id, episodeId, true);
    refuseIfClosed(row);
    const [link] = await tx
      .select()
      .from(outbreakEpisodeCases)
      .where(
        and(
          eq(outbreakEpisodeCases.facilityId, frame.id),
          eq(outbreakEpisodeCases.id, linkId),
          eq(outbreakEpisodeCases.episodeId, row.id),
        ),
      )
      .for("update");
    if (!link) throw notFound("Case");
    if (resolvedDate !== null && resolvedDate > frame.today)
      throw validationFailed([{ path: "resolvedDate", message: "must not be in the future" }]);
    const audit = { actorUserId: actor.user.id, organisationId: frame.id, action: "update" as const };
    if (link.caseId) {
      const [held] = await tx
        .select()
        .from(cases)
        .where(and(eq(cases.facilityId, frame.id), eq(cases.id, link.caseId)))
        .for("update");
      if (resolvedDate !== null && resolvedDate < held!.onsetDate)
        throw validationFailed([{ path: "resolvedDate", message: "must not be before the onset" }]);
      await updateAudited(tx, {
        table: cases,
        current: held!,
        owner: { column: cases.facilityId, id: frame.id },
        changes: { resolvedDate, version: held!.version + 1 },
        audit: { ...audit, entity: "case" },
      });
    } else {
      if (resolvedDate !== null && resolvedDate < link.onsetDate!)
        throw validationFailed([{ path: "resolvedDate", message: "must not be before the onset" }]);
      await updateAudited(tx, {
        table: outbreakEpisodeCases,
        current: link,
        owner: { column: outbreakEpisodeCases.facilityId, id: frame.id },
        changes: { resolvedDate },
        audit: { ...audit, entity: "outbreak_episode_case" },
      });
    }
  });
}

import type { MeasureCreate } from "@mamori/contract/episodes";
import { findOutbreakMeasure, measureGroupOf } from "@mamori/domain/surveillance";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { insertOnce } from "../../db/insert-once.ts";
import { outbreakMeasures } from "../../db/schema/index.ts";
import { validationFailed } from "../../errors.ts";
import { subjectOfEpisode } from "./episode-rules.ts";
import { episodeDetail, type FacilityFrame, findEpisode } from "./episode-store.ts";
import { type Actor, refuseIfClosed } from "./episode-write-steps.ts";

/** Records a measure of the episode: from the manual's list for its group, or in the staff's own words. */
export async function recordMeasure(
  db: Database,
  frame: FacilityFrame,
  actor: Actor,
  episodeId: string,
  body: MeasureCreate,
) {
  return db.transaction(async (tx) => {
    const row = await findEpisode(tx, frame.id, episodeId, true);
    const [already] = await tx
      .select()
      .from(outbreakMeasures)
      .where(and(eq(outbreakMeasures.facilityId, frame.id), eq(outbreakMeasures.id, body.id)));
    if (!already) {
      refuseIfClosed(row);
      if (body.catalogueId !== undefined) {
        const measure = findOutbreakMeasure(body.catalogueId);
        const group = measureGroupOf(subjectOfEpisode(row));
        if (!measure || (measure.group !== "ALL" && measure.group !== group))
          throw validationFailed([
            { path: "catalogueId", message: "not a measure of the manual for this group" },
          ]);
      }
      if (body.doneDate > frame.today)
        throw validationFailed([{ path: "doneDate", message: "must not be in the future" }]);
      const detail = await episodeDetail(tx, frame, row);
      const earliest = detail.state.firstOnset ?? row.openedDate;
      if (body.doneDate < earliest)
        throw validationFailed([
          { path: "doneDate", message: `must not be before the episode's first onset (${earliest})` },
        ]);
    }
    return insertOnce(tx, {
      table: outbreakMeasures,
      values: {
        id: body.id,
        episodeId: row.id,
        facilityId: frame.id,
        catalogueId: body.catalogueId ?? null,
        text: body.text ?? null,
        doneDate: body.doneDate,
        doneBy: body.doneBy ?? null,
        note: body.note ?? null,
        recordedBy: actor.user.id,
        recordedAt: frame.now,
      },
      owner: { column: outbreakMeasures.facilityId, id: frame.id },
      isOwn: (stored) => stored.episodeId === row.id,
      content: (m) => ({
        catalogueId: m.catalogueId,
        text: m.text,
        doneDate: m.doneDate,
        doneBy: m.doneBy,
        note: m.note,
      }),
      audit: {
        actorUserId: actor.user.id,
        organisationId: frame.id,
        action: "create",
        entity: "outbreak_measure",
      },
      conflictMessage: "This measure was already recorded with other content.",
      conflictReason: "already recorded",
    });
  });
}

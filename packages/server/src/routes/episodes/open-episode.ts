import type { EpisodeCreate } from "@mamori/contract/episodes";
import { episodeQuietDays, episodeRuleSubject, type FacilitySubject } from "@mamori/domain/surveillance";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { insertOnce } from "../../db/insert-once.ts";
import { outbreakEpisodes } from "../../db/schema/index.ts";
import { conflict, validationFailed } from "../../errors.ts";
import { dayBounds } from "../../time/facility-day.ts";
import { facilityAlerts } from "../alerts/facility-alerts.ts";
import { subjectOfEpisode } from "./episode-rules.ts";
import { type EpisodeRow, type FacilityFrame, outbreakRun, subjectCases } from "./episode-store.ts";
import { type Actor, addEvent, insertLink, sameSubject } from "./episode-write-steps.ts";

/** The episode's row without who and when: what a resend must repeat to be the same request. */
const createdContent = (row: EpisodeRow) => ({
  subjectGroup: row.subjectGroup,
  subjectDisease: row.subjectDisease,
  openedDate: row.openedDate,
  alertCode: row.alertCode,
  alertDay: row.alertDay,
  note: row.note,
});

/**
 * Opens an episode under the client's id. From an alert, the alert must have held on its day for the subject, and the
 * cases of the group's current outbreak up to that day are linked. A resend of the same request answers the stored
 * episode; the same id with other content, or a second open episode of the same subject, is a conflict.
 */
export async function openEpisode(
  db: Database,
  frame: FacilityFrame,
  actor: Actor,
  body: EpisodeCreate,
): Promise<{ row: EpisodeRow; created: boolean }> {
  const openedDate = body.openedDate ?? frame.today;
  if (openedDate > frame.today)
    throw validationFailed([{ path: "openedDate", message: "must not be in the future" }]);
  if (body.alert) {
    if (body.alert.day > frame.today)
      throw validationFailed([{ path: "alert.day", message: "must not be in the future" }]);
    if (body.alert.day > openedDate)
      throw validationFailed([{ path: "alert.day", message: "must not be after the opening day" }]);
  }
  const values = {
    id: body.id,
    facilityId: frame.id,
    subjectGroup: "group" in body.subject ? body.subject.group : null,
    subjectDisease: "disease" in body.subject ? body.subject.disease : null,
    openedDate,
    alertCode: body.alert?.code ?? null,
    alertDay: body.alert?.day ?? null,
    note: body.note ?? null,
    openedBy: actor.user.id,
    openedAt: frame.now,
  };
  // One insert, whether a resend is answered up front or the episode is new.
  const insertEpisode = {
    table: outbreakEpisodes,
    values,
    owner: { column: outbreakEpisodes.facilityId, id: frame.id },
    content: createdContent,
    audit: {
      actorUserId: actor.user.id,
      organisationId: frame.id,
      action: "create",
      entity: "outbreak_episode",
    },
    conflictMessage: "This episode was already opened with other content.",
    conflictReason: "already opened",
  } as const;

  // A resend of a stored episode is answered before anything else is checked.
  const [stored] = await db
    .select()
    .from(outbreakEpisodes)
    .where(and(eq(outbreakEpisodes.facilityId, frame.id), eq(outbreakEpisodes.id, body.id)));
  if (stored) {
    return db.transaction((tx) => insertOnce(tx, insertEpisode));
  }

  const subject = body.subject;
  const ruleSubject = episodeRuleSubject(subject, frame.profile);
  if (body.alert) {
    const { end } = dayBounds(body.alert.day, frame.timeZone);
    const asOf = end.getTime() - 1 < frame.now.getTime() ? new Date(end.getTime() - 1) : frame.now;
    const result = await facilityAlerts(db, frame.id, asOf, 1);
    const held = result.alerts.some(
      (alert) =>
        alert.code === body.alert!.code &&
        alert.day === body.alert!.day &&
        ("group" in alert.subject || "disease" in alert.subject) &&
        sameSubject(alert.subject as FacilitySubject, ruleSubject),
    );
    if (!held)
      throw validationFailed([{ path: "alert", message: "no such alert for this subject on that day" }]);
  }

  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(outbreakEpisodes)
      .where(and(eq(outbreakEpisodes.facilityId, frame.id), isNull(outbreakEpisodes.closedDate)))
      .for("update");
    if (
      open.some((row) => sameSubject(episodeRuleSubject(subjectOfEpisode(row), frame.profile), ruleSubject))
    )
      throw conflict("An episode of this group is already open.", [
        { path: "subject", message: "an episode of this group is already open" },
      ]);
    const result = await insertOnce(tx, insertEpisode);
    await addEvent(tx, actor, frame, {
      episodeId: body.id,
      kind: "opened",
      day: openedDate,
      text: body.note ?? null,
    });
    if (body.alert) {
      // The cases of the outbreak the alert is about: the group's onsets around the alert day without a quiet gap, up
      // to today.
      const quietDays = episodeQuietDays(subject, frame.profile);
      const lookFrom = new Date(`${body.alert.day}T00:00:00Z`);
      lookFrom.setUTCDate(lookFrom.getUTCDate() - 90);
      const group = await subjectCases(tx, frame, subject, lookFrom.toISOString().slice(0, 10));
      const onsets = [...group.recorded.map((c) => c.onsetDate), ...group.implicit.map((c) => c.onsetDate)];
      const run = outbreakRun(onsets, body.alert.day, frame.today, quietDays);
      if (run) {
        const inRun = (day: string) => day >= run.from && day <= run.to;
        const links = [
          ...group.recorded
            .filter((c) => inRun(c.onsetDate))
            .map((c) => ({ caseId: c.id, personId: c.personId, onsetDate: null })),
          ...group.implicit
            .filter((c) => inRun(c.onsetDate))
            .map((c) => ({ caseId: null, personId: c.personId, onsetDate: c.onsetDate })),
        ];
        for (const link of links) await insertLink(tx, actor, frame, body.id, link);
      }
    }
    return result;
  });
}

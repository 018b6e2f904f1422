import { randomUUID } from "node:crypto";
import type { EpisodeCreate, MeasureCreate } from "@mamori/contract/episodes";
import {
  episodeQuietDays,
  episodeRuleSubject,
  type FacilitySubject,
  findOutbreakMeasure,
  measureGroupOf,
} from "@mamori/domain/surveillance";
import { and, eq, isNull } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import type { SessionUser } from "../../auth/sessions.ts";
import type { Database, Executor } from "../../db/database.ts";
import { insertOnce, updateAudited } from "../../db/insert-once.ts";
import {
  cases,
  outbreakEpisodeCases,
  outbreakEpisodeEvents,
  outbreakEpisodes,
  outbreakMeasures,
  people,
} from "../../db/schema/index.ts";
import { conflict, notFound, validationFailed } from "../../errors.ts";
import { dayBounds } from "../../time/facility-day.ts";
import { facilityAlerts } from "../alerts/facility-alerts.ts";
import { subjectOfEpisode } from "./episode-rules.ts";
import {
  type EpisodeDetail,
  type EpisodeRow,
  episodeDetail,
  episodeExtras,
  type FacilityFrame,
  findEpisode,
  outbreakRun,
  recordedCaseFits,
  subjectCases,
  userNames,
} from "./episode-store.ts";

type Actor = { user: SessionUser; facilityId: string };

const sameSubject = (a: FacilitySubject, b: FacilitySubject) =>
  ("group" in a && "group" in b && a.group === b.group) ||
  ("disease" in a && "disease" in b && a.disease === b.disease);

/** The episode's row without who and when: what a resend must repeat to be the same request. */
const createdContent = (row: EpisodeRow) => ({
  subjectGroup: row.subjectGroup,
  subjectDisease: row.subjectDisease,
  openedDate: row.openedDate,
  alertCode: row.alertCode,
  alertDay: row.alertDay,
  note: row.note,
});

export function presentSummary(detail: EpisodeDetail, names: Map<string, string>) {
  const { row } = detail;
  return {
    id: row.id,
    subject: detail.subject,
    openedDate: row.openedDate,
    alert: row.alertCode && row.alertDay ? { code: row.alertCode, day: row.alertDay } : null,
    note: row.note,
    openedBy: names.get(row.openedBy) ?? "",
    openedAt: row.openedAt.toISOString(),
    closedDate: row.closedDate,
    decision: row.decision,
    overrideReason: row.overrideReason,
    closedBy: row.closedBy ? (names.get(row.closedBy) ?? "") : null,
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    state: detail.state,
  };
}

/** One episode with its cases, unlinked cases of its group, measures and timeline, as the episode page shows it. */
export async function presentDetail(db: Executor, frame: FacilityFrame, row: EpisodeRow) {
  const detail = await episodeDetail(db, frame, row);
  const { measureRows, eventRows } = await episodeExtras(db, row.id);
  const names = await userNames(db, [
    row.openedBy,
    row.closedBy,
    ...measureRows.map((m) => m.recordedBy),
    ...eventRows.map((e) => e.byUser),
    ...detail.links.map((l) => l.linkedBy),
  ]);
  const measures = measureRows.map((m) => ({
    id: m.id,
    catalogueId: m.catalogueId,
    text: m.text,
    doneDate: m.doneDate,
    doneBy: m.doneBy,
    note: m.note,
    recordedBy: names.get(m.recordedBy) ?? "",
    recordedAt: m.recordedAt.toISOString(),
  }));
  const timeline = [
    ...eventRows.map((e) => ({
      kind: e.kind,
      day: e.day,
      at: e.at.toISOString(),
      by: names.get(e.byUser) ?? "",
      text: e.text,
      ref: null,
    })),
    ...measureRows.map((m) => ({
      kind: "measure" as const,
      day: m.doneDate,
      at: m.recordedAt.toISOString(),
      by: m.doneBy ?? names.get(m.recordedBy) ?? "",
      text: m.text,
      ref: m.catalogueId,
    })),
    ...detail.links.map((l) => ({
      kind: "case" as const,
      day: detail.cases.find((c) => c.linkId === l.id)?.onsetDate ?? row.openedDate,
      at: l.linkedAt.toISOString(),
      by: names.get(l.linkedBy) ?? "",
      text: null,
      ref: l.personId,
    })),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.at.localeCompare(b.at));
  return {
    today: frame.today,
    episode: presentSummary(detail, names),
    cases: detail.cases,
    candidates: detail.candidates,
    measures,
    timeline,
  };
}

export async function listEpisodes(db: Executor, frame: FacilityFrame, state: "open" | "closed" | "all") {
  const rows = await db
    .select()
    .from(outbreakEpisodes)
    .where(
      and(
        eq(outbreakEpisodes.facilityId, frame.id),
        state === "open" ? isNull(outbreakEpisodes.closedDate) : undefined,
      ),
    );
  const shown = rows
    .filter((row) => state !== "closed" || row.closedDate !== null)
    .sort((a, b) => b.openedDate.localeCompare(a.openedDate) || b.openedAt.getTime() - a.openedAt.getTime());
  const details = await Promise.all(shown.map((row) => episodeDetail(db, frame, row)));
  const names = await userNames(
    db,
    shown.flatMap((row) => [row.openedBy, row.closedBy]),
  );
  return { today: frame.today, episodes: details.map((detail) => presentSummary(detail, names)) };
}

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

  // A resend of a stored episode is answered before anything else is checked.
  const [stored] = await db.select().from(outbreakEpisodes).where(eq(outbreakEpisodes.id, body.id));
  if (stored) {
    return db.transaction((tx) =>
      insertOnce(tx, {
        table: outbreakEpisodes,
        values,
        isOwn: (row) => row.facilityId === frame.id,
        content: createdContent,
        audit: {
          actorUserId: actor.user.id,
          organisationId: frame.id,
          action: "create",
          entity: "outbreak_episode",
        },
        conflictMessage: "This episode was already opened with other content.",
        conflictReason: "already opened",
      }),
    );
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
    const result = await insertOnce(tx, {
      table: outbreakEpisodes,
      values,
      isOwn: (row) => row.facilityId === frame.id,
      content: createdContent,
      audit: {
        actorUserId: actor.user.id,
        organisationId: frame.id,
        action: "create",
        entity: "outbreak_episode",
      },
      conflictMessage: "This episode was already opened with other content.",
      conflictReason: "already opened",
    });
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

async function addEvent(
  tx: Executor,
  actor: Actor,
  frame: FacilityFrame,
  event: { episodeId: string; kind: "opened" | "closed" | "reopened"; day: string; text: string | null },
) {
  const [row] = await tx
    .insert(outbreakEpisodeEvents)
    .values({ ...event, byUser: actor.user.id, at: frame.now })
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

async function insertLink(
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

function refuseIfClosed(row: EpisodeRow) {
  if (row.closedDate !== null)
    throw conflict("The episode is closed; reopen it first.", [{ path: "episode", message: "closed" }]);
}

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
    const [already] = await tx.select().from(outbreakMeasures).where(eq(outbreakMeasures.id, body.id));
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
      isOwn: (stored) => stored.facilityId === frame.id && stored.episodeId === row.id,
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
      .where(and(eq(outbreakEpisodeCases.id, linkId), eq(outbreakEpisodeCases.episodeId, row.id)))
      .for("update");
    if (!link) throw notFound("Case");
    if (resolvedDate !== null && resolvedDate > frame.today)
      throw validationFailed([{ path: "resolvedDate", message: "must not be in the future" }]);
    const audit = { actorUserId: actor.user.id, organisationId: frame.id, action: "update" as const };
    if (link.caseId) {
      const [held] = await tx.select().from(cases).where(eq(cases.id, link.caseId)).for("update");
      if (resolvedDate !== null && resolvedDate < held!.onsetDate)
        throw validationFailed([{ path: "resolvedDate", message: "must not be before the onset" }]);
      await updateAudited(tx, {
        table: cases,
        current: held!,
        changes: { resolvedDate, version: held!.version + 1 },
        audit: { ...audit, entity: "case" },
      });
    } else {
      if (resolvedDate !== null && resolvedDate < link.onsetDate!)
        throw validationFailed([{ path: "resolvedDate", message: "must not be before the onset" }]);
      await updateAudited(tx, {
        table: outbreakEpisodeCases,
        current: link,
        changes: { resolvedDate },
        audit: { ...audit, entity: "outbreak_episode_case" },
      });
    }
  });
}

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

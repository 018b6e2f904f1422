import type { ReportCreate, ReportEdits } from "@mamori/contract/reports";
import { changedFields, type OfficeReportContent } from "@mamori/domain/reports";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import type { Database, Executor } from "../../db/database.ts";
import {
  criterionCDecisions,
  officeReportMessages,
  officeReportRecipients,
  officeReports,
  officeReportVersions,
  organisations,
  outbreakEpisodes,
  users,
} from "../../db/schema/index.ts";
import { conflict, forbidden, validationFailed } from "../../errors.ts";
import { currentOffices } from "../../policies/office-links.ts";
import { type Actor, officeOf, reportPolicy } from "../../policies/reports.ts";
import { draftOfficeReport, type EvidenceSnapshot } from "./draft.ts";
import {
  authorizeReport,
  followUpsOf,
  type LoadedReport,
  loadReport,
  type ReportRef,
} from "./report-store.ts";
import { storedGroup } from "./stored-group.ts";

const audit = (
  actor: Actor,
  organisationId: string,
  action: "create" | "update",
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
) => ({ actorUserId: actor.id, organisationId, action, entity, entityId, before, after });

async function assertEpisodeOfFacility(db: Executor, facilityId: string, episodeId: string | undefined) {
  if (!episodeId) return;
  const [row] = await db
    .select({ id: outbreakEpisodes.id })
    .from(outbreakEpisodes)
    .where(and(eq(outbreakEpisodes.id, episodeId), eq(outbreakEpisodes.facilityId, facilityId)));
  if (!row)
    throw validationFailed([{ path: "episodeId", message: "no such outbreak episode in this facility" }]);
}

async function insertDraft(
  tx: Executor,
  actor: Actor,
  values: {
    id: string;
    facilityId: string;
    kind: "first" | "follow_up" | "final";
    parentId: string | null;
    group: ReportCreate["group"];
    criterion: ReportCreate["criterion"];
    episodeId?: string | null;
  },
  now: Date,
) {
  const draft = await draftOfficeReport(
    tx,
    values.facilityId,
    values.group,
    values.criterion,
    now,
    values.episodeId,
  );
  const [row] = await tx
    .insert(officeReports)
    .values({
      id: values.id,
      facilityId: values.facilityId,
      kind: values.kind,
      parentId: values.parentId,
      episodeId: draft.episodeId,
      subjectGroup: values.group,
      criterion: values.criterion,
      status: "draft",
      version: 1,
      content: draft.content,
      evidence: draft.evidence,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(officeReportVersions).values({
    facilityId: values.facilityId,
    reportId: values.id,
    version: 1,
    content: draft.content,
    savedBy: actor.id,
    savedAt: now,
  });
  await appendAudit(tx, [audit(actor, values.facilityId, "create", "office_report", values.id, null, row)]);
}

/**
 * Drafts a report (付録1① item 4) for the director's facility, pre-filled from its records as of now. The same call
 * again answers the same report; the id with other content is a conflict.
 */
export async function createReport(db: Database, actor: Actor, body: ReportCreate, now: Date) {
  const facilityId = actor.organisation.id;
  if (!reportPolicy.create(actor, facilityId)) throw forbidden();
  return db.transaction(async (tx) => {
    const existing = await loadReport(tx, facilityId, body.id, true);
    if (existing) {
      const same =
        existing.row.kind === "first" &&
        existing.row.subjectGroup === body.group &&
        existing.row.criterion === body.criterion &&
        (body.episodeId === undefined || existing.row.episodeId === body.episodeId);
      if (!same) throw conflict("A report with this id exists with other content.");
      return { created: false };
    }
    await assertEpisodeOfFacility(tx, facilityId, body.episodeId);
    await insertDraft(
      tx,
      actor,
      { ...body, facilityId, kind: "first", parentId: null, episodeId: body.episodeId ?? null },
      now,
    );
    return { created: true };
  });
}

/** Saves the director's changes as a new version. A submitted report goes back to draft until submitted again. */
export async function editReport(db: Database, actor: Actor, ref: ReportRef, body: ReportEdits, now: Date) {
  return db.transaction(async (tx) => {
    const { row } = await authorizeReport(tx, actor, ref, "write", true);
    const { id } = row;
    if (body.version !== row.version)
      throw conflict(`The report has changed: version ${row.version} is current.`, [
        {
          path: "version",
          message: "not the current version",
          code: "stale_version",
          params: { current: row.version },
        },
      ]);
    const { version: _version, ...edits } = body;
    const before = row.content as OfficeReportContent;
    const after = { ...before, ...edits };
    if (changedFields(before, after).length === 0) return;
    const version = row.version + 1;
    const [updated] = await tx
      .update(officeReports)
      .set({ content: after, version, status: "draft", updatedAt: now })
      .where(and(eq(officeReports.facilityId, row.facilityId), eq(officeReports.id, id)))
      .returning();
    await tx.insert(officeReportVersions).values({
      facilityId: row.facilityId,
      reportId: id,
      version,
      content: after,
      savedBy: actor.id,
      savedAt: now,
    });
    await appendAudit(tx, [audit(actor, row.facilityId, "update", "office_report", id, row, updated)]);
  });
}

/**
 * Submits a version to both offices: the health centre and the municipality the facility reports to now (a follow-up
 * goes to the offices of its first report). Sending the submitted version again changes nothing; an old version is a
 * conflict.
 */
export async function submitReport(db: Database, actor: Actor, ref: ReportRef, version: number, now: Date) {
  return db.transaction(async (tx) => {
    const loaded = await authorizeReport(tx, actor, ref, "write", true);
    const { row } = loaded;
    const { id } = row;
    if (row.status === "submitted" && row.submittedVersion === version) return;
    if (version !== row.version)
      throw conflict(`Version ${version} is not the current version ${row.version}.`, [
        {
          path: "version",
          message: "not the current version",
          code: "stale_version",
          params: { current: row.version },
        },
      ]);
    if (loaded.recipients.length === 0) {
      const offices = row.parentId
        ? ((await loadReport(tx, row.facilityId, row.parentId))?.recipients ?? []).map((r) => ({
            officeId: r.officeId,
            kind: r.kind,
          }))
        : await currentOffices(tx, row.facilityId);
      if (offices.length === 0)
        throw conflict("The facility has no health centre or municipality to report to.");
      await tx.insert(officeReportRecipients).values(
        offices.map((o) => ({
          reportId: id,
          officeId: o.officeId,
          kind: o.kind,
          facilityId: row.facilityId,
          state: "new" as const,
          receivedAt: now,
          stateChangedAt: now,
        })),
      );
    }
    const [updated] = await tx
      .update(officeReports)
      .set({ status: "submitted", submittedVersion: version, submittedAt: now, updatedAt: now })
      .where(and(eq(officeReports.facilityId, row.facilityId), eq(officeReports.id, id)))
      .returning();
    await tx
      .update(officeReportVersions)
      .set({ submittedAt: now })
      .where(
        and(
          eq(officeReportVersions.facilityId, row.facilityId),
          eq(officeReportVersions.reportId, id),
          eq(officeReportVersions.version, version),
        ),
      );
    await appendAudit(tx, [
      audit(actor, row.facilityId, "update", "office_report_submission", id, row, updated),
    ]);
  });
}

/** A follow-up (続報) or final report attached to a submitted first report, drafted from the records as of now. */
export async function createFollowUp(
  db: Database,
  actor: Actor,
  parent: ReportRef,
  body: { id: string; kind: "follow_up" | "final" },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { row: parentRow } = await authorizeReport(tx, actor, parent, "write", true);
    const firstId = parentRow.parentId ?? parentRow.id;
    const existing = await loadReport(tx, parentRow.facilityId, body.id);
    if (existing) {
      if (existing.row.parentId !== firstId || existing.row.kind !== body.kind)
        throw conflict("A report with this id exists with other content.");
      return { id: body.id, facilityId: parentRow.facilityId, created: false };
    }
    if (parentRow.submittedVersion === null)
      throw conflict("Submit the first report before a follow-up report.");
    await insertDraft(
      tx,
      actor,
      {
        id: body.id,
        facilityId: parentRow.facilityId,
        kind: body.kind,
        parentId: firstId,
        group: parentRow.subjectGroup as ReportCreate["group"],
        criterion: parentRow.criterion,
        episodeId: parentRow.episodeId,
      },
      now,
    );
    return { id: body.id, facilityId: parentRow.facilityId, created: true };
  });
}

/**
 * An office's reply, instructions or note on a report. Instructions move the office's inbox entry to "instructions
 * sent". The same id again answers the same message.
 */
export async function postMessage(
  db: Database,
  actor: Actor,
  ref: ReportRef,
  body: { id: string; text: string; kind: "reply" | "instruction" | "note" },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const loaded = await authorizeReport(tx, actor, ref, body.kind === "note" ? "readNotes" : "answer", true);
    const office = officeOf(actor)!;
    const { facilityId, id } = loaded.row;
    const [existing] = await tx
      .select()
      .from(officeReportMessages)
      .where(and(eq(officeReportMessages.facilityId, facilityId), eq(officeReportMessages.id, body.id)));
    if (existing) {
      if (existing.reportId !== id || existing.text !== body.text || existing.kind !== body.kind)
        throw conflict("A message with this id exists with other content.");
      return { row: existing, created: false };
    }
    const [row] = await tx
      .insert(officeReportMessages)
      .values({
        id: body.id,
        facilityId,
        reportId: id,
        kind: body.kind,
        text: body.text,
        fromOrganisationId: office.officeId,
        fromKind: office.kind,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    const entries = [
      audit(actor, office.officeId, "create", `office_report_${body.kind}`, body.id, null, row),
    ];
    const recipient = loaded.recipients.find((r) => r.officeId === office.officeId)!;
    if (body.kind === "instruction" && recipient.state !== "instructed" && recipient.state !== "closed") {
      const [after] = await tx
        .update(officeReportRecipients)
        .set({ state: "instructed", stateChangedAt: now })
        .where(
          and(
            eq(officeReportRecipients.facilityId, facilityId),
            eq(officeReportRecipients.reportId, id),
            eq(officeReportRecipients.officeId, office.officeId),
          ),
        )
        .returning();
      entries.push(audit(actor, office.officeId, "update", "office_report_state", id, recipient, after));
    }
    await appendAudit(tx, entries);
    return { row: row!, created: true };
  });
}

/** Moves the report in the officer's own inbox: new → acknowledged → instructions sent → closed. */
export async function changeState(
  db: Database,
  actor: Actor,
  ref: ReportRef,
  state: "new" | "acknowledged" | "instructed" | "closed",
  now: Date,
) {
  return db.transaction(async (tx) => {
    const loaded = await authorizeReport(tx, actor, ref, "answer", true);
    const { id } = loaded.row;
    const office = officeOf(actor)!;
    const before = loaded.recipients.find((r) => r.officeId === office.officeId)!;
    if (before.state === state) return;
    const [after] = await tx
      .update(officeReportRecipients)
      .set({ state, stateChangedAt: now })
      .where(
        and(
          eq(officeReportRecipients.facilityId, loaded.row.facilityId),
          eq(officeReportRecipients.reportId, id),
          eq(officeReportRecipients.officeId, office.officeId),
        ),
      )
      .returning();
    await appendAudit(tx, [
      audit(actor, office.officeId, "update", "office_report_state", id, before, after),
    ]);
  });
}

/** Marks the submitted version as read by the officer's office (the inbox's unread count); not a change of record. */
export async function markRead(db: Executor, actor: Actor, loaded: LoadedReport) {
  const office = officeOf(actor);
  if (!office || loaded.row.submittedVersion === null) return;
  const mine = loaded.recipients.find((r) => r.officeId === office.officeId);
  if (!mine || mine.readVersion >= loaded.row.submittedVersion) return;
  await db
    .update(officeReportRecipients)
    .set({ readVersion: loaded.row.submittedVersion })
    .where(
      and(
        eq(officeReportRecipients.facilityId, loaded.row.facilityId),
        eq(officeReportRecipients.reportId, loaded.row.id),
        eq(officeReportRecipients.officeId, office.officeId),
      ),
    );
}

/** The director's decision under criterion ウ — report or not, and why — recorded either way (manual p.48). */
export async function recordDecision(
  db: Database,
  actor: Actor,
  body: {
    id: string;
    group: string;
    day: string;
    decision: "report" | "no_report";
    reason: string;
    reportId?: string;
  },
  now: Date,
) {
  const facilityId = actor.organisation.id;
  if (!reportPolicy.create(actor, facilityId)) throw forbidden();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(criterionCDecisions)
      .where(and(eq(criterionCDecisions.facilityId, facilityId), eq(criterionCDecisions.id, body.id)));
    if (existing) {
      if (existing.reason !== body.reason || existing.decision !== body.decision)
        throw conflict("A decision with this id exists with other content.");
      return { created: false };
    }
    if (body.reportId) {
      const report = await loadReport(tx, facilityId, body.reportId);
      if (!report || report.row.facilityId !== facilityId)
        throw validationFailed([{ path: "reportId", message: "no such report of this facility" }]);
    }
    const [row] = await tx
      .insert(criterionCDecisions)
      .values({
        id: body.id,
        facilityId,
        subjectGroup: body.group,
        day: body.day,
        decision: body.decision,
        reason: body.reason,
        reportId: body.reportId ?? null,
        decidedBy: actor.id,
        decidedAt: now,
      })
      .returning();
    await appendAudit(tx, [audit(actor, facilityId, "create", "criterion_c_decision", body.id, null, row)]);
    return { created: true };
  });
}

/** The facility's reports, newest first, and its ウ decisions. */
export async function listFacilityReports(db: Executor, facilityId: string) {
  const rows = await db
    .select()
    .from(officeReports)
    .where(eq(officeReports.facilityId, facilityId))
    .orderBy(desc(officeReports.createdAt));
  const ids = rows.map((r) => r.id);
  const messages = ids.length
    ? await db
        .select({ reportId: officeReportMessages.reportId, kind: officeReportMessages.kind })
        .from(officeReportMessages)
        .where(
          and(eq(officeReportMessages.facilityId, facilityId), inArray(officeReportMessages.reportId, ids)),
        )
    : [];
  const decisions = await db
    .select({ d: criterionCDecisions, by: users.displayName })
    .from(criterionCDecisions)
    .innerJoin(users, eq(users.id, criterionCDecisions.decidedBy))
    .where(eq(criterionCDecisions.facilityId, facilityId))
    .orderBy(desc(criterionCDecisions.decidedAt));
  return {
    reports: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      parentId: r.parentId,
      episodeId: r.episodeId,
      group: storedGroup(r.subjectGroup),
      criterion: r.criterion,
      status: r.status,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      replies: messages.filter((m) => m.reportId === r.id && m.kind !== "note").length,
    })),
    decisions: decisions.map(({ d, by }) => ({
      id: d.id,
      group: storedGroup(d.subjectGroup),
      day: d.day,
      decision: d.decision,
      reason: d.reason,
      reportId: d.reportId,
      decidedBy: by,
      decidedAt: d.decidedAt.toISOString(),
    })),
  };
}

/** A report as the actor may see it: the offices see the submitted version only, and their notes. */
export async function presentReport(db: Executor, actor: Actor, loaded: LoadedReport) {
  const { row } = loaded;
  const officer = officeOf(actor) !== null;
  const versions = await db
    .select()
    .from(officeReportVersions)
    .where(
      and(eq(officeReportVersions.facilityId, row.facilityId), eq(officeReportVersions.reportId, row.id)),
    )
    .orderBy(asc(officeReportVersions.version));
  const submitted = versions.filter((v) => v.submittedAt !== null);
  const shown = officer ? versions.find((v) => v.version === row.submittedVersion)! : null;
  const lastTwo = submitted.slice(-2);
  const changes = lastTwo.length === 2 ? changedFields(lastTwo[0]!.content, lastTwo[1]!.content) : [];
  const orgIds = [row.facilityId, ...loaded.recipients.map((r) => r.officeId)];
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, orgIds));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const messageRows = await db
    .select({ m: officeReportMessages, by: users.displayName })
    .from(officeReportMessages)
    .innerJoin(users, eq(users.id, officeReportMessages.createdBy))
    .where(
      and(eq(officeReportMessages.facilityId, row.facilityId), eq(officeReportMessages.reportId, row.id)),
    )
    .orderBy(asc(officeReportMessages.createdAt));
  const present = ({ m, by }: (typeof messageRows)[number]) => ({
    id: m.id,
    kind: m.kind,
    text: m.text,
    at: m.createdAt.toISOString(),
    by,
    from: {
      kind: m.fromKind,
      organisationId: m.fromOrganisationId,
      name: orgName.get(m.fromOrganisationId) ?? "",
    },
  });
  const followUps = (await followUpsOf(db, row.facilityId, [row.parentId ?? row.id])).filter(
    (f) => f.id !== row.id && (!officer || f.submittedVersion !== null),
  );
  const showNotes = reportPolicy.readNotes(actor, loaded.subject);
  return {
    report: {
      id: row.id,
      facilityId: row.facilityId,
      facility: { id: row.facilityId, name: orgName.get(row.facilityId) ?? "" },
      kind: row.kind,
      parentId: row.parentId,
      episodeId: row.episodeId,
      group: storedGroup(row.subjectGroup),
      criterion: row.criterion,
      status: officer ? ("submitted" as const) : row.status,
      version: officer ? row.submittedVersion! : row.version,
      submittedVersion: row.submittedVersion,
      createdAt: row.createdAt.toISOString(),
      updatedAt: (shown?.savedAt ?? row.updatedAt).toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      content: (shown?.content ?? row.content) as Record<string, unknown>,
      evidence: row.evidence as EvidenceSnapshot,
      changes,
      recipients: loaded.recipients.map((r) => ({
        organisationId: r.officeId,
        kind: r.kind,
        name: orgName.get(r.officeId) ?? "",
        state: r.state,
      })),
      replies: messageRows.filter(({ m }) => m.kind !== "note").map(present),
      ...(showNotes ? { notes: messageRows.filter(({ m }) => m.kind === "note").map(present) } : {}),
      followUps: followUps.map((f) => ({
        id: f.id,
        kind: f.kind,
        status: officer ? "submitted" : f.status,
        version: officer ? f.submittedVersion! : f.version,
        submittedAt: f.submittedAt?.toISOString() ?? null,
      })),
      versions: (officer ? submitted : versions).map((v) => ({
        version: v.version,
        savedAt: v.savedAt.toISOString(),
        submittedAt: v.submittedAt?.toISOString() ?? null,
      })),
    },
  };
}

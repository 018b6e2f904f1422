import type { SentCreNotification, SentNotificationForm } from "@mamori/contract/cre-notifications";
import { and, asc, count, desc, eq, isNull, or } from "drizzle-orm";
import { appendAudit } from "../../audit/audit.ts";
import { assertFound } from "../../auth/guard.ts";
import type { Executor } from "../../db/database.ts";
import { creCases, creNotifications, organisations } from "../../db/schema/index.ts";
import { conflict } from "../../errors.ts";
import { currentOffices } from "../../policies/office-links.ts";
import { dayInZone } from "../../time/facility-day.ts";
import { type CaseDetail, caseDetail } from "../cre/case-detail.ts";
import type { HospitalActor } from "../cre/hospital.ts";

export type CreNotificationRow = typeof creNotifications.$inferSelect;

/**
 * The 発生届 as sent: the hospital, the physician who sent it, and what the form shows of the case — the patient's
 * label, organism, specimen and its day, the resistance that meets the criteria, the carbapenemase, the site, the days
 * of diagnosis and notification — in Japanese, on the day it was sent. Nothing else of the case (no consultations,
 * severity or treatment) leaves the hospital. Kept as it is; a later change of the case does not change what was sent.
 */
export type CreNotificationSnapshot = SentNotificationForm;

/** The parts of a case's detail the 発生届 shows (same shapes as the case detail, so one form renders both). */
export function notificationFormOf(
  detail: CaseDetail,
  hospital: { name: string },
  physician: { name: string },
  sentOn: string,
): SentNotificationForm {
  const { case: record, evaluation } = detail;
  return {
    hospital,
    physician,
    sentOn,
    case: {
      id: record.id,
      patientLabel: record.patientLabel,
      isolate: {
        organism: record.isolate.organism,
        specimen: { type: record.isolate.specimen.type },
        collectedAt: record.isolate.collectedAt,
      },
      diagnosedOn: record.diagnosedOn,
    },
    evaluation: {
      organism: {
        input: evaluation.organism.input,
        name: evaluation.organism.name,
        ja: evaluation.organism.ja,
      },
      cre: {
        criterionText: evaluation.cre.criterionText,
        checks: evaluation.cre.checks.filter((c) => c.result === true),
      },
      mechanism: { enzymes: evaluation.mechanism.enzymes },
      clinical: evaluation.clinical
        ? { site: evaluation.clinical.site, urinaryType: evaluation.clinical.urinaryType }
        : null,
      notification: {
        notifiedOn: evaluation.notification.notifiedOn,
        dueDate: evaluation.notification.dueDate,
      },
    },
  };
}

/** The hospital's health centre now (its open office link), with its name; null when none is set. */
export async function healthCentreOf(db: Executor, hospitalId: string) {
  const link = (await currentOffices(db, hospitalId)).find((o) => o.kind === "health_centre");
  if (!link) return null;
  const [office] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, link.officeId));
  return office ?? null;
}

/**
 * Sends a case's 発生届 to the hospital's health centre through the inbox (感染症法 第12条第1項: 五類感染症 CRE, 7日以内).
 * The client's id makes a resend return the notification already sent; a case is notified once. The notified date is
 * recorded on the case (today in the hospital's time zone) when it was not recorded before, and the form is kept as
 * sent. Refused (409) when the case is not notifiable or the hospital has no health centre.
 */
export async function sendCreNotification(
  tx: Executor,
  actor: HospitalActor,
  input: { id: string; caseId: string },
  now: Date,
): Promise<{ row: CreNotificationRow; created: boolean }> {
  const [locked] = await tx
    .select()
    .from(creCases)
    .where(and(eq(creCases.id, input.caseId), eq(creCases.hospitalId, actor.hospitalId)))
    .for("update");
  const current = assertFound(locked, "CRE case");
  const [sent] = await tx
    .select()
    .from(creNotifications)
    .where(and(eq(creNotifications.hospitalId, actor.hospitalId), eq(creNotifications.caseId, current.id)));
  if (sent) {
    if (sent.id === input.id) return { row: sent, created: false };
    throw conflict("This case's notification was already sent.", [
      { path: "caseId", message: "already notified", code: "already_sent" },
    ]);
  }
  const [clash] = await tx
    .select({ id: creNotifications.id })
    .from(creNotifications)
    .where(and(eq(creNotifications.hospitalId, actor.hospitalId), eq(creNotifications.id, input.id)));
  if (clash)
    throw conflict("This notification id is already used.", [{ path: "id", message: "already used" }]);
  const before = await caseDetail(tx, actor, current.id, "ja", now);
  if (before.evaluation.notification.notifiable !== true) {
    throw conflict("This case does not meet the notification criteria.", [
      { path: "caseId", message: "not notifiable", code: "not_notifiable" },
    ]);
  }
  const healthCentre = await healthCentreOf(tx, actor.hospitalId);
  if (!healthCentre) {
    throw conflict("The hospital has no health centre to send to; set it in the facility settings.", [
      { path: "healthCentre", message: "no health centre", code: "no_health_centre" },
    ]);
  }
  const today = dayInZone(now, actor.timeZone);
  if (current.notifiedOn === null) {
    const [after] = await tx
      .update(creCases)
      .set({ notifiedOn: today, version: current.version + 1, updatedBy: actor.user.id, updatedAt: now })
      .where(and(eq(creCases.hospitalId, actor.hospitalId), eq(creCases.id, current.id)))
      .returning();
    await appendAudit(tx, [
      {
        actorUserId: actor.user.id,
        organisationId: actor.hospitalId,
        action: "update",
        entity: "cre_case",
        entityId: current.id,
        before: { notifiedOn: null, version: current.version },
        after: { notifiedOn: today, version: after!.version },
      },
    ]);
  }
  const [hospital] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.hospitalId));
  const snapshot = notificationFormOf(
    await caseDetail(tx, actor, current.id, "ja", now),
    { name: hospital!.name },
    { name: actor.user.displayName },
    today,
  );
  const [row] = await tx
    .insert(creNotifications)
    .values({
      id: input.id,
      caseId: current.id,
      hospitalId: actor.hospitalId,
      healthCentreId: healthCentre.id,
      snapshot,
      sentBy: actor.user.id,
      sentAt: now,
    })
    .returning();
  await appendAudit(tx, [
    {
      actorUserId: actor.user.id,
      organisationId: actor.hospitalId,
      action: "create",
      entity: "cre_notification",
      entityId: row!.id,
      after: { caseId: row!.caseId, healthCentreId: row!.healthCentreId, sentAt: row!.sentAt, snapshot },
    },
  ]);
  return { row: row!, created: true };
}

/**
 * The notifications of this id that the organisation sent (a hospital: one at most) or received (a health centre: one
 * per hospital that sent it one of this id — ids are the hospital's own — unless `hospitalId` names the hospital),
 * first sent first.
 */
export async function notificationsNamed(
  db: Executor,
  organisationId: string,
  ref: { id: string; hospitalId?: string | undefined },
) {
  return db
    .select()
    .from(creNotifications)
    .where(
      and(
        eq(creNotifications.id, ref.id),
        ref.hospitalId === undefined ? undefined : eq(creNotifications.hospitalId, ref.hospitalId),
        or(
          eq(creNotifications.hospitalId, organisationId),
          eq(creNotifications.healthCentreId, organisationId),
        ),
      ),
    )
    .orderBy(asc(creNotifications.sentAt), asc(creNotifications.hospitalId));
}

export async function notificationOfCase(db: Executor, hospitalId: string, caseId: string) {
  const [row] = await db
    .select()
    .from(creNotifications)
    .where(and(eq(creNotifications.caseId, caseId), eq(creNotifications.hospitalId, hospitalId)));
  return row;
}

/** Marks it read by the health centre (the inbox's unread count); not a change of record. */
export async function markNotificationRead(db: Executor, row: CreNotificationRow, now: Date) {
  if (row.readAt) return row;
  const [updated] = await db
    .update(creNotifications)
    .set({ readAt: now })
    .where(
      and(
        eq(creNotifications.hospitalId, row.hospitalId),
        eq(creNotifications.id, row.id),
        isNull(creNotifications.readAt),
      ),
    )
    .returning();
  return updated ?? row;
}

/** The 発生届 a health centre received, newest first, with the hospital and the organism; and how many are unread. */
export async function receivedNotifications(db: Executor, healthCentreId: string, limit = 100) {
  const rows = await db
    .select({
      id: creNotifications.id,
      hospitalId: creNotifications.hospitalId,
      hospitalName: organisations.name,
      snapshot: creNotifications.snapshot,
      sentAt: creNotifications.sentAt,
      readAt: creNotifications.readAt,
    })
    .from(creNotifications)
    .innerJoin(organisations, eq(organisations.id, creNotifications.hospitalId))
    .where(eq(creNotifications.healthCentreId, healthCentreId))
    .orderBy(desc(creNotifications.sentAt), desc(creNotifications.id))
    .limit(limit);
  const [unread] = await db
    .select({ n: count() })
    .from(creNotifications)
    .where(and(eq(creNotifications.healthCentreId, healthCentreId), isNull(creNotifications.readAt)));
  return {
    unread: unread?.n ?? 0,
    notifications: rows.map((r) => {
      const form = r.snapshot as CreNotificationSnapshot;
      return {
        id: r.id,
        hospital: { id: r.hospitalId, name: r.hospitalName },
        organism: form.evaluation.organism.name ?? form.case.isolate.organism,
        organismJa: form.evaluation.organism.ja,
        diagnosedOn: form.case.diagnosedOn,
        sentAt: r.sentAt.toISOString(),
        unread: r.readAt === null,
      };
    }),
  };
}

/** A notification as the API presents it: the snapshot as sent, who it went to, when, and whether it was opened. */
export async function presentNotification(
  db: Executor,
  row: CreNotificationRow,
): Promise<SentCreNotification> {
  const [office] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.healthCentreId));
  return {
    id: row.id,
    caseId: row.caseId,
    healthCentre: office!,
    sentAt: row.sentAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    form: row.snapshot as CreNotificationSnapshot,
  };
}

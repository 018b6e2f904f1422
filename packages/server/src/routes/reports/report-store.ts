import { and, asc, eq, exists, inArray, or } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { officeReportRecipients, officeReports } from "../../db/schema/index.ts";
import { type Actor, type ReportSubject, reportPolicy } from "../../policies/reports.ts";
import { recordNamed } from "../inbox/record-named.ts";

export type ReportRow = typeof officeReports.$inferSelect;
export type RecipientRow = typeof officeReportRecipients.$inferSelect;
export type LoadedReport = { row: ReportRow; recipients: RecipientRow[]; subject: ReportSubject };

/**
 * A report as a caller names it: its id and, for an office, the facility whose report it is. Ids are the facility's
 * own, so two facilities sending to one office may use the same id; without `facilityId` such an id names both.
 */
export type ReportRef = { id: string; facilityId?: string | undefined };

async function withRecipients(db: Executor, row: ReportRow): Promise<LoadedReport> {
  const recipients = await db
    .select()
    .from(officeReportRecipients)
    .where(
      and(eq(officeReportRecipients.facilityId, row.facilityId), eq(officeReportRecipients.reportId, row.id)),
    )
    .orderBy(asc(officeReportRecipients.kind));
  return {
    row,
    recipients,
    subject: {
      facilityId: row.facilityId,
      status: row.status,
      recipients: recipients.map((r) => ({ officeId: r.officeId, kind: r.kind })),
    },
  };
}

/** The facility's own report of this id, with the offices it went to; `lock` for the commands that change it. */
export async function loadReport(
  db: Executor,
  facilityId: string,
  id: string,
  lock = false,
): Promise<LoadedReport | null> {
  const query = db
    .select()
    .from(officeReports)
    .where(and(eq(officeReports.facilityId, facilityId), eq(officeReports.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  return row ? withRecipients(db, row) : null;
}

/**
 * The reports `ref` names that the organisation made (a facility: one at most) or received (an office: one per
 * facility that sent it a report of this id, unless `ref` names the facility), oldest first.
 */
async function reportsNamed(
  db: Executor,
  organisationId: string,
  ref: ReportRef,
  lock: boolean,
): Promise<LoadedReport[]> {
  const received = db
    .select({ one: officeReportRecipients.officeId })
    .from(officeReportRecipients)
    .where(
      and(
        eq(officeReportRecipients.facilityId, officeReports.facilityId),
        eq(officeReportRecipients.reportId, officeReports.id),
        eq(officeReportRecipients.officeId, organisationId),
      ),
    );
  const query = db
    .select()
    .from(officeReports)
    .where(
      and(
        eq(officeReports.id, ref.id),
        ref.facilityId === undefined ? undefined : eq(officeReports.facilityId, ref.facilityId),
        or(eq(officeReports.facilityId, organisationId), exists(received)),
      ),
    )
    .orderBy(asc(officeReports.createdAt), asc(officeReports.facilityId));
  const rows = lock ? await query.for("update") : await query;
  return Promise.all(rows.map((row) => withRecipients(db, row)));
}

/**
 * The report `ref` names if the policy lets the actor do `ability` with it; otherwise 404 — the same answer as for an
 * id that does not exist, so nobody learns of another facility's reports. An id that reports of several facilities
 * the actor may see share, named without the facility, is a 409 `ambiguous_id` (`recordNamed`).
 */
export async function authorizeReport(
  db: Executor,
  actor: Actor,
  ref: ReportRef,
  ability: Exclude<keyof typeof reportPolicy, "create">,
  lock = false,
): Promise<LoadedReport> {
  const named = await reportsNamed(db, actor.organisation.id, ref, lock);
  const allowed = named.filter((loaded) => reportPolicy[ability](actor, loaded.subject));
  return recordNamed(db, "Report", allowed, (loaded) => loaded.row.facilityId);
}

/** The follow-up and final reports attached to first reports of a facility. */
export async function followUpsOf(
  db: Executor,
  facilityId: string,
  ids: readonly string[],
): Promise<ReportRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(officeReports)
    .where(and(eq(officeReports.facilityId, facilityId), inArray(officeReports.parentId, [...ids])))
    .orderBy(asc(officeReports.createdAt));
}

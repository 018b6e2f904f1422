import { and, asc, eq, exists, inArray, or } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import { officeReportRecipients, officeReports } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import { type Actor, type ReportSubject, reportPolicy } from "../../policies/reports.ts";

export type ReportRow = typeof officeReports.$inferSelect;
export type RecipientRow = typeof officeReportRecipients.$inferSelect;
export type LoadedReport = { row: ReportRow; recipients: RecipientRow[]; subject: ReportSubject };

/**
 * The report of this id that the organisation made (a facility) or received (an office), with the offices it went to;
 * `lock` for the commands that change it. Ids are the facility's own: should two facilities' reports to one office
 * share an id, the office is answered the first made.
 */
export async function loadReport(
  db: Executor,
  organisationId: string,
  id: string,
  lock = false,
): Promise<LoadedReport | null> {
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
    .where(and(eq(officeReports.id, id), or(eq(officeReports.facilityId, organisationId), exists(received))))
    .orderBy(asc(officeReports.createdAt))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  const recipients = await db
    .select()
    .from(officeReportRecipients)
    .where(
      and(eq(officeReportRecipients.facilityId, row.facilityId), eq(officeReportRecipients.reportId, id)),
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

/**
 * The report if the policy lets the actor do `ability` with it; otherwise 404 — the same answer as for an id that
 * does not exist, so nobody learns of another facility's reports.
 */
export async function authorizeReport(
  db: Executor,
  actor: Actor,
  id: string,
  ability: Exclude<keyof typeof reportPolicy, "create">,
  lock = false,
): Promise<LoadedReport> {
  const loaded = await loadReport(db, actor.organisation.id, id, lock);
  if (!loaded || !reportPolicy[ability](actor, loaded.subject)) throw notFound("Report");
  return loaded;
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

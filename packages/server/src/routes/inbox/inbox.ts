import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import {
  officeReportRecipients,
  officeReports,
  organisations,
  outbreakEpisodes,
} from "../../db/schema/index.ts";
import { facilitiesOfOffice } from "../../policies/office-links.ts";

/** The reports submitted to an office, newest first, with where the office is with each and whether it is unread. */
export async function officeInbox(db: Executor, officeId: string) {
  const rows = await db
    .select({ r: officeReports, rec: officeReportRecipients, facilityName: organisations.name })
    .from(officeReportRecipients)
    .innerJoin(officeReports, eq(officeReports.id, officeReportRecipients.reportId))
    .innerJoin(organisations, eq(organisations.id, officeReportRecipients.facilityId))
    .where(eq(officeReportRecipients.officeId, officeId))
    .orderBy(desc(officeReports.submittedAt), desc(officeReports.id));
  const reports = rows.map(({ r, rec, facilityName }) => ({
    id: r.id,
    facility: { id: r.facilityId, name: facilityName },
    kind: r.kind,
    parentId: r.parentId,
    group: r.subjectGroup,
    criterion: r.criterion,
    status: "submitted",
    state: rec.state,
    version: r.submittedVersion ?? 0,
    unread: rec.readVersion < (r.submittedVersion ?? 0),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    receivedAt: rec.receivedAt.toISOString(),
  }));
  return { unread: reports.filter((r) => r.unread).length, reports };
}

/** How many submitted reports or new versions the office has not opened: the count in the header. */
export async function unreadCount(db: Executor, officeId: string): Promise<number> {
  return (await officeInbox(db, officeId)).unread;
}

/**
 * A health centre's facilities at a glance: each with its open reports (not closed by the office), unread ones, and
 * the open outbreak episodes its reports are about — nothing of a facility that it did not submit.
 */
export async function officeOverview(db: Executor, officeId: string) {
  const facilityIds = await facilitiesOfOffice(db, officeId);
  if (facilityIds.length === 0) return { facilities: [] };
  const [facilityRows, open, episodes] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, facilityIds)),
    db
      .select({
        facilityId: officeReportRecipients.facilityId,
        readVersion: officeReportRecipients.readVersion,
        submittedVersion: officeReports.submittedVersion,
        submittedAt: officeReports.submittedAt,
      })
      .from(officeReportRecipients)
      .innerJoin(officeReports, eq(officeReports.id, officeReportRecipients.reportId))
      .where(and(eq(officeReportRecipients.officeId, officeId), ne(officeReportRecipients.state, "closed"))),
    db
      .selectDistinct({
        facilityId: outbreakEpisodes.facilityId,
        id: outbreakEpisodes.id,
        group: outbreakEpisodes.subjectGroup,
        openedDate: outbreakEpisodes.openedDate,
      })
      .from(officeReportRecipients)
      .innerJoin(officeReports, eq(officeReports.id, officeReportRecipients.reportId))
      .innerJoin(outbreakEpisodes, eq(outbreakEpisodes.id, officeReports.episodeId))
      .where(and(eq(officeReportRecipients.officeId, officeId), isNull(outbreakEpisodes.closedDate))),
  ]);
  const facilities = facilityRows.map((f) => {
    const mine = open.filter((o) => o.facilityId === f.id);
    const latest = mine
      .map((o) => o.submittedAt?.toISOString() ?? "")
      .sort()
      .at(-1);
    return {
      id: f.id,
      name: f.name,
      openReports: mine.length,
      unread: mine.filter((o) => o.readVersion < (o.submittedVersion ?? 0)).length,
      latestReportAt: latest || null,
      openEpisodes: episodes
        .filter((e) => e.facilityId === f.id)
        .map((e) => ({ group: e.group, openedDate: e.openedDate })),
    };
  });
  facilities.sort(
    (a, b) =>
      b.openReports - a.openReports ||
      (b.latestReportAt ?? "").localeCompare(a.latestReportAt ?? "") ||
      a.name.localeCompare(b.name, "ja"),
  );
  return { facilities };
}

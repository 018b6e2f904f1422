import { and, count, desc, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import type { Executor } from "../../db/database.ts";
import {
  creNotifications,
  officeReportRecipients,
  officeReports,
  organisations,
  outbreakEpisodes,
} from "../../db/schema/index.ts";
import { facilitiesOfOffice } from "../../policies/office-links.ts";
import { storedGroup } from "../reports/stored-group.ts";

/** A recipient row's report: the facility's report of that id. */
const reportOfRecipient = and(
  eq(officeReports.facilityId, officeReportRecipients.facilityId),
  eq(officeReports.id, officeReportRecipients.reportId),
);

/** How many reports an inbox answers at most by default, newest first; older ones with `before`. */
export const INBOX_PAGE = 100;

/**
 * The reports submitted to an office, newest first (by the time the office received them), with where the office is
 * with each and whether it is unread: a page of `limit`, older than `before` when given. Reads no report content.
 */
export async function officeInbox(
  db: Executor,
  officeId: string,
  page: { limit?: number; before?: Date } = {},
) {
  const rows = await db
    .select({
      id: officeReports.id,
      facilityId: officeReports.facilityId,
      kind: officeReports.kind,
      parentId: officeReports.parentId,
      group: officeReports.subjectGroup,
      criterion: officeReports.criterion,
      submittedVersion: officeReports.submittedVersion,
      submittedAt: officeReports.submittedAt,
      state: officeReportRecipients.state,
      readVersion: officeReportRecipients.readVersion,
      receivedAt: officeReportRecipients.receivedAt,
      facilityName: organisations.name,
    })
    .from(officeReportRecipients)
    .innerJoin(officeReports, reportOfRecipient)
    .innerJoin(organisations, eq(organisations.id, officeReportRecipients.facilityId))
    .where(
      and(
        eq(officeReportRecipients.officeId, officeId),
        page.before ? lt(officeReportRecipients.receivedAt, page.before) : undefined,
      ),
    )
    .orderBy(desc(officeReportRecipients.receivedAt), desc(officeReportRecipients.reportId))
    .limit(page.limit ?? INBOX_PAGE);
  const reports = rows.map((r) => ({
    id: r.id,
    facility: { id: r.facilityId, name: r.facilityName },
    kind: r.kind,
    parentId: r.parentId,
    group: storedGroup(r.group),
    criterion: r.criterion,
    status: "submitted" as const,
    state: r.state,
    version: r.submittedVersion ?? 0,
    unread: r.readVersion < (r.submittedVersion ?? 0),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    receivedAt: r.receivedAt.toISOString(),
  }));
  return { unread: await unreadCount(db, officeId), reports };
}

/**
 * What the header counts for an office: the submitted reports and new versions it has not opened and, for a health
 * centre (with `notifications`), the 発生届 (CRE notifications) sent to it that nobody there has opened yet.
 */
export async function unreadForHeader(db: Executor, officeId: string, options: { notifications: boolean }) {
  const [reports, notifications] = await Promise.all([
    unreadCount(db, officeId),
    options.notifications ? unreadNotificationCount(db, officeId) : 0,
  ]);
  return { unread: reports + notifications, reports, notifications };
}

async function unreadNotificationCount(db: Executor, healthCentreId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(creNotifications)
    .where(and(eq(creNotifications.healthCentreId, healthCentreId), isNull(creNotifications.readAt)));
  return row?.n ?? 0;
}

/** How many submitted reports or new versions the office has not opened. */
export async function unreadCount(db: Executor, officeId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(officeReportRecipients)
    .innerJoin(officeReports, reportOfRecipient)
    .where(
      and(
        eq(officeReportRecipients.officeId, officeId),
        lt(officeReportRecipients.readVersion, officeReports.submittedVersion),
      ),
    );
  return row?.n ?? 0;
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
      .innerJoin(officeReports, reportOfRecipient)
      .where(and(eq(officeReportRecipients.officeId, officeId), ne(officeReportRecipients.state, "closed"))),
    db
      .selectDistinct({
        facilityId: outbreakEpisodes.facilityId,
        id: outbreakEpisodes.id,
        group: outbreakEpisodes.subjectGroup,
        openedDate: outbreakEpisodes.openedDate,
      })
      .from(officeReportRecipients)
      .innerJoin(officeReports, reportOfRecipient)
      .innerJoin(
        outbreakEpisodes,
        and(
          eq(outbreakEpisodes.facilityId, officeReports.facilityId),
          eq(outbreakEpisodes.id, officeReports.episodeId),
        ),
      )
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

import type { UnreadCounts } from "@mamori/contract/reports";
import type { OfficeReportContent, ReportCriterion, ReportGroup } from "@mamori/domain/reports";
import type { Requester } from "./cre.ts";

// Shapes of the report calls of docs/contracts/reports.md and docs/api.md ("Reports to the offices").

// The report's content is the domain's (packages/domain/src/reports): the same type the server fills.
export type { ReportCriterion, ReportGroup, Tally } from "@mamori/domain/reports";
export type InboxState = "new" | "acknowledged" | "instructed" | "closed";
export type ReportContent = OfficeReportContent;

export interface ReportMessage {
  id: string;
  kind: "reply" | "instruction" | "note";
  text: string;
  at: string;
  by: string;
  from: { kind: string; organisationId: string; name: string };
}

export interface Report {
  id: string;
  facilityId: string;
  facility: { id: string; name: string };
  kind: "first" | "follow_up" | "final";
  parentId: string | null;
  episodeId: string | null;
  group: ReportGroup;
  criterion: ReportCriterion;
  status: "draft" | "submitted";
  version: number;
  submittedVersion: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  content: ReportContent;
  evidence: {
    code: string;
    holds: boolean;
    day: string | null;
    profile: string;
    evidence: Record<string, unknown>;
  };
  changes: string[];
  recipients: {
    organisationId: string;
    kind: "health_centre" | "municipality";
    name: string;
    state: InboxState;
  }[];
  replies: ReportMessage[];
  notes?: ReportMessage[];
  followUps: { id: string; kind: string; status: string; version: number; submittedAt: string | null }[];
  versions: { version: number; savedAt: string; submittedAt: string | null }[];
}

export interface ReportListItem {
  id: string;
  kind: Report["kind"];
  parentId: string | null;
  episodeId: string | null;
  group: ReportGroup;
  criterion: ReportCriterion;
  status: Report["status"];
  version: number;
  createdAt: string;
  submittedAt: string | null;
  replies: number;
}

export interface CriterionCDecision {
  id: string;
  group: ReportGroup;
  day: string;
  decision: "report" | "no_report";
  reason: string;
  reportId: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface InboxItem {
  id: string;
  facility: { id: string; name: string };
  kind: Report["kind"];
  parentId: string | null;
  group: ReportGroup;
  criterion: ReportCriterion;
  status: "submitted";
  state: InboxState;
  version: number;
  unread: boolean;
  submittedAt: string | null;
  receivedAt: string;
}

export interface OverviewFacility {
  id: string;
  name: string;
  openReports: number;
  unread: number;
  latestReportAt: string | null;
  openEpisodes: { group: string | null; openedDate: string }[];
}

export type ReportEdits = Partial<
  Pick<ReportContent, "contact" | "specimens" | "tests" | "measures" | "remarks">
>;

/** The report and inbox calls of the typed client, built on its request function. */
export function createReportsApi(request: Requester) {
  const one = (id: string) => `/api/reports/${encodeURIComponent(id)}`;
  return {
    list: () =>
      request<{ reports: ReportListItem[]; decisions: CriterionCDecision[] }>("GET", "/api/reports"),
    get: async (id: string) => (await request<{ report: Report }>("GET", one(id))).report,
    /** Drafts a report from the records; the id is made on the device so a resend never drafts a second one. */
    create: async (body: {
      id: string;
      group: ReportGroup;
      criterion: ReportCriterion;
      episodeId?: string;
    }) => (await request<{ report: Report }>("POST", "/api/reports", { body })).report,
    edit: async (id: string, body: ReportEdits & { version: number }) =>
      (await request<{ report: Report }>("PATCH", one(id), { body })).report,
    submit: async (id: string, version: number) =>
      (await request<{ report: Report }>("POST", `${one(id)}/submit`, { body: { version } })).report,
    followUp: async (id: string, body: { id: string; kind: "follow_up" | "final" }) =>
      (await request<{ report: Report }>("POST", `${one(id)}/follow-ups`, { body })).report,
    reply: (id: string, body: { id: string; text: string; kind: "reply" | "instruction" }) =>
      request<{ reply: ReportMessage }>("POST", `${one(id)}/replies`, { body }),
    note: (id: string, body: { id: string; text: string }) =>
      request<{ note: ReportMessage }>("POST", `${one(id)}/notes`, { body }),
    setState: async (id: string, state: InboxState) =>
      (await request<{ report: Report }>("POST", `${one(id)}/state`, { body: { state } })).report,
    decide: (body: {
      id: string;
      group: ReportGroup;
      day: string;
      decision: "report" | "no_report";
      reason: string;
      reportId?: string;
    }) => request<{ id: string }>("POST", "/api/reports/decisions", { body }),
    workbookUrl: (id: string) => `${one(id)}/workbook`,
    inbox: () => request<{ unread: number; reports: InboxItem[] }>("GET", "/api/inbox"),
    /** The header's count: unread reports and, for a health centre, unread 発生届 (CRE notifications). */
    unread: () => request<UnreadCounts>("GET", "/api/inbox/unread"),
    overview: async () =>
      (await request<{ facilities: OverviewFacility[] }>("GET", "/api/inbox/overview")).facilities,
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;

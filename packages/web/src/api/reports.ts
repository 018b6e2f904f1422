import type {
  decisionBody,
  decisionResponse,
  followUpBody,
  Inbox,
  InboxState,
  messageResponse,
  noteBody,
  noteResponse,
  overviewResponse,
  ReportAnswer,
  replyBody,
  reportCreateBody,
  reportEditsBody,
  reportListResponse,
  UnreadCounts,
} from "@mamori/contract/reports";
import type { OfficeReportContent } from "@mamori/domain/reports";
import type { z } from "zod";
import type { Requester } from "./cre.ts";

// The report calls of docs/contracts/reports.md and docs/api.md ("Reports to the offices"); the shapes are those of
// @mamori/contract, the report's content the domain's (packages/domain/src/reports), the same type the server fills.

export type {
  CriterionCDecision,
  InboxItem,
  InboxState,
  OverviewFacility,
  Report,
  ReportListItem,
  ReportMessage,
} from "@mamori/contract/reports";
export type { ReportCriterion, ReportGroup, Tally } from "@mamori/domain/reports";
export type ReportContent = OfficeReportContent;

/** The report and inbox calls of the typed client, built on its request function. */
export function createReportsApi(request: Requester) {
  const one = (id: string) => `/api/reports/${encodeURIComponent(id)}`;
  return {
    list: () => request<z.infer<typeof reportListResponse>>("GET", "/api/reports"),
    get: async (id: string) => (await request<ReportAnswer>("GET", one(id))).report,
    /** Drafts a report from the records; the id is made on the device so a resend never drafts a second one. */
    create: async (body: z.input<typeof reportCreateBody>) =>
      (await request<ReportAnswer>("POST", "/api/reports", { body })).report,
    edit: async (id: string, body: z.input<typeof reportEditsBody>) =>
      (await request<ReportAnswer>("PATCH", one(id), { body })).report,
    submit: async (id: string, version: number) =>
      (await request<ReportAnswer>("POST", `${one(id)}/submit`, { body: { version } })).report,
    followUp: async (id: string, body: z.input<typeof followUpBody>) =>
      (await request<ReportAnswer>("POST", `${one(id)}/follow-ups`, { body })).report,
    reply: (id: string, body: z.input<typeof replyBody>) =>
      request<z.infer<typeof messageResponse>>("POST", `${one(id)}/replies`, { body }),
    note: (id: string, body: z.input<typeof noteBody>) =>
      request<z.infer<typeof noteResponse>>("POST", `${one(id)}/notes`, { body }),
    setState: async (id: string, state: InboxState) =>
      (await request<ReportAnswer>("POST", `${one(id)}/state`, { body: { state } })).report,
    decide: (body: z.input<typeof decisionBody>) =>
      request<z.infer<typeof decisionResponse>>("POST", "/api/reports/decisions", { body }),
    workbookUrl: (id: string) => `${one(id)}/workbook`,
    inbox: () => request<Inbox>("GET", "/api/inbox"),
    /** The header's count: unread reports and, for a health centre, unread 発生届 (CRE notifications). */
    unread: () => request<UnreadCounts>("GET", "/api/inbox/unread"),
    overview: async () =>
      (await request<z.infer<typeof overviewResponse>>("GET", "/api/inbox/overview")).facilities,
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;

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

export type ReportEdits = Partial<
  Pick<ReportContent, "contact" | "specimens" | "tests" | "measures" | "remarks">
>;

/**
 * A report as the calls name it: its id and the facility whose report it is. Ids are each facility's own, so an office
 * that two facilities sent reports of one id names the facility (a `Report` or an inbox entry's ids serve).
 */
export type ReportRef = { id: string; facilityId?: string | undefined };

/** The address of a call on one report (`/submit`, …), with `?facility=` when the facility is known. */
export function reportUrl(ref: ReportRef, call = ""): string {
  const facility = ref.facilityId ? `?facility=${encodeURIComponent(ref.facilityId)}` : "";
  return `/api/reports/${encodeURIComponent(ref.id)}${call}${facility}`;
}

/** The report and inbox calls of the typed client, built on its request function. */
export function createReportsApi(request: Requester) {
  return {
    list: () => request<z.infer<typeof reportListResponse>>("GET", "/api/reports"),
    get: async (ref: ReportRef) => (await request<ReportAnswer>("GET", reportUrl(ref))).report,
    /** Drafts a report from the records; the id is made on the device so a resend never drafts a second one. */
    create: async (body: z.input<typeof reportCreateBody>) =>
      (await request<ReportAnswer>("POST", "/api/reports", { body })).report,
    edit: async (ref: ReportRef, body: z.input<typeof reportEditsBody>) =>
      (await request<ReportAnswer>("PATCH", reportUrl(ref), { body })).report,
    submit: async (ref: ReportRef, version: number) =>
      (await request<ReportAnswer>("POST", reportUrl(ref, "/submit"), { body: { version } })).report,
    followUp: async (ref: ReportRef, body: z.input<typeof followUpBody>) =>
      (await request<ReportAnswer>("POST", reportUrl(ref, "/follow-ups"), { body })).report,
    reply: (ref: ReportRef, body: z.input<typeof replyBody>) =>
      request<z.infer<typeof messageResponse>>("POST", reportUrl(ref, "/replies"), { body }),
    note: (ref: ReportRef, body: z.input<typeof noteBody>) =>
      request<z.infer<typeof noteResponse>>("POST", reportUrl(ref, "/notes"), { body }),
    setState: async (ref: ReportRef, state: InboxState) =>
      (await request<ReportAnswer>("POST", reportUrl(ref, "/state"), { body: { state } })).report,
    decide: (body: z.input<typeof decisionBody>) =>
      request<z.infer<typeof decisionResponse>>("POST", "/api/reports/decisions", { body }),
    workbookUrl: (ref: ReportRef) => reportUrl(ref, "/workbook"),
    inbox: () => request<Inbox>("GET", "/api/inbox"),
    /** The header's count: unread reports and, for a health centre, unread 発生届 (CRE notifications). */
    unread: () => request<UnreadCounts>("GET", "/api/inbox/unread"),
    overview: async () =>
      (await request<z.infer<typeof overviewResponse>>("GET", "/api/inbox/overview")).facilities,
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;

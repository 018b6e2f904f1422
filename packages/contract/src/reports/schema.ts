import { type OfficeReportContent, REPORT_CRITERIA, REPORT_GROUPS } from "@mamori/domain/reports";
import { z } from "zod";

const clientId = z.uuid({ error: "expected a UUID made by the client" });
const day = z.iso.date({ error: "expected a day as YYYY-MM-DD" });
const text = (max: number) => z.string().trim().min(1, { error: "must not be empty" }).max(max);

export const reportParams = z.object({ id: z.uuid() });

/**
 * Which facility's report an office means (`?facility=<uuid>`): ids are the facility's own, so two facilities sending to
 * one office may use the same. Optional: an id only one of them uses needs none.
 */
export const reportQuery = z.object({
  facility: z.uuid({ error: "expected the facility's UUID" }).optional(),
});

export const reportCreateBody = z
  .object({
    id: clientId,
    group: z.enum(REPORT_GROUPS),
    criterion: z.enum(REPORT_CRITERIA),
    /** The outbreak episode the report is about; by default the group's open episode. */
    episodeId: z.uuid().optional(),
  })
  .strict();
export type ReportCreate = z.infer<typeof reportCreateBody>;

/** What the director may change; the numbers come from the records. */
export const reportEditsBody = z
  .object({
    version: z.number().int().min(1),
    contact: z
      .object({ name: z.string().trim().max(100), phone: z.string().trim().max(40) })
      .strict()
      .optional(),
    specimens: z
      .object({
        kept: z.boolean(),
        kinds: z.array(z.enum(["blood", "stool", "vomit", "other"])).max(4),
        note: z.string().trim().max(1000),
      })
      .strict()
      .optional(),
    tests: z.string().trim().max(4000).optional(),
    measures: z
      .array(z.object({ day, text: text(500) }).strict())
      .max(200)
      .optional(),
    remarks: z.string().trim().max(4000).optional(),
  })
  .strict();
export type ReportEdits = z.infer<typeof reportEditsBody>;

export const submitBody = z.object({ version: z.number().int().min(1) }).strict();

export const followUpBody = z.object({ id: clientId, kind: z.enum(["follow_up", "final"]) }).strict();

export const replyBody = z
  .object({
    id: clientId,
    text: text(4000),
    /** Instructions (指示) move the report to "instructions sent" in the office's inbox. */
    kind: z.enum(["reply", "instruction"]).default("reply"),
  })
  .strict();

export const noteBody = z.object({ id: clientId, text: text(4000) }).strict();

export const INBOX_STATES = ["new", "acknowledged", "instructed", "closed"] as const;
export type InboxState = (typeof INBOX_STATES)[number];
export const stateBody = z.object({ state: z.enum(INBOX_STATES) }).strict();

export const decisionBody = z
  .object({
    id: clientId,
    group: z.enum(REPORT_GROUPS),
    day,
    decision: z.enum(["report", "no_report"]),
    reason: text(2000),
    reportId: z.uuid().optional(),
  })
  .strict();

/** `POST /api/reports/decisions`: the decision's id, recorded (201) or already there (200). */
export const decisionResponse = z.object({ id: z.string() });

export const REPORT_KINDS = ["first", "follow_up", "final"] as const;

const message = z.object({
  id: z.string(),
  kind: z.enum(["reply", "instruction", "note"]),
  text: z.string(),
  at: z.string(),
  by: z.string(),
  from: z.object({ kind: z.string(), organisationId: z.string(), name: z.string() }),
});

export const reportView = z.object({
  id: z.string(),
  facilityId: z.string(),
  facility: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(REPORT_KINDS),
  parentId: z.string().nullable(),
  episodeId: z.string().nullable(),
  group: z.enum(REPORT_GROUPS),
  criterion: z.enum(REPORT_CRITERIA),
  status: z.enum(["draft", "submitted"]),
  version: z.number(),
  submittedVersion: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
  /** The criterion's evaluation the report was drafted with: its code, whether it held, on which day, and why. */
  evidence: z.object({
    code: z.string(),
    holds: z.boolean(),
    day: z.string().nullable(),
    profile: z.string(),
    evidence: z.record(z.string(), z.unknown()),
  }),
  /** What changed in the last submitted version against the one submitted before it. */
  changes: z.array(z.string()),
  recipients: z.array(
    z.object({
      organisationId: z.string(),
      kind: z.enum(["health_centre", "municipality"]),
      name: z.string(),
      state: z.enum(INBOX_STATES),
    }),
  ),
  replies: z.array(message),
  /** Only for the offices: their notes to each other. */
  notes: z.array(message).optional(),
  followUps: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      status: z.string(),
      version: z.number(),
      submittedAt: z.string().nullable(),
    }),
  ),
  versions: z.array(
    z.object({ version: z.number(), savedAt: z.string(), submittedAt: z.string().nullable() }),
  ),
});

export type ReportMessage = z.infer<typeof message>;
/** A report as the server presents it; its content is the domain's (`OfficeReportContent`), the same the server fills. */
export type Report = Omit<z.infer<typeof reportView>, "content"> & { content: OfficeReportContent };

export const reportResponse = z.object({ report: reportView });
/** The answer of `reportResponse`, its content the domain's. */
export type ReportAnswer = Omit<z.infer<typeof reportResponse>, "report"> & { report: Report };

export const reportListResponse = z.object({
  reports: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(REPORT_KINDS),
      parentId: z.string().nullable(),
      episodeId: z.string().nullable(),
      group: z.enum(REPORT_GROUPS),
      criterion: z.enum(REPORT_CRITERIA),
      status: z.enum(["draft", "submitted"]),
      version: z.number(),
      createdAt: z.string(),
      submittedAt: z.string().nullable(),
      replies: z.number(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      group: z.enum(REPORT_GROUPS),
      day: z.string(),
      decision: z.enum(["report", "no_report"]),
      reason: z.string(),
      reportId: z.string().nullable(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    }),
  ),
});

export const messageResponse = z.object({ reply: message });
export const noteResponse = z.object({ note: message });

export const inboxResponse = z.object({
  unread: z.number(),
  reports: z.array(
    z.object({
      id: z.string(),
      facility: z.object({ id: z.string(), name: z.string() }),
      kind: z.enum(REPORT_KINDS),
      parentId: z.string().nullable(),
      group: z.enum(REPORT_GROUPS),
      criterion: z.enum(REPORT_CRITERIA),
      status: z.literal("submitted"),
      state: z.enum(INBOX_STATES),
      version: z.number(),
      unread: z.boolean(),
      submittedAt: z.string().nullable(),
      receivedAt: z.string(),
    }),
  ),
});

/** The header's count (`GET /api/inbox/unread`): the total, and its parts — reports, and for a health centre 発生届. */
export const unreadResponse = z.object({
  unread: z.number(),
  reports: z.number(),
  notifications: z.number(),
});
export type UnreadCounts = z.infer<typeof unreadResponse>;

export const overviewResponse = z.object({
  facilities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      openReports: z.number(),
      unread: z.number(),
      latestReportAt: z.string().nullable(),
      openEpisodes: z.array(z.object({ group: z.string().nullable(), openedDate: z.string() })),
    }),
  ),
});

export type ReportListItem = z.infer<typeof reportListResponse>["reports"][number];
export type CriterionCDecision = z.infer<typeof reportListResponse>["decisions"][number];
export type Inbox = z.infer<typeof inboxResponse>;
export type InboxItem = Inbox["reports"][number];
export type OverviewFacility = z.infer<typeof overviewResponse>["facilities"][number];

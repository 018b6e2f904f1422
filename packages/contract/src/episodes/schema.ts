import { SYNDROME_GROUPS } from "@mamori/domain/surveillance";
import { z } from "zod";

const day = z.iso.date({ error: "expected a day as YYYY-MM-DD" });
const text = (max: number) => z.string().trim().min(1).max(max);

export const EPISODE_ALERT_CODES = [
  "NORO_CLUSTER_24H",
  "REPORT_CRITERION_A",
  "REPORT_CRITERION_B",
  "ABOVE_USUAL",
] as const;

/** The symptom groups an episode may follow (the others have no outbreak rule of their own). */
export const EPISODE_GROUPS = ["GI", "ILI", "SKIN"] as const;

export const episodeSubject = z.union([
  z.object({ group: z.enum(EPISODE_GROUPS) }).strict(),
  z
    .object({
      disease: z
        .string()
        .trim()
        .min(1)
        .max(60)
        .regex(/^[a-z0-9_]+$/, "a disease code such as norovirus or influenza"),
    })
    .strict(),
]);

export const episodeParams = z.object({ facilityId: z.uuid(), id: z.uuid() });
export const facilityParams = z.object({ facilityId: z.uuid() });
export const linkParams = episodeParams.extend({ linkId: z.uuid() });

export const episodesQuery = z.object({ state: z.enum(["open", "closed", "all"]).default("all") });

export const episodeCreateBody = z.object({
  id: z.uuid({ error: "expected a UUID made by the client" }),
  subject: episodeSubject,
  /** The alert the episode starts from; absent when opened by hand. */
  alert: z.object({ code: z.enum(EPISODE_ALERT_CODES), day }).optional(),
  /** Default: today in the facility's zone. */
  openedDate: day.optional(),
  note: text(2000).optional(),
});
export type EpisodeCreate = z.infer<typeof episodeCreateBody>;

export const measureCreateBody = z
  .object({
    id: z.uuid({ error: "expected a UUID made by the client" }),
    catalogueId: text(80).optional(),
    text: text(500).optional(),
    doneDate: day,
    doneBy: text(100).optional(),
    note: text(2000).optional(),
  })
  .refine((m) => m.catalogueId !== undefined || m.text !== undefined, {
    path: ["text"],
    message: "a measure from the list (catalogueId) or in your own words (text)",
  });
export type MeasureCreate = z.infer<typeof measureCreateBody>;

export const linkCaseBody = z.union([
  z.object({ caseId: z.uuid() }).strict(),
  z.object({ personId: z.uuid(), onsetDate: day }).strict(),
]);

export const resolveLinkBody = z.object({ resolvedDate: day.nullable() });

export const closeBody = z.object({
  decision: text(2000),
  decisionDate: day,
  /** Needed to close before the end is eligible. */
  overrideReason: text(2000).optional(),
});

export const reopenBody = z.object({ reason: text(2000) });

/** The subject as the server keeps it (the domain's `FacilitySubject`). */
const subjectResponse = z.union([
  z.object({ group: z.enum(SYNDROME_GROUPS) }),
  z.object({ disease: z.string() }),
]);
export type EpisodeSubject = z.infer<typeof subjectResponse>;

export const stateResponse = z.object({
  status: z.enum(["open", "closed"]),
  caseCount: z.number(),
  openCaseCount: z.number(),
  firstOnset: z.string().nullable(),
  lastOnset: z.string().nullable(),
  countFrom: z.string(),
  daysWithoutNewOnset: z.number(),
  quietDays: z.number(),
  daysUntilEligible: z.number(),
  eligibleOn: z.string(),
  eligible: z.boolean(),
});

export type EpisodeState = z.infer<typeof stateResponse>;

export const episodeSummaryResponse = z.object({
  id: z.string(),
  subject: subjectResponse,
  openedDate: z.string(),
  alert: z.object({ code: z.string(), day: z.string() }).nullable(),
  note: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedDate: z.string().nullable(),
  decision: z.string().nullable(),
  overrideReason: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  state: stateResponse,
});

const caseResponse = z.object({
  linkId: z.string().nullable(),
  source: z.enum(["recorded", "implicit"]),
  caseId: z.string().nullable(),
  personId: z.string(),
  disease: z.string().nullable(),
  status: z.string().nullable(),
  onsetDate: z.string(),
  resolvedDate: z.string().nullable(),
});

export const episodeDetailResponse = z.object({
  today: z.string(),
  episode: episodeSummaryResponse,
  cases: z.array(caseResponse),
  /** Cases of the same group not linked yet, with onsets since the outbreak began. */
  candidates: z.array(caseResponse),
  measures: z.array(
    z.object({
      id: z.string(),
      catalogueId: z.string().nullable(),
      text: z.string().nullable(),
      doneDate: z.string(),
      doneBy: z.string().nullable(),
      note: z.string().nullable(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      kind: z.enum(["opened", "closed", "reopened", "measure", "case"]),
      day: z.string(),
      at: z.string(),
      by: z.string(),
      text: z.string().nullable(),
      ref: z.string().nullable(),
    }),
  ),
});

export const episodeListResponse = z.object({ today: z.string(), episodes: z.array(episodeSummaryResponse) });
export type EpisodeSummary = z.infer<typeof episodeSummaryResponse>;
export type EpisodeDetail = z.infer<typeof episodeDetailResponse>;
export type EpisodeCase = EpisodeDetail["cases"][number];
export type EpisodeMeasure = EpisodeDetail["measures"][number];
export type EpisodeTimelineEntry = EpisodeDetail["timeline"][number];
/** `POST …/episodes` as the screens send it; the id is made on the device. */
export type NewEpisode = z.input<typeof episodeCreateBody>;
export type NewMeasure = z.input<typeof measureCreateBody>;

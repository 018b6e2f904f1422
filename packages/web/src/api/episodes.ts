import type { Requester } from "./cre.ts";

// Shapes of the outbreak-episode calls of docs/api.md ("Outbreak episodes"): the server derives the countdown with the
// rules of @mamori/domain and says it in `state`.

export type EpisodeSubject = { group: "GI" | "ILI" | "SKIN" } | { disease: string };

export interface EpisodeState {
  status: "open" | "closed";
  caseCount: number;
  openCaseCount: number;
  firstOnset: string | null;
  lastOnset: string | null;
  countFrom: string;
  daysWithoutNewOnset: number;
  quietDays: number;
  daysUntilEligible: number;
  eligibleOn: string;
  eligible: boolean;
}

export interface EpisodeSummary {
  id: string;
  subject: EpisodeSubject;
  openedDate: string;
  alert: { code: string; day: string } | null;
  note: string | null;
  openedBy: string;
  openedAt: string;
  closedDate: string | null;
  decision: string | null;
  overrideReason: string | null;
  closedBy: string | null;
  closedAt: string | null;
  state: EpisodeState;
}

export interface EpisodeCase {
  linkId: string | null;
  source: "recorded" | "implicit";
  caseId: string | null;
  personId: string;
  disease: string | null;
  status: string | null;
  onsetDate: string;
  resolvedDate: string | null;
}

export interface EpisodeMeasure {
  id: string;
  catalogueId: string | null;
  text: string | null;
  doneDate: string;
  doneBy: string | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface EpisodeTimelineEntry {
  kind: "opened" | "closed" | "reopened" | "measure" | "case";
  day: string;
  at: string;
  by: string;
  text: string | null;
  ref: string | null;
}

export interface EpisodeDetail {
  today: string;
  episode: EpisodeSummary;
  cases: EpisodeCase[];
  candidates: EpisodeCase[];
  measures: EpisodeMeasure[];
  timeline: EpisodeTimelineEntry[];
}

export interface NewEpisode {
  id: string;
  subject: EpisodeSubject;
  alert?: { code: string; day: string };
  openedDate?: string;
  note?: string;
}

export interface NewMeasure {
  id: string;
  catalogueId?: string;
  text?: string;
  doneDate: string;
  doneBy?: string;
  note?: string;
}

/** The outbreak-episode calls of the typed client, built on its request function. */
export function createEpisodesApi(request: Requester) {
  const base = (facilityId: string) => `/api/facilities/${encodeURIComponent(facilityId)}/episodes`;
  const one = (facilityId: string, id: string) => `${base(facilityId)}/${encodeURIComponent(id)}`;
  return {
    list: (facilityId: string, state: "open" | "closed" | "all" = "all") =>
      request<{ today: string; episodes: EpisodeSummary[] }>("GET", `${base(facilityId)}?state=${state}`),
    get: (facilityId: string, id: string) => request<EpisodeDetail>("GET", one(facilityId, id)),
    /** Opens an episode; the id is made on the device so a resend never opens a second one. */
    open: (facilityId: string, body: NewEpisode) =>
      request<EpisodeDetail>("POST", base(facilityId), { body }),
    addMeasure: (facilityId: string, id: string, body: NewMeasure) =>
      request<EpisodeDetail>("POST", `${one(facilityId, id)}/measures`, { body }),
    linkCase: (
      facilityId: string,
      id: string,
      body: { caseId: string } | { personId: string; onsetDate: string },
    ) => request<EpisodeDetail>("POST", `${one(facilityId, id)}/cases`, { body }),
    resolveCase: (facilityId: string, id: string, linkId: string, resolvedDate: string | null) =>
      request<EpisodeDetail>("PATCH", `${one(facilityId, id)}/cases/${encodeURIComponent(linkId)}`, {
        body: { resolvedDate },
      }),
    close: (
      facilityId: string,
      id: string,
      body: { decision: string; decisionDate: string; overrideReason?: string },
    ) => request<EpisodeDetail>("POST", `${one(facilityId, id)}/close`, { body }),
    reopen: (facilityId: string, id: string, reason: string) =>
      request<EpisodeDetail>("POST", `${one(facilityId, id)}/reopen`, { body: { reason } }),
  };
}

export type EpisodesApi = ReturnType<typeof createEpisodesApi>;

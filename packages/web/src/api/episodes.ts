import type {
  closeBody,
  EpisodeDetail,
  episodeListResponse,
  linkCaseBody,
  NewEpisode,
  NewMeasure,
} from "@mamori/contract/episodes";
import type { z } from "zod";
import type { Requester } from "./cre.ts";

// The outbreak-episode calls of docs/api.md ("Outbreak episodes"): the server derives the countdown with the rules of
// @mamori/domain and says it in `state`; the shapes are those of @mamori/contract.

export type {
  EpisodeCase,
  EpisodeDetail,
  EpisodeMeasure,
  EpisodeState,
  EpisodeSubject,
  EpisodeSummary,
  EpisodeTimelineEntry,
  NewEpisode,
  NewMeasure,
} from "@mamori/contract/episodes";

/** The outbreak-episode calls of the typed client, built on its request function. */
export function createEpisodesApi(request: Requester) {
  const base = (facilityId: string) => `/api/facilities/${encodeURIComponent(facilityId)}/episodes`;
  const one = (facilityId: string, id: string) => `${base(facilityId)}/${encodeURIComponent(id)}`;
  return {
    list: (facilityId: string, state: "open" | "closed" | "all" = "all") =>
      request<z.infer<typeof episodeListResponse>>("GET", `${base(facilityId)}?state=${state}`),
    get: (facilityId: string, id: string) => request<EpisodeDetail>("GET", one(facilityId, id)),
    /** Opens an episode; the id is made on the device so a resend never opens a second one. */
    open: (facilityId: string, body: NewEpisode) =>
      request<EpisodeDetail>("POST", base(facilityId), { body }),
    addMeasure: (facilityId: string, id: string, body: NewMeasure) =>
      request<EpisodeDetail>("POST", `${one(facilityId, id)}/measures`, { body }),
    linkCase: (facilityId: string, id: string, body: z.input<typeof linkCaseBody>) =>
      request<EpisodeDetail>("POST", `${one(facilityId, id)}/cases`, { body }),
    resolveCase: (facilityId: string, id: string, linkId: string, resolvedDate: string | null) =>
      request<EpisodeDetail>("PATCH", `${one(facilityId, id)}/cases/${encodeURIComponent(linkId)}`, {
        body: { resolvedDate },
      }),
    close: (facilityId: string, id: string, body: z.input<typeof closeBody>) =>
      request<EpisodeDetail>("POST", `${one(facilityId, id)}/close`, { body }),
    reopen: (facilityId: string, id: string, reason: string) =>
      request<EpisodeDetail>("POST", `${one(facilityId, id)}/reopen`, { body: { reason } }),
  };
}

export type EpisodesApi = ReturnType<typeof createEpisodesApi>;

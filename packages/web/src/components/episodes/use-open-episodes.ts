import { useMemo } from "react";
import type { EpisodeSummary } from "../../api/episodes.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";

/** The facility's open outbreak episodes, loaded when asked for (`facilityId` null: nothing is asked). */
export function useOpenEpisodes(facilityId: string | null): {
  episodes: EpisodeSummary[] | null;
  error: unknown;
  reload: () => Promise<void>;
} {
  const api = useApi();
  const fetch = useMemo(
    () => (facilityId === null ? null : async () => (await api.episodes.list(facilityId, "open")).episodes),
    [api, facilityId],
  );
  const { data, error, reload } = useLoad(fetch);
  return { episodes: data, error, reload };
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { Facility } from "../api/types.ts";
import { useApi } from "./ApiContext.tsx";

interface FacilityState {
  facility: Facility | null;
  error: unknown;
  reload: () => Promise<void>;
}

const FacilityContext = createContext<FacilityState | null>(null);

/** The signed-in user's facility (units, rooms, time zone), loaded once and reloaded after setup changes. */
export function FacilityProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [facility, setFacility] = useState<Facility | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setFacility(await api.facility());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return <FacilityContext.Provider value={{ facility, error, reload }}>{children}</FacilityContext.Provider>;
}

export function useFacility(): FacilityState {
  const state = useContext(FacilityContext);
  if (state === null) throw new Error("useFacility outside FacilityProvider");
  return state;
}

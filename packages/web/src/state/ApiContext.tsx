import { createContext, type ReactNode, useContext } from "react";
import type { ApiClient } from "../api/client.ts";

const ApiContext = createContext<ApiClient | null>(null);

/** Makes the one typed API client available to every page (tests pass a fake). */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error("useApi outside ApiProvider");
  return client;
}

import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { Outbox, type OutboxItem } from "../outbox/outbox.ts";
import { useApi } from "./ApiContext.tsx";

const OutboxContext = createContext<Outbox | null>(null);

/** One outbox per signed-in user, kept in this device's localStorage and sent whenever the server can be reached. */
export function OutboxProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const api = useApi();
  const [outbox] = useState(
    () =>
      new Outbox({
        storage: globalThis.localStorage,
        key: `mamori.outbox.${userId}`,
        send: (observations) => api.saveObservations(observations),
        withdraw: (ids) => api.withdrawObservations(ids),
      }),
  );
  useEffect(() => {
    outbox.start();
    return () => outbox.stop();
  }, [outbox]);
  return <OutboxContext.Provider value={outbox}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (outbox === null) throw new Error("useOutbox outside OutboxProvider");
  return outbox;
}

/** Every outbox item, re-rendering on each change. */
export function useOutboxItems(): readonly OutboxItem[] {
  const outbox = useOutbox();
  return useSyncExternalStore(outbox.subscribe, () => outbox.items());
}

/** How many entries wait to be sent (refused ones excluded). */
export function usePendingCount(): number {
  return useOutboxItems().filter((item) => item.status === "pending").length;
}

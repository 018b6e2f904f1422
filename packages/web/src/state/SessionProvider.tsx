import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError } from "../api/errors.ts";
import type { User } from "../api/types.ts";
import { useApi } from "./ApiContext.tsx";

/** Fired by the API client on any 401, so an expired session returns to the sign-in page. */
export const UNAUTHENTICATED_EVENT = "mamori:unauthenticated";

interface Session {
  user: User | null;
  /** `loading` until the first /api/auth/me has answered; `offline` when it could not be asked. */
  status: "loading" | "ready" | "offline";
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  recheck: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<Session["status"]>("loading");
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-asks the server on demand.
  useEffect(() => {
    let cancelled = false;
    api.me().then(
      (me) => {
        if (cancelled) return;
        setUser(me);
        setStatus("ready");
      },
      (error: unknown) => {
        if (cancelled) return;
        setUser(null);
        setStatus(error instanceof ApiError && error.status < 500 ? "ready" : "offline");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);

  useEffect(() => {
    const expire = () => setUser(null);
    globalThis.addEventListener(UNAUTHENTICATED_EVENT, expire);
    return () => globalThis.removeEventListener(UNAUTHENTICATED_EVENT, expire);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      await api.login(username, password);
      // The login answer and /me carry the same user; /me also confirms the cookie was kept.
      const me = await api.me();
      setUser(me);
      setStatus("ready");
      return me;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setUser(null);
    }
  }, [api]);

  const recheck = useCallback(() => {
    setStatus("loading");
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ user, status, signIn, signOut, recheck }),
    [user, status, signIn, signOut, recheck],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The signed-in user; only for components shown after sign-in. */
export function useUser(): User {
  const { user } = useSession();
  if (user === null) throw new Error("useUser without a signed-in user");
  return user;
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError } from "../api/errors.ts";
import type { User } from "../api/types.ts";
import { useApi } from "./ApiContext.tsx";

/** Fired by the API client on any 401, so an expired session returns to the sign-in page. */
export const UNAUTHENTICATED_EVENT = "mamori:unauthenticated";

// The session cookie is HttpOnly, so the page cannot see it. This flag only remembers that someone signed in on this
// device, so a first visit goes straight to sign-in instead of asking the server and getting a 401.
const SIGNED_IN_FLAG = "mamori.signedIn";

function flag(on: boolean | null): boolean {
  try {
    if (on === true) globalThis.localStorage?.setItem(SIGNED_IN_FLAG, "1");
    if (on === false) globalThis.localStorage?.removeItem(SIGNED_IN_FLAG);
    return globalThis.localStorage?.getItem(SIGNED_IN_FLAG) === "1";
  } catch {
    return true;
  }
}

interface Session {
  user: User | null;
  /** `loading` until the first /api/auth/me has answered; `offline` when it could not be asked. */
  status: "loading" | "ready" | "offline";
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  recheck: () => void;
  /** Takes the user the server answered after a step of sign-in (the second factor, its set-up). */
  adopt: (user: User) => void;
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
    if (!flag(null)) {
      setStatus("ready");
      return;
    }
    api.me().then(
      (me) => {
        if (cancelled) return;
        setUser(me);
        setStatus("ready");
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) flag(false);
        setUser(null);
        setStatus(error instanceof ApiError && error.status < 500 ? "ready" : "offline");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);

  useEffect(() => {
    const expire = () => {
      flag(false);
      setUser(null);
    };
    globalThis.addEventListener(UNAUTHENTICATED_EVENT, expire);
    return () => globalThis.removeEventListener(UNAUTHENTICATED_EVENT, expire);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      await api.login(username, password);
      // The login answer and /me carry the same user; /me also confirms the cookie was kept.
      const me = await api.me();
      flag(true);
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
      flag(false);
      setUser(null);
    }
  }, [api]);

  const recheck = useCallback(() => {
    setStatus("loading");
    setAttempt((n) => n + 1);
  }, []);

  const adopt = useCallback((next: User) => {
    flag(true);
    setUser(next);
  }, []);

  const value = useMemo(
    () => ({ user, status, signIn, signOut, recheck, adopt }),
    [user, status, signIn, signOut, recheck, adopt],
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

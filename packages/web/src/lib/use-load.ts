import { useCallback, useEffect, useState } from "react";

/**
 * Loads a list for a page when it opens and again on `reload` (after a save, or the retry of an error notice). A
 * failed load keeps what was shown before and gives the error; a good one clears it. With `fetch` null nothing is
 * loaded (the page cannot ask yet, or may not). Pass a memoised `fetch`: each new one loads again.
 */
export function useLoad<T>(fetch: (() => Promise<T>) | null): {
  data: T | null;
  error: unknown;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    if (fetch === null) return;
    try {
      setData(await fetch());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [fetch]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}

import type { PersonAlert } from "@mamori/domain/surveillance";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { AlertsResult } from "../api/records-types.ts";
import type { Person } from "../api/types.ts";
import { useApi } from "../state/ApiContext.tsx";
import { hintsByPerson, roundAsOf } from "./alert-view.ts";

/** The facility's alerts for the `lookback` days ending now, loaded once and again on `reload`. */
export function useFacilityAlerts(facilityId: string | null, lookback: number) {
  const api = useApi();
  const [result, setResult] = useState<AlertsResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    if (facilityId === null) return;
    try {
      setResult(await api.alerts(facilityId, { lookback }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api, facilityId, lookback]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { result, error, reload };
}

/** Everyone of the facility by id, for the names and units alerts refer to. */
export function usePeopleById() {
  const api = useApi();
  const [people, setPeople] = useState<Map<string, Person> | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    api.people().then(
      (list) => !cancelled && setPeople(new Map(list.map((p) => [p.id, p]))),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  return { people, error };
}

/**
 * The person hints of one round day, fetched once per round view: again whenever `version` changes (the round
 * reloaded after an entry was saved or corrected). Nothing is asked for a future day.
 */
export function usePersonHints(
  facilityId: string | null,
  day: string,
  today: string,
  timeZone: string,
  version: unknown,
): { byPerson: Map<string, PersonAlert[]>; error: unknown } {
  const api = useApi();
  const [state, setState] = useState<{ day: string; result: AlertsResult } | null>(null);
  const [error, setError] = useState<unknown>(null);

  // `version` is among the dependencies because a new round is the reason to ask again.
  useEffect(() => {
    if (facilityId === null || version === null || day > today) return;
    let cancelled = false;
    const asOf = roundAsOf(day, today, timeZone);
    api.alerts(facilityId, { lookback: 1, ...(asOf ? { asOf } : {}) }).then(
      (result) => {
        if (cancelled) return;
        setState({ day, result });
        setError(null);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [api, facilityId, day, today, timeZone, version]);

  const byPerson = useMemo(
    () => (state && state.day === day ? hintsByPerson(state.result.alerts, day) : new Map()),
    [state, day],
  );
  return { byPerson, error };
}

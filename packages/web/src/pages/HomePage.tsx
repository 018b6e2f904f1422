import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { Round } from "../api/types.ts";
import { AlertsPanel } from "../components/alerts/AlertsPanel.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { canRecordEpisodes } from "../components/episodes/episode-roles.ts";
import { OpenEpisodesPanel } from "../components/episodes/OpenEpisodesPanel.tsx";
import { ObligationsPanel } from "../components/obligations/ObligationsPanel.tsx";
import { SurveillanceHome } from "../components/surveillance/SurveillanceHome.tsx";
import { formatDay, todayIn } from "../lib/dates.ts";
import { canEditPeople, canEditUnits } from "../lib/roles.ts";
import { buildRows, uncheckedCount } from "../round/round-state.ts";
import { useApi } from "../state/ApiContext.tsx";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useOutboxItems, usePendingCount } from "../state/OutboxProvider.tsx";
import { useUser } from "../state/SessionProvider.tsx";
import { hasSurveillanceHome } from "../surveillance/home-roles.ts";
import { CreCasesPage } from "./cre/CreCasesPage.tsx";

/**
 * The facility's start page: today's round per unit with how many are not yet checked. The page is a grid whose
 * `alerts` area, above the rounds, is where the alerts panel of the surveillance rules takes its place — for the
 * nurse, the infection-control lead and the director, the whole surveillance home (who is ill now, the curve).
 */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const user = useUser();
  const { facility, error: facilityError, reload } = useFacility();
  const outbox = useOutboxItems();
  const pending = usePendingCount();
  const [rounds, setRounds] = useState<Record<string, Round>>({});
  const [error, setError] = useState<unknown>(null);

  const today = facility ? todayIn(facility.timeZone) : null;

  useEffect(() => {
    // A hospital keeps no round (its home is the CRE list below).
    if (!facility || today === null || facility.type === "hospital") return;
    let cancelled = false;
    Promise.all(facility.units.map((u) => api.round(u.id, today))).then(
      (list) => {
        if (cancelled) return;
        setRounds(Object.fromEntries(list.map((r) => [r.unit.id, r])));
        setError(null);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [api, facility, today]);

  if (facilityError) return <ErrorNotice error={facilityError} onRetry={() => void reload()} />;
  if (!facility || today === null) return <p className="muted">{t("app.loading")}</p>;
  // A hospital's physician and administrator start from its CRE cases (pages/cre).
  if (facility.type === "hospital") return <CreCasesPage />;

  return (
    <div className="home">
      <div className="home-title">
        <h1>{facility.name}</h1>
        <p className="muted">
          {t("home.greeting", { name: user.displayName })} {formatDay(today, i18n.language)}
        </p>
      </div>
      {pending > 0 && (
        <p className="notice" data-testid="home-pending">
          {t("home.pendingNotice", { count: pending })}
        </p>
      )}
      {hasSurveillanceHome(user.role) ? (
        <div className="home-surveillance">
          <SurveillanceHome facility={facility} today={today} rounds={rounds} outbox={outbox} />
          {/* The infection-control lead and the director also see what is due in the routine between outbreaks. */}
          {(user.role === "ic_lead" || user.role === "director") && <ObligationsPanel facility={facility} />}
        </div>
      ) : (
        <div className="home-surveillance">
          {canRecordEpisodes(user) && <OpenEpisodesPanel facilityId={facility.id} />}
          <AlertsPanel facility={facility} />
        </div>
      )}
      <section className="home-rounds" aria-labelledby="home-rounds-title">
        <h2 id="home-rounds-title">{t("home.todayRound")}</h2>
        <ErrorNotice error={error} />
        {facility.units.length === 0 ? (
          <div className="notice">
            <p>{t("home.noUnits")}</p>
            {canEditUnits(user) && <Link href="/setup/units">{t("home.setUpUnits")}</Link>}
          </div>
        ) : (
          <ul className="unit-cards">
            {facility.units.map((unit) => {
              const round = rounds[unit.id];
              const rows = round ? buildRows(round, outbox) : null;
              const unchecked = rows ? uncheckedCount(rows) : null;
              return (
                <li key={unit.id}>
                  <Link
                    href={`/round/${unit.id}/${today}`}
                    className={unchecked === 0 ? "unit-card is-done" : "unit-card"}
                    data-testid={`home-unit-${unit.id}`}
                  >
                    <span className="unit-card-name">{unit.name}</span>
                    <span className="unit-card-count" data-testid={`home-unchecked-${unit.id}`}>
                      {unchecked === null
                        ? "…"
                        : unchecked === 0
                          ? t("home.allChecked")
                          : t("home.unchecked", { count: unchecked })}
                    </span>
                    {rows && <span className="muted">{t("home.people", { count: rows.length })}</span>}
                    <span className="unit-card-go">{t("home.start")} ›</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {canEditPeople(user) && (
        <section className="home-setup">
          <h2>{t("home.setupLinks")}</h2>
          <ul className="link-list">
            <li>
              <Link href="/setup/people">{t("setup.people")}</Link>
            </li>
            <li>
              <Link href="/setup/units">{t("setup.units")}</Link>
            </li>
            <li>
              <Link href="/setup/import">{t("setup.import")}</Link>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}

import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { ObligationsPanel } from "../../components/obligations/ObligationsPanel.tsx";
import { shortDay } from "../../components/obligations/short-day.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useApi } from "../../state/ApiContext.tsx";
import { useFacility } from "../../state/FacilityProvider.tsx";

/** What is due, and the staff not yet fit for some work with the day they may come back. */
export function DuePage() {
  const { facility } = useFacility();
  if (!facility) return null;
  return (
    <>
      <ObligationsPanel facility={facility} />
      <WorkRestrictions facilityId={facility.id} />
    </>
  );
}

function WorkRestrictions({ facilityId }: { facilityId: string }) {
  const { t, i18n } = useTranslation("routine");
  const api = useApi();
  const fetch = useCallback(() => api.routine.workRestrictions(facilityId), [api, facilityId]);
  const { data, error, reload } = useLoad(fetch);
  const day = (d: string) => shortDay(d, i18n.language, data?.asOf);
  return (
    <section className="card" data-testid="work-restrictions">
      <h2>{t("restrictions.title")}</h2>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {data && data.restrictions.length === 0 && <p className="muted">{t("restrictions.none")}</p>}
      <ul className="record-history">
        {data?.restrictions.map((r) => (
          <li key={`${r.staffId}-${r.reason}`} data-testid="work-restriction">
            <strong>{r.name}</strong>{" "}
            {r.reason === "gi_symptoms" ? (
              <>
                {t("restrictions.gi", { date: day(r.lastSymptomOn ?? "") })}{" "}
                <strong>{t("restrictions.giReturn", { date: day(r.returnOn ?? "") })}</strong>
              </>
            ) : (
              <>
                {t("restrictions.flu", { date: day(r.onsetOn ?? "") })}{" "}
                <strong>
                  {r.returnOn
                    ? t("restrictions.fluReturn", { date: day(r.returnOn) })
                    : t("restrictions.fluWaiting")}
                </strong>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">{t("restrictions.ruleFlu")}</p>
    </section>
  );
}

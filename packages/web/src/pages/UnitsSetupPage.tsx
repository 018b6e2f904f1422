import { useTranslation } from "react-i18next";
import { AddUnitForm } from "../components/AddUnitForm.tsx";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { SetupNav } from "../components/SetupNav.tsx";
import { UnitCard } from "../components/UnitCard.tsx";
import { canEditUnits } from "../lib/roles.ts";
import { useFacility } from "../state/FacilityProvider.tsx";
import { useUser } from "../state/SessionProvider.tsx";

/** The facility's units (floors) and their rooms; the infection-control lead, director and admin may add them. */
export function UnitsSetupPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { facility, error, reload } = useFacility();
  const editable = canEditUnits(user);

  return (
    <div className="setup">
      <h1>{t("setup.title")}</h1>
      <SetupNav />
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {facility && (
        <>
          <dl className="facts">
            <dt>{t("setup.facility")}</dt>
            <dd>{facility.name}</dd>
            <dt>{t("setup.timeZone")}</dt>
            <dd>{facility.timeZone}</dd>
            {facility.healthCentre && (
              <>
                <dt>{t("setup.healthCentre")}</dt>
                <dd>{facility.healthCentre.name}</dd>
              </>
            )}
            {facility.municipality && (
              <>
                <dt>{t("setup.municipality")}</dt>
                <dd>{facility.municipality.name}</dd>
              </>
            )}
          </dl>
          {!editable && <p className="notice">{t("setup.notAllowedUnits")}</p>}
          <ul className="unit-list">
            {facility.units.map((unit) => (
              <UnitCard key={unit.id} unit={unit} editable={editable} onChanged={reload} />
            ))}
          </ul>
          {editable && <AddUnitForm onAdded={reload} />}
        </>
      )}
    </div>
  );
}

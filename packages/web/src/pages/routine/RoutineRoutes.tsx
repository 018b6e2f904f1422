import { useTranslation } from "react-i18next";
import { Redirect, Route, Switch } from "wouter";
import {
  canManageRoutine,
  canRecordHealth,
  canRecordHygiene,
  canSeeObligations,
} from "../../lib/routine-roles.ts";
import { useUser } from "../../state/SessionProvider.tsx";
import { CommitteePage } from "./CommitteePage.tsx";
import { DuePage } from "./DuePage.tsx";
import { EquipmentPage } from "./EquipmentPage.tsx";
import { GuidelinePage } from "./GuidelinePage.tsx";
import { HealthPage } from "./HealthPage.tsx";
import { HygienePage } from "./HygienePage.tsx";
import { InspectionPage } from "./InspectionPage.tsx";
import { RoutineNav } from "./RoutineNav.tsx";
import { SettingsPage } from "./SettingsPage.tsx";
import { TrainingPage } from "./TrainingPage.tsx";
import "../../components/obligations/obligations.css";

/** The routine screens under /routine, each for the roles that may use it. */
export function RoutineRoutes() {
  const { t } = useTranslation("routine");
  const user = useUser();
  const sees = canSeeObligations(user);
  const manages = canManageRoutine(user);
  const records = canRecordHygiene(user);
  const refuse = <p className="notice">{t("notAllowed")}</p>;
  return (
    <div className="routine">
      <h1 className="no-print">{t("title")}</h1>
      <RoutineNav />
      <Switch>
        <Route path="/routine">
          {sees ? <DuePage /> : records ? <Redirect to="/routine/hygiene" replace /> : refuse}
        </Route>
        <Route path="/routine/hygiene">{records ? <HygienePage /> : refuse}</Route>
        <Route path="/routine/committee">{manages ? <CommitteePage /> : refuse}</Route>
        <Route path="/routine/training">{manages ? <TrainingPage /> : refuse}</Route>
        <Route path="/routine/health">{canRecordHealth(user) ? <HealthPage /> : refuse}</Route>
        <Route path="/routine/inspection">{sees ? <InspectionPage /> : refuse}</Route>
        <Route path="/routine/guideline">
          {sees || records ? <GuidelinePage manages={manages} /> : refuse}
        </Route>
        <Route path="/routine/equipment">{manages ? <EquipmentPage /> : refuse}</Route>
        <Route path="/routine/settings">{manages ? <SettingsPage /> : refuse}</Route>
      </Switch>
    </div>
  );
}

import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Redirect, Route, Switch, useRoute } from "wouter";
import { NetworkError } from "./api/errors.ts";
import { AppHeader } from "./components/AppHeader.tsx";
import { hasCreHome } from "./components/cre/cre-roles.ts";
import { ErrorNotice } from "./components/ErrorNotice.tsx";
import { isOfficer } from "./components/reports/report-text.ts";
import { canReadFacility, isOverseer } from "./lib/roles.ts";
import { AccountsSetupPage } from "./pages/AccountsSetupPage.tsx";
import { RuleProfilePage } from "./pages/alerts/RuleProfilePage.tsx";
import { CreRoutes } from "./pages/cre/CreRoutes.tsx";
import { DisinfectionPage } from "./pages/disinfection/DisinfectionPage.tsx";
import { EpisodePage } from "./pages/episodes/EpisodePage.tsx";
import { FacilitySetupPage } from "./pages/FacilitySetupPage.tsx";
import { PhysicianReportPage } from "./pages/forms/PhysicianReportPage.tsx";
import { WeeklyTrendPage } from "./pages/forms/WeeklyTrendPage.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { ImportPage } from "./pages/ImportPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OverseerHomePage } from "./pages/OverseerHomePage.tsx";
import { PeopleSetupPage } from "./pages/PeopleSetupPage.tsx";
import { PrintPage } from "./pages/PrintPage.tsx";
import { RoundPage } from "./pages/RoundPage.tsx";
import { AntibioticsPage } from "./pages/records/AntibioticsPage.tsx";
import { BathPage } from "./pages/records/BathPage.tsx";
import { CasesPage } from "./pages/records/CasesPage.tsx";
import { canRecordCases } from "./pages/records/records-roles.ts";
import { RegionPage } from "./pages/region/RegionPage.tsx";
import { CreNotificationReceivedPage } from "./pages/reports/CreNotificationReceivedPage.tsx";
import { InboxPage } from "./pages/reports/InboxPage.tsx";
import { ReportRoute } from "./pages/reports/ReportPage.tsx";
import { ReportsListPage } from "./pages/reports/ReportsListPage.tsx";
import { RoutineRoutes } from "./pages/routine/RoutineRoutes.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { EnrolmentPage } from "./pages/second-factor/EnrolmentPage.tsx";
import { SecondFactorSettingsPage } from "./pages/second-factor/SecondFactorSettingsPage.tsx";
import { SecondStepPage } from "./pages/second-factor/SecondStepPage.tsx";
import { LineListPrintPage } from "./pages/surveillance/LineListPrintPage.tsx";
import { UnitsSetupPage } from "./pages/UnitsSetupPage.tsx";
import { FacilityProvider } from "./state/FacilityProvider.tsx";
import { OutboxProvider } from "./state/OutboxProvider.tsx";
import { useSession } from "./state/SessionProvider.tsx";

// The questionnaire pages carry the FHIRPath engine and its R4 model: loaded only when one is opened.
const SurveyRoutes = lazy(() =>
  import("./pages/survey/SurveyRoutes.tsx").then((m) => ({ default: m.SurveyRoutes })),
);

/** Sign-in first; then the facility's pages, or the overseer's page for health-centre, municipal and secretariat users. */
export function App() {
  const { t } = useTranslation();
  const { user, status, recheck } = useSession();
  const [onTwoStepSettings] = useRoute("/settings/two-step");
  const [surveyPage] = useRoute("/survey/*?");

  if (status === "loading") return <p className="page-loading">{t("app.loading")}</p>;
  if (status === "offline" && user === null)
    return (
      <main className="page">
        <ErrorNotice error={new NetworkError("offline")} onRetry={recheck} />
      </main>
    );
  if (user === null) return <SignInPage />;
  // The steps of sign-in come before anything else: the app's number, or setting up the second factor.
  if (user.stage === "second_factor") return <SecondStepPage />;
  if (user.stage === "enrolment") return <EnrolmentPage />;
  if (onTwoStepSettings) {
    return (
      <OutboxProvider key={user.id} userId={user.id}>
        <AppHeader />
        <main className="page">
          <SecondFactorSettingsPage />
        </main>
      </OutboxProvider>
    );
  }

  if (surveyPage) {
    // A questionnaire's paper form and try-out: the same for every role (the definition holds no one's data).
    return (
      <OutboxProvider key={user.id} userId={user.id}>
        <AppHeader />
        <main className="page">
          <Suspense fallback={<p className="page-loading">{t("app.loading")}</p>}>
            <SurveyRoutes />
          </Suspense>
        </main>
      </OutboxProvider>
    );
  }

  if (hasCreHome(user)) {
    // A hospital's laboratory, AST and physicians work on CRE stewardship, not a daily round: the CRE list is home.
    return (
      <OutboxProvider key={user.id} userId={user.id}>
        <AppHeader />
        <main className="page">
          <CreRoutes atRoot />
        </main>
      </OutboxProvider>
    );
  }

  if (isOverseer(user) || user.organisation.kind !== "facility" || !canReadFacility(user)) {
    // No facility round for these users; the outbox is there only because the header shows its count.
    return (
      <OutboxProvider key={user.id} userId={user.id}>
        <AppHeader />
        <main className="page">
          {isOfficer(user) ? (
            <Switch>
              <Route path="/" component={InboxPage} />
              {user.abilities?.region && <Route path="/region" component={RegionPage} />}
              <Route path="/reports/:id">{(p) => <ReportRoute id={p.id} />}</Route>
              <Route path="/cre-notifications/:id">
                {(p) => <CreNotificationReceivedPage key={p.id} id={p.id} />}
              </Route>
              <Route path="/signin">
                <Redirect to="/" replace />
              </Route>
              <Route component={NotFoundPage} />
            </Switch>
          ) : (
            <OverseerHomePage />
          )}
        </main>
      </OutboxProvider>
    );
  }

  return (
    <OutboxProvider key={user.id} userId={user.id}>
      <FacilityProvider>
        <AppHeader />
        <main className="page">
          <Switch>
            <Route path="/" component={HomePage} />
            <Route path="/signin">
              <Redirect to="/" replace />
            </Route>
            <Route path="/round">{() => <RoundPage unitId={null} date={null} />}</Route>
            <Route path="/round/:unitId">{(p) => <RoundPage unitId={p.unitId} date={null} />}</Route>
            <Route path="/round/:unitId/:date">{(p) => <RoundPage unitId={p.unitId} date={p.date} />}</Route>
            <Route path="/print/:unitId/:date">{(p) => <PrintPage unitId={p.unitId} date={p.date} />}</Route>
            <Route path="/setup">
              <Redirect to="/setup/people" replace />
            </Route>
            <Route path="/setup/people" component={PeopleSetupPage} />
            <Route path="/setup/units" component={UnitsSetupPage} />
            <Route path="/setup/import" component={ImportPage} />
            <Route path="/setup/rules" component={RuleProfilePage} />
            <Route path="/setup/facility" component={FacilitySetupPage} />
            <Route path="/setup/accounts" component={AccountsSetupPage} />
            <Route path="/records">
              <Redirect to={canRecordCases(user) ? "/records/cases" : "/records/bath"} replace />
            </Route>
            <Route path="/records/cases" component={CasesPage} />
            <Route path="/records/antibiotics" component={AntibioticsPage} />
            <Route path="/records/bath">{() => <BathPage date={null} />}</Route>
            <Route path="/records/bath/:date">{(p) => <BathPage date={p.date} />}</Route>
            <Route path="/cre/*?">{() => <CreRoutes />}</Route>
            <Route path="/routine/*?">{() => <RoutineRoutes />}</Route>
            <Route path="/episodes/:id">{(p) => <EpisodePage key={p.id} id={p.id} />}</Route>
            <Route path="/forms">
              <Redirect to="/forms/weekly" replace />
            </Route>
            <Route path="/forms/weekly" component={WeeklyTrendPage} />
            <Route path="/forms/physician-report" component={PhysicianReportPage} />
            <Route path="/disinfection" component={DisinfectionPage} />
            <Route path="/reports" component={ReportsListPage} />
            <Route path="/reports/:id">{(p) => <ReportRoute id={p.id} />}</Route>
            <Route path="/line-list/print" component={LineListPrintPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </main>
      </FacilityProvider>
    </OutboxProvider>
  );
}

import { Redirect, Route, Switch } from "wouter";
import { NotFoundPage } from "../NotFoundPage.tsx";
import { CreAvailabilityPage } from "./CreAvailabilityPage.tsx";
import { CreCasePage } from "./CreCasePage.tsx";
import { CreCasesPage } from "./CreCasesPage.tsx";
import { CreImportPage } from "./CreImportPage.tsx";
import { CreIsolatePage } from "./CreIsolatePage.tsx";
import { CreNotificationFormPage } from "./CreNotificationFormPage.tsx";
import "./cre.css";

/**
 * The CRE screens of a hospital under `/cre`. With `atRoot` (the laboratory and the AST, whose work is only this) the
 * case list is also the home page.
 */
export function CreRoutes({ atRoot = false }: { atRoot?: boolean }) {
  return (
    <Switch>
      {atRoot && <Route path="/" component={CreCasesPage} />}
      {atRoot && (
        <Route path="/signin">
          <Redirect to="/" replace />
        </Route>
      )}
      <Route path="/cre" component={CreCasesPage} />
      <Route path="/cre/new">{() => <CreIsolatePage />}</Route>
      <Route path="/cre/import" component={CreImportPage} />
      <Route path="/cre/availability" component={CreAvailabilityPage} />
      <Route path="/cre/:id/notification">{(p) => <CreNotificationFormPage caseId={p.id} />}</Route>
      <Route path="/cre/:id/isolate">{(p) => <CreIsolatePage caseId={p.id} />}</Route>
      <Route path="/cre/:id">{(p) => <CreCasePage caseId={p.id} />}</Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

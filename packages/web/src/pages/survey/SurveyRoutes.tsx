import { Route, Switch } from "wouter";
import { NotFoundPage } from "../NotFoundPage.tsx";
import { SurveyPaperPage } from "./SurveyPaperPage.tsx";
import { SurveyPreviewPage } from "./SurveyPreviewPage.tsx";

/** Pages of a questionnaire definition itself: its paper form and a try-out of the screen form (nothing is saved). */
export function SurveyRoutes() {
  return (
    <Switch>
      <Route path="/survey/paper/:name">{(p) => <SurveyPaperPage name={p.name} />}</Route>
      <Route path="/survey/preview/:name">{(p) => <SurveyPreviewPage name={p.name} />}</Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

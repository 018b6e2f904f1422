import { Route, Switch } from "wouter";
import { NotFoundPage } from "../NotFoundPage.tsx";
import { PaperEntryPage } from "./PaperEntryPage.tsx";
import { PaperFormsPage } from "./PaperFormsPage.tsx";
import { SecretariatOverviewPage } from "./SecretariatOverviewPage.tsx";
import { SurveyAnswerPage } from "./SurveyAnswerPage.tsx";
import { SurveyPaperPage } from "./SurveyPaperPage.tsx";
import { SurveyPreviewPage } from "./SurveyPreviewPage.tsx";
import { SurveyLabQueuePage, SurveyTasksPage } from "./SurveyTasksPage.tsx";
import "./survey.css";

/** Pages of a questionnaire definition itself: its paper form and a try-out of the screen form (nothing is saved). */
export function SurveyRoutes() {
  return (
    <Switch>
      <Route path="/survey/paper-entry" component={PaperFormsPage} />
      <Route path="/survey/paper-entry/:id">{(p) => <PaperEntryPage key={p.id} id={p.id} />}</Route>
      <Route path="/survey/paper/:name">{(p) => <SurveyPaperPage name={p.name} />}</Route>
      <Route path="/survey/preview/:name">{(p) => <SurveyPreviewPage name={p.name} />}</Route>
      <Route path="/survey" component={SurveyTasksPage} />
      <Route path="/survey/lab" component={SurveyLabQueuePage} />
      <Route path="/survey/secretariat" component={SecretariatOverviewPage} />
      <Route path="/survey/responses/:id">{(p) => <SurveyAnswerPage key={p.id} id={p.id} />}</Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

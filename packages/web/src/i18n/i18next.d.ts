import type { AlertMessages } from "./alerts.ja.ts";
import type { CreMessages } from "./cre.ja.ts";
import type { EpisodeMessages } from "./episodes.ja.ts";
import type { FormsMessages } from "./forms.ja.ts";
import type { Messages } from "./ja.ts";
import type { NotifyMessages } from "./notify.ja.ts";
import type { QuestionnaireMessages } from "./questionnaire.ja.ts";
import type { RegionMessages } from "./region.ja.ts";
import type { ReportMessages } from "./reports.ja.ts";
import type { RoundMessages } from "./round.ja.ts";
import type { RoutineMessages } from "./routine.ja.ts";
import type { SecondFactorMessages } from "./second-factor.ja.ts";
import type { SurveillanceMessages } from "./surveillance.ja.ts";
import type { SurveyMessages } from "./survey.ja.ts";

// Keys given to t() are checked against the Japanese messages at compile time.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: Messages;
      alerts: AlertMessages;
      cre: CreMessages;
      routine: RoutineMessages;
      round: RoundMessages;
      episodes: EpisodeMessages;
      forms: FormsMessages;
      surveillance: SurveillanceMessages;
      secondFactor: SecondFactorMessages;
      questionnaire: QuestionnaireMessages;
      notify: NotifyMessages;
      survey: SurveyMessages;
      reports: ReportMessages;
      region: RegionMessages;
    };
  }
}

import type { AlertMessages } from "./alerts.ja.ts";
import type { CreMessages } from "./cre.ja.ts";
import type { Messages } from "./ja.ts";
import type { SurveillanceMessages } from "./surveillance.ja.ts";

// Keys given to t() are checked against the Japanese messages at compile time.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: Messages;
      alerts: AlertMessages;
      cre: CreMessages;
      surveillance: SurveillanceMessages;
    };
  }
}

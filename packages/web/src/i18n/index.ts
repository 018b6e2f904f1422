import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { asLang, type Lang } from "../lib/labels.ts";
import { alertsEn } from "./alerts.en.ts";
import { alertsJa } from "./alerts.ja.ts";
import { creEn } from "./cre.en.ts";
import { creJa } from "./cre.ja.ts";
import { en } from "./en.ts";
import { episodesEn } from "./episodes.en.ts";
import { episodesJa } from "./episodes.ja.ts";
import { formsEn } from "./forms.en.ts";
import { formsJa } from "./forms.ja.ts";
import { ja } from "./ja.ts";
import { notifyEn } from "./notify.en.ts";
import { notifyJa } from "./notify.ja.ts";
import { questionnaireEn } from "./questionnaire.en.ts";
import { questionnaireJa } from "./questionnaire.ja.ts";
import { regionEn } from "./region.en.ts";
import { regionJa } from "./region.ja.ts";
import { reportsEn } from "./reports.en.ts";
import { reportsJa } from "./reports.ja.ts";
import { roundEn } from "./round.en.ts";
import { roundJa } from "./round.ja.ts";
import { routineEn } from "./routine.en.ts";
import { routineJa } from "./routine.ja.ts";
import { secondFactorEn } from "./second-factor.en.ts";
import { secondFactorJa } from "./second-factor.ja.ts";
import { surveillanceEn } from "./surveillance.en.ts";
import { surveillanceJa } from "./surveillance.ja.ts";
import { surveyEn } from "./survey.en.ts";
import { surveyJa } from "./survey.ja.ts";

const STORAGE_KEY = "mamori.lang";

function storedLang(): Lang {
  try {
    return asLang(globalThis.localStorage?.getItem(STORAGE_KEY) ?? "ja");
  } catch {
    return "ja";
  }
}

/** The app's i18next instance: Japanese by default, English on request; the choice is kept on the device. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    ja: {
      translation: ja,
      alerts: alertsJa,
      cre: creJa,
      routine: routineJa,
      round: roundJa,
      episodes: episodesJa,
      forms: formsJa,
      surveillance: surveillanceJa,
      secondFactor: secondFactorJa,
      questionnaire: questionnaireJa,
      notify: notifyJa,
      survey: surveyJa,
      reports: reportsJa,
      region: regionJa,
    },
    en: {
      translation: en,
      alerts: alertsEn,
      cre: creEn,
      routine: routineEn,
      round: roundEn,
      episodes: episodesEn,
      forms: formsEn,
      surveillance: surveillanceEn,
      secondFactor: secondFactorEn,
      questionnaire: questionnaireEn,
      notify: notifyEn,
      survey: surveyEn,
      reports: reportsEn,
      region: regionEn,
    },
  },
  lng: storedLang(),
  fallbackLng: "ja",
  supportedLngs: ["ja", "en"],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

function applyLang(lang: string) {
  if (typeof document !== "undefined") document.documentElement.lang = asLang(lang);
}
applyLang(i18n.language);

/** Switches the language and remembers it on this device. */
export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  applyLang(lang);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or full storage: the choice lasts for this visit only.
  }
}

import {
  DISEASE_LABELS,
  type FacilityAlert,
  GROUP_TEXT,
  GROUPED_DISEASES,
  type GroupedDisease,
  type RuleSource,
} from "@mamori/domain/surveillance";
import type { TFunction } from "i18next";
import type { Person } from "../api/types.ts";
import type { Lang } from "../lib/labels.ts";

// Display words for alerts and records: subjects, diseases, persons, days. Codes never reach the screen.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"] as const;
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS_EN = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** A day without the year: "11月20日(金)" or "Fri 20 Nov". */
export function shortDay(day: string, lang: Lang): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) return day;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return lang === "en"
    ? `${WEEKDAYS_EN[weekday]} ${d} ${MONTHS_EN[m - 1]}`
    : `${m}月${d}日(${WEEKDAYS_JA[weekday]})`;
}

export const isGroupedDisease = (disease: string): disease is GroupedDisease =>
  Object.hasOwn(GROUPED_DISEASES, disease);

/** Diseases offered besides the grouped ones: those the manual's §5 and 表3 give guidance for. */
export const OTHER_DISEASES = [
  "tuberculosis",
  "legionellosis",
  "pneumococcal_pneumonia",
  "aspiration_pneumonia",
  "c_difficile",
  "mrsa",
  "esbl",
  "cre",
  "mdrp",
  "vre",
] as const;
export type OtherDisease = (typeof OTHER_DISEASES)[number];
const isOtherDisease = (disease: string): disease is OtherDisease =>
  (OTHER_DISEASES as readonly string[]).includes(disease);

/** The name of a disease code; a code Mamori does not know (recorded by another system) is shown as recorded. */
export function diseaseLabel(t: TFunction<"alerts">, disease: string, lang: Lang): string {
  if (isGroupedDisease(disease)) return DISEASE_LABELS[disease][lang];
  if (isOtherDisease(disease)) return t(`diseases.${disease}`);
  return disease;
}

/** What a facility alert is about: the symptom group ("嘔吐・下痢") or the disease. */
export function subjectLabel(t: TFunction<"alerts">, alert: FacilityAlert, lang: Lang): string {
  return "group" in alert.subject
    ? GROUP_TEXT[alert.subject.group].name[lang]
    : diseaseLabel(t, alert.subject.disease, lang);
}

/** A person as alerts name them: the name, and the room or "職員" to tell people of the same name apart. */
export function personLabel(t: TFunction<"alerts">, person: Person | undefined): string {
  if (!person) return t("records.unknownPerson");
  const where = person.kind === "staff" ? t("card.staff") : person.room;
  return where ? t("card.personWhere", { name: person.name, where }) : person.name;
}

/** The manual and pages a rule comes from, with the section as the manual numbers it. */
export function sourceLine(t: TFunction<"alerts">, source: RuleSource): string {
  const pages = [...source.pages]
    .sort((a, b) => a - b)
    .map((page) => `p.${page}`)
    .join(", ");
  return t("card.sourceText", { pages, section: source.section });
}
